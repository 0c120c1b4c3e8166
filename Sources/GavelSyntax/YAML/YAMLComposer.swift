/// Reads YAML 1.2 (and so JSON) into located `SourceNode` trees, strictly:
/// duplicate keys, non-string keys, merge keys, unknown tags, tabs as
/// indentation and anything past `LoadLimits` are errors, never guesses.
package enum YAMLComposer {
    /// Every document in `bytes`, up to the first fatal problem.
    ///
    /// `file` is the display path used in every SourceLocation.
    package static func compose(_ bytes: [UInt8], file: String, limits: LoadLimits = .default, json: Bool = false) -> ComposedStream {
        compose(bytes, file: file, lineOffset: 0, limits: limits, json: json)
    }

    /// Every document in `bytes`, as `compose(_:file:limits:)`, with
    /// `lineOffset` added to every line number (in messages too): for input cut
    /// out of a larger file, such as one line of JSON Lines.
    /// With `json`, the input is JSON (a `.json` file, a JSON line): its
    /// escaped surrogate pairs are read (`JSONSurrogatePairs`).
    package static func compose(
        _ bytes: [UInt8], file: String, lineOffset: Int, limits: LoadLimits = .default, json: Bool = false
    ) -> ComposedStream {
        bytes.withUnsafeBufferPointer { buffer in
            var locate = Locator(file: file, lineOffset: lineOffset)
            if let problem = checkInput(buffer, locate: locate, limits: limits) {
                return ComposedStream(documents: [], error: problem)
            }
            if json, let (rewritten, shifts) = JSONSurrogatePairs.rewritten(buffer) {
                locate.shifts = shifts
                return rewritten.withUnsafeBufferPointer { composeChecked($0, locate: locate, limits: limits) }
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
    /// libyaml cannot go on after a syntax error, but the documents after
    /// the broken one can be read afresh from the next `---`: a case file's
    /// later cases must not vanish with one typo. A loop, not recursion: a
    /// file of many broken documents must not exhaust the stack, and each
    /// part of it is read once.
    static func composeChecked(_ buffer: UnsafeBufferPointer<UInt8>, locate: Locator, limits: LoadLimits) -> ComposedStream {
        var result = ComposedStream(outcomes: [])
        var offset = 0
        var part = locate
        while true {
            let (stream, resume) = composeUntilSyntaxError(UnsafeBufferPointer(rebasing: buffer[offset...]), locate: part, limits: limits)
            result.outcomes += stream.outcomes
            result.salvaged += stream.salvaged
            result.eventsRead += stream.eventsRead
            guard let resume else { return result }
            offset += resume.offset
            part.lineOffset += resume.line
            part.partLine += resume.line
        }
    }

    /// The documents of `buffer` up to its end or its first syntax error,
    /// and where the next document after that error starts, if one does.
    private static func composeUntilSyntaxError(
        _ buffer: UnsafeBufferPointer<UInt8>, locate: Locator, limits: LoadLimits
    ) -> (ComposedStream, resume: (offset: Int, line: Int)?) {
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
                return (stream(), failure.kind == .memory ? nil : Self.nextDocumentStart(in: buffer, from: failure))
            case .success(.streamEnd):
                return (stream(), nil)
            case .success(let event):
                if skippingDocument {
                    if case .documentEnd = event { skippingDocument = false }
                    continue
                }
                guard let problem = composer.consume(event) else { continue }
                failures.append((composer.documents.count, problem))
                guard Self.costsOnlyItsDocument(problem) else { return (stream(), nil) }
                skippingDocument = true
            }
        }
    }

    /// The first line at or after the failure's line (after the first line
    /// of `buffer`, so that reading always moves on) that starts a document
    /// with `---`: its byte offset and 0-based line in `buffer`. YAML forbids
    /// `---` at the start of a line inside content, so such a line begins a
    /// document whatever was broken before it.
    static func nextDocumentStart(in buffer: UnsafeBufferPointer<UInt8>, from failure: LibYAMLFailure) -> (offset: Int, line: Int)? {
        let failureLine = failure.kind == .reader ? SourceText(bytes: buffer).mark(ofByte: failure.problemOffset).line : failure.problemMark.line
        var line = 0
        var start = 0
        while start < buffer.count {
            if line >= max(failureLine, 1), startsDocument(buffer, at: start) { return (start, line) }
            // The next line, after `\n`, `\r\n` or a lone `\r`, as libyaml counts lines.
            var i = start
            while i < buffer.count, buffer[i] != 0x0A, buffer[i] != 0x0D { i += 1 }
            if i < buffer.count, buffer[i] == 0x0D, i + 1 < buffer.count, buffer[i + 1] == 0x0A { i += 1 }
            start = i + 1
            line += 1
        }
        return nil
    }

    /// `---` then a space, a tab, a line break or the end.
    private static func startsDocument(_ buffer: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
        guard i + 3 <= buffer.count, buffer[i] == 0x2D, buffer[i + 1] == 0x2D, buffer[i + 2] == 0x2D else { return false }
        return i + 3 == buffer.count || [0x20, 0x09, 0x0A, 0x0D].contains(buffer[i + 3])
    }

    /// Problems after which the rest of the stream is still worth reading:
    /// the document is wrong, but reading on costs no more than the input.
    static func costsOnlyItsDocument(_ problem: Diagnostic) -> Bool {
        [.complexKey, .unknownTag, .invalidTaggedScalar].contains(problem.code)
    }
}
