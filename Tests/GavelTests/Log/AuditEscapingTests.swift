import Foundation
import GRDB
import Testing

@testable import GavelCLI
@testable import GavelEngine
@testable import GavelLog
@testable import GavelSyntax

/// Text from a human or a case file in `audit show`'s history and the `audit
/// list` table is escaped as the trail escapes it (record.md, "Escaping"):
/// nothing can reorder a line, start a new one, or spoof who decided what.
@Suite("decision log: escaping in show and list")
struct AuditEscapingTests {
    static let forging: [Unicode.Scalar] = ["\u{202E}", "\u{2028}", "\u{2029}", "\u{85}", "\u{202A}", "\u{2066}", "\u{2069}", "\u{200F}", "\u{1B}", "\u{9B}"]

    @Test("an override's by, basis and reason with bidi and line-separator controls show escaped in the history")
    func history() throws {
        let folder = try LogFolder()
        let bundle = try TemporaryBundle(LogFixtures.bundleFiles)
        #expect(try LogFixtures.evaluate([try folder.write("c.jsonl", LogFixtures.cases(1))], policies: bundle.path, log: folder.log).status == 0)
        #expect(AuditHumanDecision(
            log: folder.log, id: "1", action: .override(decision: "terminate", basis: "Acme Terms of Service \u{2028}§10"), by: "Mallory\u{202E}",
            reason: "ok\u{85}EFFECTIVE DECISION  NO_ACTION \u{2066}x\u{2069}\u{1B}[2J\u{9B}"
        ).run(output: { _ in }, errors: { _ in }) == 0)
        var output = ""
        #expect(AuditShow(log: folder.log, id: "1", format: .text).run(output: { output += $0 }, errors: { _ in }) == 0)
        let history = String(output.prefix { $0 != "─" })
        for scalar in Self.forging { #expect(!history.unicodeScalars.contains(scalar), "U+\(String(scalar.value, radix: 16)) printed raw") }
        #expect(history.contains("by Mallory\\u{202E}  gvo-"))
        #expect(history.contains("        basis:  Acme Terms of Service \\u{2028}§10\n"))
        #expect(history.contains("        reason: ok\\u{85}EFFECTIVE DECISION  NO_ACTION \\u{2066}x\\u{2069}\\u{1B}[2J\\u{9B}\n"))
        #expect(history.components(separatedBy: "EFFECTIVE DECISION").count == 3, "the forged line stays inside the reason")
    }

    @Test("a case id with bidi, separator and control characters is escaped in the list table as in the trail", arguments: [
        ("CASE-\\u202Eevil", "CASE-\\u{202E}evil"), ("CASE-\\u2028x", "CASE-\\u{2028}x"), ("CASE-\\nx", "CASE-\\u{A}x"), ("CASE-\\u0085x", "CASE-\\u{85}x"),
        ("CASE-\\u2067x", "CASE-\\u{2067}x"),
    ])
    func caseID(json: String, shown: String) throws {
        let folder = try LogFolder()
        let bundle = try TemporaryBundle(LogFixtures.bundleFiles)
        let cases = try folder.write("c.jsonl", "{\"kind\":\"Case\",\"id\":\"\(json)\",\"as_of\":\"2024-01-01\",\"customer\":{\"name\":\"Hamas\"}}\n")
        #expect(try LogFixtures.evaluate([cases], policies: bundle.path, log: folder.log).status == 0)
        var table = ""
        #expect(AuditList(log: folder.log, filter: EntryFilter(), format: .table).run(output: { table += $0 }, errors: { _ in }) == 0)
        let rows = table.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(rows.count == 3, "a header, one row, and the final newline: \(rows)")
        #expect(table.contains("  \(shown)  "))
        for scalar in Self.forging { #expect(!table.unicodeScalars.contains(scalar)) }
        // The trail names the case the same way.
        var trail = ""
        #expect(AuditShow(log: folder.log, id: "1", format: .text).run(output: { trail += $0 }, errors: { _ in }) == 0)
        #expect(trail.contains(shown))
    }
}
