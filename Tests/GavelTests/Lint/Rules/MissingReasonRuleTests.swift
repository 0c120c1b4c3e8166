import Foundation
import Testing

@testable import GavelCLI
@testable import GavelEngine
@testable import GavelLint
@testable import GavelSyntax

@Suite("missing-reason")
struct MissingReasonRuleTests {
    static func policy(_ decisions: [String], reason: String? = nil) -> String {
        var text = "kind: Policy\nid: p\nowner: o@example.com\nrules:\n"
        for decision in decisions {
            text += "  - id: r-\(decision.replacingOccurrences(of: "_", with: "-"))\n    title: T\n    basis: [B]\n"
            text += "    decision: \(decision)\n"
            if let reason { text += "    reason: \(reason)\n" }
            text += "    when: { path: a, equals: 1 }\n"
        }
        return text
    }

    @Test("on the standard ladder only decisions above `escalate` need a reason")
    func standardLadder() throws {
        let standard = BundleManifest.standardLadder.map(\.id)
        let found = try lintLines(["p.yaml": Self.policy(standard)])
        #expect(found.map { $0.split(separator: " ")[3] } == ["`r-restrict`", "`r-geo-block`", "`r-suspend`", "`r-terminate`"])
        #expect(found.first == "warning p.yaml:23:15 rule `r-restrict` decides `restrict` but has no `reason`; expected a reason template for the decision record")
    }

    @Test("a blank reason is no reason")
    func blank() throws {
        #expect(try lintLines(["p.yaml": Self.policy(["terminate"], reason: "\"  \"")]).count == 1)
        #expect(try lintLines(["p.yaml": Self.policy(["terminate"], reason: "Designated under EO 13224")]).isEmpty)
    }

    @Test("a custom ladder counts from its own `escalate`")
    func customLadderWithEscalate() throws {
        let found = try lintLines([
            "bundle.yaml": "kind: Bundle\nid: b\nladder: [no_action, escalate, warn, terminate]\n",
            "p.yaml": Self.policy(["no_action", "escalate", "warn", "terminate"]),
        ])
        #expect(found.map { $0.split(separator: " ")[3] } == ["`r-warn`", "`r-terminate`"])
    }

    @Test("a custom ladder without `escalate` counts from the default decision")
    func customLadderWithoutEscalate() throws {
        let found = try lintLines([
            "bundle.yaml": "kind: Bundle\nid: b\nladder: [allow, review, block]\ndefault: { decision: review }\n",
            "p.yaml": Self.policy(["allow", "review", "block"]),
        ])
        #expect(found.map { $0.split(separator: " ")[3] } == ["`r-block`"])
    }

    @Test("a decision not on the ladder is left to `unknown-decision`")
    func unknownDecision() throws {
        #expect(try lintLines(["p.yaml": Self.policy(["terminated"])]).isEmpty)
    }

    @Test("levels from bundle.yaml apply")
    func levels() throws {
        let off = try lintLines([
            "bundle.yaml": "kind: Bundle\nid: b\nlint: { rules: { missing-reason: off } }\n", "p.yaml": Self.policy(["terminate"]),
        ])
        #expect(off.isEmpty)
        let error = try lintLines([
            "bundle.yaml": "kind: Bundle\nid: b\nlint: { rules: { missing-reason: error } }\n", "p.yaml": Self.policy(["terminate"]),
        ])
        #expect(error.count == 1 && error[0].hasPrefix("error "))
    }
}

fileprivate func lintLines(_ files: [String: String], rule: String = "missing-reason") throws -> [String] {
    let bundle = try TemporaryBundle(files)
    defer { try? FileManager.default.removeItem(atPath: bundle.path) }
    return Linter.lint(policies: bundle.path, caseFiles: []).findings.filter { $0.rule == rule }.map { finding in
        let place = finding.location.map { "\($0.file.replacingOccurrences(of: bundle.path + "/", with: "")):\($0.line):\($0.column)" } ?? "-"
        return "\(finding.severity.rawValue) \(place) \(finding.message)"
    }
}
