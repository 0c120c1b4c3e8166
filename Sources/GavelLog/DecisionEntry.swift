import GavelEngine
import GavelSyntax

/// One decided case, ready for the log: its entry and, for a case read from a file, the file's blob.
public struct LoggedDecision: Sendable {
    public var entry: LogEntry
    public var caseBlob: Blob?

    /// The record's id, read back from its first bytes (`{"id":"gvl-` and 32
    /// hex digits, the writer's fixed start) rather than hashed a second time.
    package static func recordID(in record: [UInt8]) -> String? {
        let prefix = Array(#"{"id":"gvl-"#.utf8)
        let end = prefix.count + 32
        guard record.count > end, record.starts(with: prefix), record[end] == UInt8(ascii: "\"") else { return nil }
        return String(decoding: record[(prefix.count - 4)..<end], as: UTF8.self)
    }

    /// Built on the thread that decided the case, so hashing the case bytes
    /// runs in parallel with the other jobs.
    package init(
        _ d: borrowing Decision, record: [UInt8], recordID: String, source: CaseSource, strict: Bool, explainScreening: Bool, bundle: SHA256Key
    ) {
        let bytes: CaseReference.Bytes
        if source.format == .jsonLine {
            bytes = .inline(source.bytes)
            caseBlob = nil
        } else {
            let key = source.sha256.flatMap(SHA256Key.init(hex:)) ?? SHA256Key.of(source.bytes)
            bytes = .blob(key)
            caseBlob = Blob(key: key, bytes: source.bytes)
        }
        entry = LogEntry(
            kind: .decision, recordID: recordID, caseID: d.caseID, decision: d.decision, asOf: d.asOf.description,
            asOfSource: d.asOfSource.rawValue, traceLevel: d.traceLevel.rawValue, engineVersion: DecisionRecord.engineVersion,
            strict: strict, matchedRules: d.matchedRuleIDs, record: record,
            caseSource: CaseReference(
                bytes: bytes, format: source.format.rawValue, document: source.document, file: source.file,
                line: CaseReference.storedLine(source)),
            bundle: bundle, explainScreening: explainScreening)
    }
}
