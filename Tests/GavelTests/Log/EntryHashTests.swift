import Testing

@testable import GavelLog

/// `EntryHash` hashes exactly the byte string docs/decision-log.md documents
/// ("Hash chain"), built here field by field from the table, so a faster
/// way of feeding the hasher can never change what is hashed.
@Suite("decision log: entry hash")
struct EntryHashTests {
    static func documented(seq: Int64, loggedAt: String, entry e: LogEntry, previous: SHA256Key) -> [UInt8] {
        func field(_ bytes: [UInt8]?) -> [UInt8] {
            guard let bytes else { return [UInt8](repeating: 0xFF, count: 8) }
            let count = UInt64(bytes.count)
            return (0..<8).map { UInt8(truncatingIfNeeded: count >> (56 - 8 * UInt64($0))) } + bytes
        }
        func text(_ s: String?) -> [UInt8] { field(s.map { Array($0.utf8) }) }
        let c = e.caseSource
        // An entry that records explain_screening (a decision logged from schema v3 on) is version 2, with it as field 22.
        var out = Array("gavel-log-entry/\(e.explainScreening == nil ? 1 : 2)\n".utf8) + previous.bytes
        out += text(String(seq)) + text(e.kind.rawValue) + text(e.refersTo.map { String($0) }) + text(loggedAt)
        out += text(e.recordID) + text(e.caseID) + text(e.decision) + text(e.asOf) + text(e.asOfSource) + text(e.traceLevel)
        out += text(e.engineVersion) + text(e.strict ? "1" : "0") + text(e.matchedRules.joined(separator: " ")) + field(e.record)
        out += field(c?.blob?.bytes) + field(c?.inline) + text(c?.format) + text(c.map { String($0.document) }) + text(c?.file)
        out += text(c.map { String($0.line) }) + field(e.bundle?.bytes)
        if let explained = e.explainScreening { out += text(explained ? "1" : "0") }
        return out
    }

    static let bundle = SHA256Key.of(Array("manifest".utf8))

    static let entries: [LogEntry] = [
        LogEntry(
            recordID: "gvl-0123456789abcdef0123456789abcdef", caseID: "case-1", decision: "terminate", asOf: "2026-01-01", asOfSource: "flag",
            traceLevel: "decisive", engineVersion: "0.2.0", strict: false, matchedRules: ["r01", "r07-any"],
            record: Array(String(repeating: "{\"op\":\"any\"}", count: 300).utf8),
            caseSource: CaseReference(bytes: .inline(Array("{\"id\":\"case-1\"}".utf8)), format: "jsonl-line", document: 0, file: "cases.jsonl", line: 7),
            bundle: bundle),
        LogEntry(
            recordID: "gvl-ffff", caseID: "Ünïcode case", decision: "no_action", asOf: "2024-06-01T12:00:00Z", asOfSource: "case",
            traceLevel: "full", engineVersion: "0.2.0", strict: true, matchedRules: [], record: [],
            caseSource: CaseReference(bytes: .blob(SHA256Key.of([1, 2, 3])), format: "yaml", document: 3, file: "Cases/a.yaml", line: 1),
            bundle: bundle),
        LogEntry(
            kind: .override, refersTo: 12, recordID: "gvo-1", caseID: "case-1", decision: "restrict", asOf: "2026-01-01", asOfSource: "flag",
            traceLevel: "none", engineVersion: "0.2.0", strict: false, matchedRules: [], record: Array("{\"id\":\"gvo-1\"}".utf8),
            caseSource: nil, bundle: nil),
        LogEntry(
            recordID: "gvl-0123456789abcdef0123456789abcdef", caseID: "case-1", decision: "terminate", asOf: "2026-01-01", asOfSource: "flag",
            traceLevel: "decisive", engineVersion: "0.2.0", strict: false, matchedRules: ["r01"], record: Array("{\"id\":1}".utf8),
            caseSource: CaseReference(bytes: .inline(Array("{\"id\":\"case-1\"}".utf8)), format: "jsonl-line", document: 0, file: "c.jsonl", line: 1),
            bundle: bundle, explainScreening: true),
        LogEntry(
            recordID: "gvl-ffff", caseID: "case-2", decision: "no_action", asOf: "2026-01-01", asOfSource: "case",
            traceLevel: "none", engineVersion: "0.2.0", strict: false, matchedRules: [], record: [],
            caseSource: CaseReference(bytes: .blob(SHA256Key.of([1])), format: "yaml", document: 0, file: "a.yaml", line: 1),
            bundle: bundle, explainScreening: false),
    ]

    @Test("an entry's hash is the SHA-256 of the documented byte string", arguments: entries.indices)
    func documentedBytes(index: Int) {
        let entry = Self.entries[index]
        let previous = SHA256Key.of(Array("previous".utf8))
        let seq = Int64(1000 + index)
        let expected = SHA256Key.of(Self.documented(seq: seq, loggedAt: "2026-12-02T10:00:00.123Z", entry: entry, previous: previous))
        #expect(EntryHash.of(seq: seq, loggedAt: "2026-12-02T10:00:00.123Z", entry: entry, previous: previous) == expected)
    }

    @Test("whether near misses were explained is hashed: each value, and none, gives another hash")
    func explainScreeningCovered() {
        let previous = SHA256Key.of(Array("previous".utf8))
        var entry = Self.entries[3]
        let hashes = [true, false, nil].map { (value: Bool?) -> SHA256Key in
            entry.explainScreening = value
            return EntryHash.of(seq: 1, loggedAt: "2026-12-02T10:00:00.123Z", entry: entry, previous: previous)
        }
        #expect(Set(hashes).count == 3)
    }
}
