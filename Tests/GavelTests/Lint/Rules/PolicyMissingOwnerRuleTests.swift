import Foundation
import Testing

@testable import GavelCLI
@testable import GavelEngine
@testable import GavelLint
@testable import GavelSyntax

@Suite("policy-missing-owner")
struct PolicyMissingOwnerRuleTests {
    @Test("absent, null and blank owners are reported at the policy id")
    func missing() throws {
        for owner in ["", "owner: null\n", "owner: \"  \"\n"] {
            #expect(try lintLines(["p.yaml": "kind: Policy\nid: sanctions\n\(owner)rules: []\n"]) == [
                "warning p.yaml:2:5 policy `sanctions` has no `owner`; expected the team or person accountable for it"
            ])
        }
        #expect(try lintLines(["p.yaml": "kind: Policy\nid: sanctions\nowner: legal@example.com\n"]).isEmpty)
    }

    @Test("every policy of a multi-document file is checked")
    func documents() throws {
        let text = "kind: Policy\nid: a\nowner: x@example.com\n---\nkind: Policy\nid: b\n"
        #expect(try lintLines(["p.yaml": text]).map { $0.split(separator: " ")[1] } == ["p.yaml:6:5"])
    }

    @Test("levels from bundle.yaml apply")
    func levels() throws {
        let policy = "kind: Policy\nid: sanctions\n"
        #expect(try lintLines(["bundle.yaml": "kind: Bundle\nid: b\nlint: { rules: { policy-missing-owner: off } }\n", "p.yaml": policy]).isEmpty)
        let error = try lintLines(["bundle.yaml": "kind: Bundle\nid: b\nlint: { rules: { policy-missing-owner: error } }\n", "p.yaml": policy])
        #expect(error.count == 1 && error[0].hasPrefix("error "))
    }
}

fileprivate func lintLines(_ files: [String: String], rule: String = "policy-missing-owner") throws -> [String] {
    let bundle = try TemporaryBundle(files)
    defer { try? FileManager.default.removeItem(atPath: bundle.path) }
    return Linter.lint(policies: bundle.path, caseFiles: []).findings.filter { $0.rule == rule }.map { finding in
        let place = finding.location.map { "\($0.file.replacingOccurrences(of: bundle.path + "/", with: "")):\($0.line):\($0.column)" } ?? "-"
        return "\(finding.severity.rawValue) \(place) \(finding.message)"
    }
}
