import Foundation
import Testing

@testable import GavelCLI
@testable import GavelEngine
@testable import GavelLint
@testable import GavelSyntax

@Suite("case-expects-unknown-rule")
struct CaseExpectsUnknownRuleCheckTests {
    static let policy = """
        kind: Policy
        id: p
        owner: o@example.com
        rules:
          - id: designated
            title: Designated
            basis: [EO 13224]
            decision: escalate
            when: { path: customer.name, equals: Hamas }
        exceptions:
          - id: newsworthy
            title: Newsworthy
            suspends: [designated]
            basis: [ToS 4.2]
            when: { path: site.categories, contains: journalism }
        """

    @Test("every expect field that names rules is checked, at the offending string")
    func everyField() throws {
        let expect = """
            kind: Case
            id: c
            expect:
              determined_by: [designated, a1]
              matched: [a2]
              not_matched: [designated, a3]
              suspended: [a4]
              not_in_force: [a5]
              exceptions_applied: [newsworthy, a6]
              obligations: [not-a-rule]
            """
        let found = try lintLines(["p.yaml": Self.policy], cases: ["c.yaml": expect])
        #expect(found.map { $0.split(separator: " ")[1] } == [
            "c.yaml:4:31", "c.yaml:5:13", "c.yaml:6:29", "c.yaml:7:15", "c.yaml:8:18", "c.yaml:9:36",
        ])
        #expect(found.first == "error c.yaml:4:31 `expect.determined_by` names `a1`, which is not a rule in the bundle; expected a rule id")
    }

    @Test("a rule id where an exception is expected, and the reverse, say so")
    func wrongKind() throws {
        let expect = "kind: Case\nid: c\nexpect: { matched: [newsworthy], exceptions_applied: [designated] }\n"
        #expect(try lintLines(["p.yaml": Self.policy], cases: ["c.yaml": expect]) == [
            "error c.yaml:3:21 `expect.matched` names `newsworthy`, which is an exception, not a rule; expected a rule id",
            "error c.yaml:3:55 `expect.exceptions_applied` names `designated`, which is a rule, not an exception; expected an exception id",
        ])
    }

    @Test("the help suggests the closest id")
    func didYouMean() throws {
        let bundle = try TemporaryBundle(["p.yaml": Self.policy])
        defer { try? FileManager.default.removeItem(atPath: bundle.path) }
        let casePath = bundle.path + "-case.yaml"
        try Data("kind: Case\nid: c\nexpect: { determined_by: [designatd] }\n".utf8).write(to: URL(fileURLWithPath: casePath))
        defer { try? FileManager.default.removeItem(atPath: casePath) }
        let finding = Linter.lint(policies: bundle.path, caseFiles: [casePath]).findings.first { $0.rule == "case-expects-unknown-rule" }
        #expect(finding?.help == "did you mean `designated`?")
    }

    @Test("a rule the loader could not read still counts as written")
    func unreadableRule() throws {
        let broken = Self.policy.replacingOccurrences(of: "    decision: escalate\n", with: "")
        let expect = "kind: Case\nid: c\nexpect: { matched: [designated] }\n"
        #expect(try lintLines(["p.yaml": broken], cases: ["c.yaml": expect]).isEmpty)
        #expect(try lintLines(["p.yaml": broken], cases: ["c.yaml": expect], rule: "missing-field").count == 1)
    }

    @Test("when a bundle file cannot be parsed, nothing is claimed about unknown ids")
    func brokenBundle() throws {
        let expect = "kind: Case\nid: c\nexpect: { matched: [moved-rule] }\n"
        let files = ["p.yaml": Self.policy, "q.yaml": "kind: Policy\nid: q\nrules:\n  - id: moved-rule\n    title: \"unclosed\n"]
        #expect(try lintLines(files, cases: ["c.yaml": expect]).isEmpty)
    }

    @Test("JSON Lines cases are checked too, located in their line")
    func jsonLines() throws {
        let lines = #"{"kind": "Case", "id": "c1", "expect": {"matched": ["designated"]}}"# + "\n"
            + #"{"kind": "Case", "id": "c2", "expect": {"matched": ["designate"]}}"# + "\n"
        #expect(try lintLines(["p.yaml": Self.policy], cases: ["c.jsonl": lines]).map { $0.split(separator: " ")[1] } == ["c.jsonl:2:53"])
    }

    @Test("`off` in bundle.yaml silences it")
    func off() throws {
        let expect = "kind: Case\nid: c\nexpect: { matched: [a1] }\n"
        let files = ["p.yaml": Self.policy, "bundle.yaml": "kind: Bundle\nid: b\nlint: { rules: { case-expects-unknown-rule: off } }\n"]
        #expect(try lintLines(files, cases: ["c.yaml": expect]).isEmpty)
    }
}

/// Lints `files` as a policy directory and `cases` as case files beside it.
fileprivate func lintLines(_ files: [String: String], cases: [String: String], rule: String = "case-expects-unknown-rule") throws -> [String] {
    let bundle = try TemporaryBundle(files)
    let casesRoot = bundle.path + "-cases"
    defer {
        try? FileManager.default.removeItem(atPath: bundle.path)
        try? FileManager.default.removeItem(atPath: casesRoot)
    }
    try FileManager.default.createDirectory(atPath: casesRoot, withIntermediateDirectories: true)
    for (name, text) in cases { try Data(text.utf8).write(to: URL(fileURLWithPath: casesRoot + "/" + name)) }
    let report = Linter.lint(policies: bundle.path, caseFiles: cases.keys.sorted().map { casesRoot + "/" + $0 })
    return report.findings.filter { $0.rule == rule }.map { finding in
        let place = finding.location.map { "\($0.file.replacingOccurrences(of: casesRoot + "/", with: "").replacingOccurrences(of: bundle.path + "/", with: "")):\($0.line):\($0.column)" } ?? "-"
        return "\(finding.severity.rawValue) \(place) \(finding.message)"
    }
}
