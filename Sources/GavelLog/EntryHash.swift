import Crypto

/// The canonical serialisation an entry's hash covers (docs/decision-log.md,
/// "Hash chain"). Versioned by its prefix: a change to it is a new prefix,
/// never a silent reinterpretation of old entries.
public enum EntryHash {
    static let prefix = Array("gavel-log-entry/1\n".utf8)

    public static func of(seq: Int64, loggedAt: String, entry e: LogEntry, previous: SHA256Key) -> SHA256Key {
        var hasher = SHA256()
        hasher.update(data: prefix)
        hasher.update(data: previous.bytes)
        // Every field is length-prefixed, so no two different entries serialise alike.
        field(String(seq), &hasher)
        field(e.kind.rawValue, &hasher)
        field(e.refersTo.map(String.init), &hasher)
        field(loggedAt, &hasher)
        field(e.recordID, &hasher)
        field(e.caseID, &hasher)
        field(e.decision, &hasher)
        field(e.asOf, &hasher)
        field(e.asOfSource, &hasher)
        field(e.traceLevel, &hasher)
        field(e.engineVersion, &hasher)
        field(e.strict ? "1" : "0", &hasher)
        field(LogEntry.rulesColumn(e.matchedRules), &hasher)
        field(bytes: e.record, &hasher)
        let c = e.caseSource
        field(bytes: c?.blob?.bytes, &hasher)
        field(bytes: c?.inline, &hasher)
        field(c?.format, &hasher)
        field(c.map { String($0.document) }, &hasher)
        field(c?.file, &hasher)
        field(c.map { String($0.line) }, &hasher)
        field(bytes: e.bundle?.bytes, &hasher)
        return SHA256Key(validated: Array(hasher.finalize()))
    }

    private static func field(_ text: String?, _ hasher: inout SHA256) {
        guard var text else { return field(bytes: nil, &hasher) }
        text.withUTF8 { field(raw: $0, &hasher) }
    }

    private static func field(bytes: [UInt8]?, _ hasher: inout SHA256) {
        guard let bytes else {
            // NULL: a length no field can have, and no bytes.
            hasher.update(data: [UInt8](repeating: 0xFF, count: 8))
            return
        }
        bytes.withUnsafeBufferPointer { field(raw: $0, &hasher) }
    }

    private static func field(raw: UnsafeBufferPointer<UInt8>, _ hasher: inout SHA256) {
        let length = UInt64(raw.count).bigEndian
        withUnsafeBytes(of: length) { hasher.update(bufferPointer: $0) }
        hasher.update(bufferPointer: UnsafeRawBufferPointer(raw))
    }
}

extension LogEntry {
    /// The `rules` column: matched rule ids joined by single spaces (rule ids have none).
    static func rulesColumn(_ rules: [String]) -> String { rules.joined(separator: " ") }
}
