import Foundation
import Testing

@testable import GavelCLI
@testable import GavelEngine
@testable import GavelLint
@testable import GavelSyntax

@Suite("missing-evidence-obligation")
struct MissingEvidenceObligationRuleTests {
    static func policy(decision: String = "terminate", obligations: String? = nil, marker: String? = nil) -> String {
        var text = "kind: Policy\nid: p\nowner: o@example.com\nrules:\n"
        if let marker { text += "  # gavel:ignore \(marker)\n" }
        text += "  - id: r\n    title: T\n    basis: [B]\n    decision: \(decision)\n    reason: R\n"
        if let obligations { text += "    obligations: \(obligations)\n" }
        text += "    when: { path: a, equals: 1 }\n  - id: other\n    title: T\n    basis: [B]\n    decision: suspend\n"
        text += "    reason: R\n    when: { path: a, equals: 2 }\n"
        return text
    }

    @Test("without obligations the finding is at the decision, with others at the obligations")
    func locations() throws {
        let none = try lintLines(["p.yaml": Self.policy()])
        #expect(none.first == "warning p.yaml:8:15 rule `r` decides `terminate` with no obligations; expected `preserve_evidence` among its obligations")
        let others = try lintLines(["p.yaml": Self.policy(obligations: "[notify_legal, notify_customer]")])
        #expect(others.first == "warning p.yaml:10:18 rule `r` decides `terminate` with only `notify_legal`, `notify_customer`; expected `preserve_evidence` among its obligations")
        #expect(none.count == 2 && others.count == 2)
    }

    @Test("obligations written as a single string are left to `wrong-type`")
    func scalarObligations() throws {
        let found = try lintLines(["p.yaml": Self.policy(obligations: "preserve_evidence")])
        #expect(found.count == 1 && found[0].contains("rule `other`"))
    }

    @Test("decisions other than terminate and suspend are not checked")
    func otherDecisions() throws {
        let found = try lintLines(["p.yaml": Self.policy(decision: "restrict")])
        #expect(found.count == 1 && found[0].contains("rule `other`"))
    }

    @Test("bundle.yaml sets which obligations count; any one of them is enough; the help names them")
    func configured() throws {
        let bundle = "kind: Bundle\nid: b\nlint: { evidence_obligations: [legal_hold, preserve_logs] }\n"
        #expect(try lintLines(["bundle.yaml": bundle, "p.yaml": Self.policy(obligations: "[preserve_logs]")]).count == 1)
        let bundle2 = try TemporaryBundle(["bundle.yaml": bundle, "p.yaml": Self.policy(obligations: "[preserve_evidence]")])
        defer { try? FileManager.default.removeItem(atPath: bundle2.path) }
        let findings = Linter.lint(policies: bundle2.path, caseFiles: []).findings.filter { $0.rule == "missing-evidence-obligation" }
        #expect(findings.count == 2)
        #expect(findings.first?.message.hasSuffix("expected one of `legal_hold`, `preserve_logs` among its obligations") == true)
        #expect(findings.first?.help?.contains("`legal_hold`, `preserve_logs`") == true)
    }

    @Test("an empty `evidence_obligations` turns the check off")
    func emptyList() throws {
        let bundle = "kind: Bundle\nid: b\nlint: { evidence_obligations: [] }\n"
        #expect(try lintLines(["bundle.yaml": bundle, "p.yaml": Self.policy()]).isEmpty)
    }

    @Test("an ignore marker silences it on one rule; `error` raises the rest")
    func markerAndLevel() throws {
        let bundle = "kind: Bundle\nid: b\nlint: { rules: { missing-evidence-obligation: error } }\n"
        let found = try lintLines([
            "bundle.yaml": bundle,
            "p.yaml": Self.policy(marker: "missing-evidence-obligation -- evidence is kept by the registry, see OPS-77"),
        ])
        #expect(found.count == 1 && found[0].hasPrefix("error ") && found[0].contains("rule `other`"))
    }
}

fileprivate func lintLines(_ files: [String: String], rule: String = "missing-evidence-obligation") throws -> [String] {
    let bundle = try TemporaryBundle(files)
    defer { try? FileManager.default.removeItem(atPath: bundle.path) }
    return Linter.lint(policies: bundle.path, caseFiles: []).findings.filter { $0.rule == rule }.map { finding in
        let place = finding.location.map { "\($0.file.replacingOccurrences(of: bundle.path + "/", with: "")):\($0.line):\($0.column)" } ?? "-"
        return "\(finding.severity.rawValue) \(place) \(finding.message)"
    }
}
