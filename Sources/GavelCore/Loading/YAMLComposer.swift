/// Reads YAML 1.2 (and so JSON) into located `SourceNode` trees, strictly:
/// duplicate keys, non-string keys, merge keys, unknown tags, tabs as
/// indentation and anything past `LoadLimits` are errors, never guesses.
public enum YAMLComposer {
    /// Every document in `bytes`, up to the first fatal problem.
    ///
    /// `file` is the display path used in every SourceLocation.
    public static func compose(_ bytes: [UInt8], file: String, limits: LoadLimits = .default) -> ComposedStream {
        bytes.withUnsafeBufferPointer { buffer in
            let locate = Locator(file: file)
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
        while true {
            switch parser.next() {
            case .failure(let failure):
                let problem = failure.diagnostic(in: SourceText(bytes: buffer), locate: locate)
                return ComposedStream(documents: composer.documents, error: problem)
            case .success(.streamEnd):
                return ComposedStream(documents: composer.documents, error: nil)
            case .success(let event):
                if let problem = composer.consume(event) {
                    return ComposedStream(documents: composer.documents, error: problem)
                }
            }
        }
    }
}
