extension YAMLComposer {
    /// Each non-blank line of JSON Lines input as one document, located at its
    /// own line of the file, up to the first line that fails.
    ///
    /// A YAML stream cannot hold bare JSON values one per line (they need `---`
    /// between them), so each line gets its own libyaml parser; size and
    /// encoding are checked once for the whole input.
    public static func composeJSONLines(_ bytes: [UInt8], file: String, limits: LoadLimits = .default) -> ComposedStream {
        bytes.withUnsafeBufferPointer { buffer in
            if let problem = checkInput(buffer, locate: Locator(file: file), limits: limits) {
                return ComposedStream(documents: [], error: problem)
            }
            var documents: [SourceNode] = []
            var lineStart = 0
            var lineNumber = 0
            while lineStart < buffer.count {
                var lineEnd = lineStart
                while lineEnd < buffer.count, buffer[lineEnd] != UInt8(ascii: "\n") { lineEnd += 1 }
                let line = UnsafeBufferPointer(rebasing: buffer[lineStart..<lineEnd])
                if !isBlank(line) {
                    let stream = composeChecked(line, locate: Locator(file: file, lineOffset: lineNumber), limits: limits)
                    documents += stream.documents
                    if let error = stream.error { return ComposedStream(documents: documents, error: error) }
                }
                lineStart = lineEnd + 1
                lineNumber += 1
            }
            return ComposedStream(documents: documents, error: nil)
        }
    }

    private static func isBlank(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        line.allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") || $0 == UInt8(ascii: "\r") }
    }
}
