import Crypto

/// The canonical serialisation an entry's hash covers (docs/decision-log.md,
/// "Hash chain"). Versioned by its prefix: a change to it is a new prefix,
/// never a silent reinterpretation of old entries.
public enum EntryHash {
    /// The 21 fields of schema v1: every entry whose `explain_screening` is NULL
    /// (all entries logged before v3, and overrides and appeals since).
    static let prefix = Array("gavel-log-entry/1\n".utf8)
    /// The same 21 fields and `explain_screening` as the 22nd: a decision logged from schema v3 on.
    static let explainedPrefix = Array("gavel-log-entry/2\n".utf8)

    public static func of(seq: Int64, loggedAt: String, entry e: LogEntry, previous: SHA256Key) -> SHA256Key {
        var bytes = EntryBytes()
        bytes.load(seq: seq, loggedAt: loggedAt, entry: e, previous: previous)
        return bytes.hash(of: e)
    }
}

/// One entry serialised as its hash covers it, except for the bytes of the
/// record and of an inline case line, which stay where they are: hashed in
/// place, and bound to the insert in place. The SQLite insert binds every
/// other column from these bytes too, so each field is turned into bytes
/// once per append (binding copies of the strings cost a third of an
/// insert). Reused from entry to entry, keeping its capacity.
struct EntryBytes {
    /// The fields in the order they are serialised.
    enum Field: Int, CaseIterable {
        case seq, kind, refersTo, loggedAt, recordID, caseID, decision, asOf, asOfSource, traceLevel, engineVersion, strict, rules
        case caseBlob, format, document, file, line, bundle
    }

    private(set) var bytes: [UInt8] = []
    /// Each field's value in `bytes`, after its length; nil for NULL.
    private var ranges: [Range<Int>?] = []
    /// Where the record's bytes, and an inline case line's, belong in the serialisation.
    private var recordAt = 0
    private var inlineAt: Int?

    init() {
        bytes.reserveCapacity(512)
        ranges.reserveCapacity(Field.allCases.count)
    }

    mutating func load(seq: Int64, loggedAt: String, entry e: LogEntry, previous: SHA256Key) {
        bytes.removeAll(keepingCapacity: true)
        ranges.removeAll(keepingCapacity: true)
        inlineAt = nil
        // Which serialisation follows from the entry itself: one that records no
        // `explain_screening` hashes as it always has, so old entries verify.
        bytes += e.explainScreening == nil ? EntryHash.prefix : EntryHash.explainedPrefix
        previous.withUnsafeBytes { bytes.append(contentsOf: $0) }
        // Every field is length-prefixed, so no two different entries serialise alike.
        text(String(seq))
        text(e.kind.rawValue)
        text(e.refersTo.map(String.init))
        text(loggedAt)
        text(e.recordID)
        text(e.caseID)
        text(e.decision)
        text(e.asOf)
        text(e.asOfSource)
        text(e.traceLevel)
        text(e.engineVersion)
        text(e.strict ? "1" : "0")
        text(LogEntry.rulesColumn(e.matchedRules))
        length(e.record.count)
        recordAt = bytes.count
        let c = e.caseSource
        key(c?.blob)
        // The record and the inline case line have no range: they are not in `bytes`.
        if let inline = c?.inline {
            length(inline.count)
            inlineAt = bytes.count
        } else {
            bytes.append(contentsOf: Self.nullMarker)
        }
        text(c?.format)
        text(c.map { String($0.document) })
        text(c?.file)
        text(c.map { String($0.line) })
        key(e.bundle)
        if let explained = e.explainScreening { text(explained ? "1" : "0") }
    }

    /// The field's bytes in `bytes`; nil for NULL.
    func range(_ field: Field) -> Range<Int>? { ranges[field.rawValue] }

    /// Where the previous entry's hash lies in `bytes`.
    var previousRange: Range<Int> { EntryHash.prefix.count..<(EntryHash.prefix.count + 32) }  // both prefixes are as long

    /// The SHA-256 of the whole serialisation, `e`'s record and inline case
    /// line hashed where they are. `e` must be the entry loaded.
    func hash(of e: LogEntry) -> SHA256Key {
        var hasher = SHA256()
        bytes.withUnsafeBytes { all in
            hasher.update(bufferPointer: UnsafeRawBufferPointer(rebasing: all[..<recordAt]))
            e.record.withUnsafeBytes { hasher.update(bufferPointer: $0) }
            if let inlineAt, let inline = e.caseSource?.inline {
                hasher.update(bufferPointer: UnsafeRawBufferPointer(rebasing: all[recordAt..<inlineAt]))
                inline.withUnsafeBytes { hasher.update(bufferPointer: $0) }
                hasher.update(bufferPointer: UnsafeRawBufferPointer(rebasing: all[inlineAt...]))
            } else {
                hasher.update(bufferPointer: UnsafeRawBufferPointer(rebasing: all[recordAt...]))
            }
        }
        return SHA256Key(hasher.finalize())
    }

    private mutating func text(_ value: String?) {
        guard var value else { return null() }
        value.withUTF8 { raw in
            length(raw.count)
            let start = bytes.count
            bytes.append(contentsOf: raw)
            ranges.append(start..<bytes.count)
        }
    }

    private mutating func key(_ value: SHA256Key?) {
        guard let value else { return null() }
        value.withUnsafeBytes { raw in
            length(raw.count)
            let start = bytes.count
            bytes.append(contentsOf: raw)
            ranges.append(start..<bytes.count)
        }
    }

    /// NULL: a length no field can have, and no bytes.
    private static let nullMarker = [UInt8](repeating: 0xFF, count: 8)

    private mutating func null() {
        bytes.append(contentsOf: Self.nullMarker)
        ranges.append(nil)
    }

    private mutating func length(_ count: Int) {
        withUnsafeBytes(of: UInt64(count).bigEndian) { bytes.append(contentsOf: $0) }
    }
}

extension LogEntry {
    /// The `rules` column: matched rule ids joined by single spaces (rule ids have none).
    static func rulesColumn(_ rules: [String]) -> String { rules.joined(separator: " ") }
}
