import Foundation
import Testing

@testable import GavelCLI
@testable import GavelEngine
@testable import GavelLint
@testable import GavelSyntax

/// Helpers for the schema and semantics rule tests.
enum RuleProbe {
    /// Where one rule's findings land in an example, next to the example's `↓` markers.
    static func places(_ rule: String, _ example: LintExample) throws -> (found: [String], markers: [String], messages: [String]) {
        let run = try ExampleRun(example)
        let findings = run.report.findings.filter { $0.rule == rule }
        return (findings.compactMap { run.place($0.location) }.sorted(), run.markers.sorted(), findings.map(\.oneLine))
    }

    /// `↓` marks where `rule` must report, and nowhere else.
    static func expect(_ rule: String, _ example: LintExample, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let (found, markers, messages) = try places(rule, example)
        #expect(
            found == markers, "\(rule): expected \(markers), got \(found)\n\(messages.joined(separator: "\n"))",
            sourceLocation: sourceLocation)
    }

    /// A one-policy example whose rules are `rules`, indented as a policy's list items.
    static func policy(_ rules: String, schema: String? = nil, extra: [(String, String)] = []) -> LintExample {
        var files = [("policies/p.yaml", "kind: Policy\nid: p\nrules:\n" + rules)]
        if let schema { files.append(("schema.yaml", "kind: Schema\nfields:\n" + schema)) }
        return .files(files + extra)
    }
}

@Suite("Schema and semantics rules on the shipped bundle")
struct SemanticsRulesTests {
    @Test("Policies/ with Cases/ has no schema or semantics finding")
    func shippedBundleIsClean() {
        let cases = FileAccess.files(under: Repository.cases, extensions: CaseLoader.extensions).map { Repository.cases + "/" + $0 }
        let report = Linter.lint(policies: Repository.policies, caseFiles: cases)
        let ids = Set((SchemaRules.all + SemanticsRules.all).map { $0.description.id })
        let mine = report.findings.filter { ids.contains($0.rule) }
        #expect(mine.isEmpty, "\(mine.map(\.oneLine).joined(separator: "\n"))")
    }
}
