/// Reads YAML 1.2 (and so JSON) into located `SourceNode` trees, strictly:
/// duplicate keys, non-string keys, merge keys, unknown tags, tabs as
/// indentation and anything past `LoadLimits` are errors, never guesses.
package enum YAMLComposer {
    /// Every document in `bytes`, up to the first fatal problem.
    ///
    /// `file` is the display path used in every SourceLocation.
    package static func compose(_ bytes: [UInt8], file: String, limits: LoadLimits = .default) -> ComposedStream {
        compose(bytes, file: file, lineOffset: 0, limits: limits)
    }

    /// Every document in `bytes`, as `compose(_:file:limits:)`, with
    /// `lineOffset` added to every line number (in messages too): for input cut
    /// out of a larger file, such as one line of JSON Lines.
    package static func compose(
        _ bytes: [UInt8], file: String, lineOffset: Int, limits: LoadLimits = .default
    ) -> ComposedStream {
        bytes.withUnsafeBufferPointer { buffer in
            let locate = Locator(file: file, lineOffset: lineOffset)
            if let problem = checkInput(buffer, locate: locate, limits: limits) {
                return ComposedStream(documents: [], error: problem)
            }
            return composeChecked(buffer, locate: locate, limits: limits)
        }
    }

    /// File size and encoding, checked before libyaml sees a byte.
    static func checkInput(_ buffer: UnsafeBufferPointer<UInt8>, locate: Locator, limits: LoadLimits) -> Diagnostic? {
        let start = locate(LibYAMLMark(line: 0, column: 0))
        if buffer.count > limits.maxFileBytes {
            return .fileTooLarge(size: buffer.count, limit: limits.maxFileBytes, at: start)
        }
        switch UTF8Check.problem(in: buffer) {
        case nil:
            return nil
        case .foreignByteOrderMark(let encoding)?:
            return .foreignEncoding(encoding, at: start)
        case .invalidByte(let offset)?:
            let mark = SourceText(bytes: buffer).mark(ofByte: offset)
            return .invalidUTF8(byte: buffer[offset], at: locate(mark))
        }
    }

    /// Runs libyaml over input already known to be valid UTF-8 within limits.
    static func composeChecked(_ buffer: UnsafeBufferPointer<UInt8>, locate: Locator, limits: LoadLimits) -> ComposedStream {
        let parser = LibYAMLParser(input: buffer)
        var composer = EventComposer(limits: limits, locate: locate)
        var failures: [(afterDocuments: Int, problem: Diagnostic)] = []
        var skippingDocument = false
        var eventsRead = 0
        func stream() -> ComposedStream {
            var outcomes: [Result<SourceNode, Diagnostic>] = []
            var salvaged: [SourceNode] = []
            var pending = failures[...]
            for (index, document) in composer.documents.enumerated() {
                while let failure = pending.first, failure.afterDocuments <= index {
                    outcomes.append(.failure(failure.problem))
                    pending = pending.dropFirst()
                }
                if let problems = composer.spoiled[index] {
                    outcomes += problems.map { .failure($0) }
                    salvaged.append(document)
                } else {
                    outcomes.append(.success(document))
                }
            }
            outcomes += pending.map { .failure($0.problem) }
            var result = ComposedStream(outcomes: outcomes)
            result.salvaged = salvaged
            result.eventsRead = eventsRead
            return result
        }
        while true {
            eventsRead += 1
            switch parser.next() {
            case .failure(let failure):
                failures.append((composer.documents.count, failure.diagnostic(in: SourceText(bytes: buffer), locate: locate)))
                return stream()
            case .success(.streamEnd):
                return stream()
            case .success(let event):
                if skippingDocument {
                    if case .documentEnd = event { skippingDocument = false }
                    continue
                }
                guard let problem = composer.consume(event) else { continue }
                failures.append((composer.documents.count, problem))
                guard Self.costsOnlyItsDocument(problem) else { return stream() }
                skippingDocument = true
            }
        }
    }

    /// Problems after which the rest of the stream is still worth reading:
    /// the document is wrong, but reading on costs no more than the input.
    static func costsOnlyItsDocument(_ problem: Diagnostic) -> Bool {
        [.complexKey, .unknownTag, .invalidTaggedScalar].contains(problem.code)
    }
}
