import GavelEngine
import GavelSyntax

/// A logged case read back from the bytes the log kept, through the same
/// reader `evaluate` used, so the same document comes out.
package enum StoredCase {
    /// The bytes and where in them; a case file's blob is fetched from the store.
    package static func source(_ e: LogEntry, store: any DecisionStore) throws -> Result<CaseSource, ProblemText> {
        guard let reference = e.caseSource else { return .failure(ProblemText("it has no case")) }
        let bytes: [UInt8]
        switch reference.bytes {
        case .inline(let inline): bytes = inline
        case .blob(let key):
            guard let stored = try store.blob(key) else { return .failure(ProblemText("its case blob \(key) is missing")) }
            bytes = stored
        }
        return source(reference, bytes: bytes)
    }

    package static func source(_ reference: CaseReference, bytes: [UInt8]) -> Result<CaseSource, ProblemText> {
        guard let format = CaseSource.Format(rawValue: reference.format) else { return .failure(ProblemText("unknown case format `\(reference.format)`")) }
        return .success(
            CaseSource(bytes: bytes, format: format, document: reference.document, file: reference.file, line: reference.readerLine(format)))
    }

    package static func read(_ source: CaseSource, schema: CaseSchema?) -> Result<CaseRecord, ProblemText> {
        switch source.node().mapError({ DiagnosticError($0) }).flatMap({ CaseLoader.read($0, schema: schema) }) {
        case .failure(let error): return .failure(ProblemText("its case no longer reads: \(error.diagnostics.first?.message ?? "")"))
        case .success(let record): return .success(record)
        }
    }
}

extension CaseReference {
    /// The `case_line` to store for a case read from `source`: the reader
    /// numbers a streamed line from 0, messages and the log from 1.
    package static func storedLine(_ source: CaseSource) -> Int { source.format == .jsonLine ? source.line + 1 : source.line }

    /// The line number the case reader takes back for `format` (a streamed line's from 0).
    package func readerLine(_ format: CaseSource.Format) -> Int { format == .jsonLine ? max(0, line - 1) : line }
}
