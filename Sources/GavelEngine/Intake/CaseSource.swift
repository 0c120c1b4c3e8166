import GavelSyntax

/// The bytes a case document was read from, exactly as read, and where in
/// them it is: what the decision log stores so that a logged decision can
/// be read again, byte for byte, years later.
package struct CaseSource: Sendable {
    package enum Format: String, Sendable {
        /// A YAML or JSON file (or standard input), possibly of several documents.
        case yaml
        /// A whole `.jsonl` file read at once (`CaseLoader.nodes`).
        case jsonLines = "jsonl"
        /// One line of a streamed `.jsonl` input: the bytes are that line alone.
        case jsonLine = "jsonl-line"
    }

    /// The whole file for `yaml` and `jsonLines`; the line for `jsonLine`.
    package var bytes: [UInt8]
    package var format: Format
    /// The document's index among `CaseLoader.nodes(in: bytes, …)`'s outcomes (0 for a line).
    package var document: Int
    /// Where it was read from, as given on the command line (`<stdin>` for `-`).
    package var file: String
    /// The line it starts on, for a streamed line; 1 otherwise.
    package var line: Int
    /// SHA-256 hex of `bytes` when already computed (once per file, for every document in it).
    package var sha256: String?

    package init(bytes: [UInt8], format: Format, document: Int, file: String, line: Int, sha256: String? = nil) {
        self.bytes = bytes
        self.format = format
        self.document = document
        self.file = file
        self.line = line
        self.sha256 = sha256
    }

    /// The document again, from the stored bytes: the same reading path as
    /// when it was first decided, so the same node comes out.
    package func node(limits: LoadLimits = .default) -> Result<SourceNode, Diagnostic> {
        switch format {
        case .jsonLine:
            return bytes.withUnsafeBufferPointer { JSONLines.document($0, file: file, lineNumber: line, limits: limits) }
        case .yaml, .jsonLines:
            // The file's name decides how CaseLoader reads it, as it did the first time.
            let outcomes = CaseLoader.nodes(in: bytes, file: file, limits: limits)
            guard outcomes.indices.contains(document) else {
                return .failure(
                    .error(
                        .emptyFile, "expected document \(document + 1) in the stored case bytes, found \(outcomes.count)",
                        at: SourceLocation(file: file, line: 1, column: 1)))
            }
            return outcomes[document]
        }
    }
}
