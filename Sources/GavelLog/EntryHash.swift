import Crypto

/// The canonical serialisation an entry's hash covers (docs/decision-log.md,
/// "Hash chain"). Versioned by its prefix: a change to it is a new prefix,
/// never a silent reinterpretation of old entries.
public enum EntryHash {
    static let prefix = Array("gavel-log-entry/1\n".utf8)

    /// The small fields are gathered into one buffer and hashed in a few
    /// calls: an update per field (two with its length) cost more than
    /// hashing its bytes. The record and the case line, the bulk of an
    /// entry, are hashed where they are.
    public static func of(seq: Int64, loggedAt: String, entry e: LogEntry, previous: SHA256Key) -> SHA256Key {
        var hasher = SHA256()
        var buffer: [UInt8] = []
        buffer.reserveCapacity(512)
        buffer += prefix
        buffer += previous.bytes
        // Every field is length-prefixed, so no two different entries serialise alike.
        field(String(seq), &buffer)
        field(e.kind.rawValue, &buffer)
        field(e.refersTo.map(String.init), &buffer)
        field(loggedAt, &buffer)
        field(e.recordID, &buffer)
        field(e.caseID, &buffer)
        field(e.decision, &buffer)
        field(e.asOf, &buffer)
        field(e.asOfSource, &buffer)
        field(e.traceLevel, &buffer)
        field(e.engineVersion, &buffer)
        field(e.strict ? "1" : "0", &buffer)
        field(LogEntry.rulesColumn(e.matchedRules), &buffer)
        large(e.record, &buffer, &hasher)
        let c = e.caseSource
        field(bytes: c?.blob?.bytes, &buffer)
        if let inline = c?.inline { large(inline, &buffer, &hasher) } else { null(&buffer) }
        field(c?.format, &buffer)
        field(c.map { String($0.document) }, &buffer)
        field(c?.file, &buffer)
        field(c.map { String($0.line) }, &buffer)
        field(bytes: e.bundle?.bytes, &buffer)
        buffer.withUnsafeBytes { hasher.update(bufferPointer: $0) }
        return SHA256Key(validated: Array(hasher.finalize()))
    }

    private static func field(_ text: String?, _ buffer: inout [UInt8]) {
        guard var text else { return null(&buffer) }
        text.withUTF8 { raw in
            length(raw.count, &buffer)
            buffer.append(contentsOf: raw)
        }
    }

    private static func field(bytes: [UInt8]?, _ buffer: inout [UInt8]) {
        guard let bytes else { return null(&buffer) }
        length(bytes.count, &buffer)
        buffer += bytes
    }

    /// A large field: its length joins the buffer, which is hashed, then its bytes are hashed in place.
    private static func large(_ bytes: [UInt8], _ buffer: inout [UInt8], _ hasher: inout SHA256) {
        length(bytes.count, &buffer)
        buffer.withUnsafeBytes { hasher.update(bufferPointer: $0) }
        buffer.removeAll(keepingCapacity: true)
        bytes.withUnsafeBytes { hasher.update(bufferPointer: $0) }
    }

    /// NULL: a length no field can have, and no bytes.
    private static func null(_ buffer: inout [UInt8]) {
        buffer.append(contentsOf: repeatElement(0xFF, count: 8))
    }

    private static func length(_ count: Int, _ buffer: inout [UInt8]) {
        withUnsafeBytes(of: UInt64(count).bigEndian) { buffer.append(contentsOf: $0) }
    }
}

extension LogEntry {
    /// The `rules` column: matched rule ids joined by single spaces (rule ids have none).
    static func rulesColumn(_ rules: [String]) -> String { rules.joined(separator: " ") }
}
