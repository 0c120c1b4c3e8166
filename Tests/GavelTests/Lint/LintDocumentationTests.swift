import Foundation
import Testing

@testable import GavelCLI
@testable import GavelEngine
@testable import GavelLint
@testable import GavelSyntax

@Suite("Lint documentation")
struct LintDocumentationTests {
    @Test("docs/lint-rules.md is generated from the rules and up to date")
    func catalogIsCurrent() throws {
        let path = Repository.root.appendingPathComponent("docs/lint-rules.md")
        let generated = LintDocumentation.catalog()
        if ProcessInfo.processInfo.environment["GAVEL_RECORD"] == "1" {
            try FileManager.default.createDirectory(at: path.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(generated.utf8).write(to: path)
            Issue.record("rewrote docs/lint-rules.md; rerun without GAVEL_RECORD")
            return
        }
        let current = try String(contentsOf: path, encoding: .utf8)
        #expect(current == generated, "docs/lint-rules.md is stale: run `GAVEL_RECORD=1 swift test --filter LintDocumentationTests`")
    }

    @Test("every rule's page names it, its category and its examples")
    func pages() {
        for type in LintRegistry.all {
            let rule = type.description
            let page = LintDocumentation.page(rule)
            #expect(page.hasPrefix("# \(rule.id)\n"))
            #expect(page.contains("Category: \(rule.category.rawValue)"))
            #expect(page.contains("## Avoid") && page.contains("## Prefer"))
            #expect(page.contains("gavel:ignore \(rule.id) --"))
        }
    }

    @Test("the explain page of one rule is stable")
    func explainGolden() throws {
        let rule = try #require(LintRegistry.rule("duplicate-key"))
        assertGolden(LintDocumentation.page(rule.description), "lint/explain-duplicate-key.md")
    }
}
