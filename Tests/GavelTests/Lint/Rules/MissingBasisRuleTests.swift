import Foundation
import Testing

@testable import GavelCLI
@testable import GavelEngine
@testable import GavelLint
@testable import GavelSyntax

/// `missing-basis` beyond its examples, and how configuration and ignore
/// markers act on a real check.
@Suite("missing-basis")
struct MissingBasisRuleTests {
    static let twoRules = """
        kind: Policy
        id: abuse
        owner: abuse@example.com
        rules:
          - id: phishing
            title: Confirmed phishing
            decision: monitor
            when: { path: site.categories, contains: phishing }
          - id: malware
            title: Confirmed malware distribution
            decision: monitor
            when: { path: site.categories, contains: malware }
        """

    @Test("a basis of blank strings is no basis, reported at the value")
    func blankBasis() throws {
        let found = try lintLines(["p.yaml": Self.twoRules.replacingOccurrences(
            of: "    title: Confirmed phishing\n", with: "    title: Confirmed phishing\n    basis: [\"  \"]\n")])
        #expect(found == [
            "warning p.yaml:7:12 rule `phishing` has an empty `basis`; expected the law, order or term it applies",
            "warning p.yaml:10:5 rule `malware` has no `basis`; expected the law, order or term it applies",
        ])
    }

    @Test("a basis written as a single string is left to `wrong-type`")
    func scalarBasis() throws {
        let text = Self.twoRules.replacingOccurrences(
            of: "    title: Confirmed phishing\n", with: "    title: Confirmed phishing\n    basis: EO 13224\n")
        let all = try lintLines(["p.yaml": text], rule: nil)
        #expect(all.contains { $0.hasPrefix("error wrong-type p.yaml:7:12") })
        #expect(all.filter { $0.contains(" missing-basis ") }.count == 1)
    }

    @Test("`off` in bundle.yaml removes every finding")
    func off() throws {
        let found = try lintLines([
            "bundle.yaml": "kind: Bundle\nid: b\nlint: { rules: { missing-basis: off } }\n", "p.yaml": Self.twoRules,
        ])
        #expect(found.isEmpty)
    }

    @Test("`error` in bundle.yaml raises the severity")
    func error() throws {
        let found = try lintLines([
            "bundle.yaml": "kind: Bundle\nid: b\nlint: { rules: { missing-basis: error } }\n", "p.yaml": Self.twoRules,
        ])
        #expect(found.count == 2 && found.allSatisfy { $0.hasPrefix("error ") })
    }

    @Test("an ignore marker silences this rule on the one item below it, and nothing else")
    func marker() throws {
        let text = Self.twoRules.replacingOccurrences(
            of: "  - id: phishing\n", with: "  # gavel:ignore missing-basis -- internal monitoring only\n  - id: phishing\n")
        let all = try lintLines(["p.yaml": text], rule: nil)
        #expect(all.filter { $0.contains("missing-basis") } == [
            "warning missing-basis p.yaml:10:5 rule `malware` has no `basis`; expected the law, order or term it applies"
        ])
        #expect(!all.contains { $0.contains("invalid-ignore-marker") })
    }

    @Test("a marker for another rule silences nothing here")
    func markerForAnotherRule() throws {
        let text = Self.twoRules.replacingOccurrences(
            of: "  - id: phishing\n", with: "  # gavel:ignore missing-reason -- monitoring only\n  - id: phishing\n")
        #expect(try lintLines(["p.yaml": text]).count == 2)
    }

    @Test("a marker without a reason is reported and silences nothing")
    func markerWithoutReason() throws {
        let text = Self.twoRules.replacingOccurrences(
            of: "  - id: phishing\n", with: "  # gavel:ignore missing-basis\n  - id: phishing\n")
        let all = try lintLines(["p.yaml": text], rule: nil)
        #expect(all.contains("error invalid-ignore-marker p.yaml:5:3 `# gavel:ignore missing-basis` gives no reason"))
        #expect(all.filter { $0.contains(" missing-basis p.yaml") }.count == 2)
    }

    @Test("exceptions need a basis too; a marker above one silences it")
    func exceptions() throws {
        let text = Self.twoRules.replacingOccurrences(of: "    decision: monitor\n", with: "    basis: [AUP 2.1]\n    decision: monitor\n")
            + """

            exceptions:
              - id: sinkholes
                title: Researchers' sinkholes
                suspends: [malware]
                when: { path: site.categories, contains: security_research }
              # gavel:ignore missing-basis -- covered by the research agreement, see LEGAL-12
              - id: research-partners
                title: Research partners
                suspends: [phishing]
                when: { path: customer.name, in: [Example Research Lab] }
            """
        #expect(try lintLines(["p.yaml": text]) == [
            "warning p.yaml:16:5 exception `sinkholes` has no `basis`; expected the law, order or term it applies"
        ])
    }
}

/// Lint `files` as a policy directory (`cases/…` as case files beside it) and
/// return the findings of `rule` (all when nil) as `severity [rule ]path:line:column message`.
fileprivate func lintLines(_ files: [String: String], rule: String? = "missing-basis") throws -> [String] {
    let bundle = try TemporaryBundle(files.filter { !$0.key.hasPrefix("cases/") })
    defer { try? FileManager.default.removeItem(atPath: bundle.path) }
    let report = Linter.lint(policies: bundle.path, caseFiles: [])
    return report.findings.filter { rule == nil || $0.rule == rule }.map { finding in
        let place = finding.location.map { "\($0.file.replacingOccurrences(of: bundle.path + "/", with: "")):\($0.line):\($0.column)" } ?? "-"
        return "\(finding.severity.rawValue) \(rule == nil ? finding.rule + " " : "")\(place) \(finding.message)"
    }
}
