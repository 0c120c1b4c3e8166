import Foundation
import Testing

@testable import GavelCLI
@testable import GavelEngine
@testable import GavelLint
@testable import GavelSyntax

/// `gavel lint --explain ID` answers for every id Gavel can print, not only
/// lint rules: a user who meets `missing-path` on `evaluate --strict`'s
/// stderr asks about it the same way.
@Suite("gavel lint --explain")
struct ExplainTests {
    func gavel(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let (status, output) = try ExternalTools.run(GavelProcess.binary.path, arguments, in: Repository.root)
        return (status, output)
    }

    @Test("`--explain missing-path`, an id of `evaluate --strict`, prints its page and exits 0")
    func evaluationID() throws {
        let (status, output) = try gavel(["lint", "--explain", "missing-path"])
        #expect(status == 0, "\(output)")
        #expect(output.hasPrefix("# missing-path\n\nA path a rule reads does not resolve in the case.\n"))
        #expect(output.contains("- Reported by: `gavel evaluate --strict`"))
    }

    @Test("`--explain` of an id Gavel never prints is a usage error with the closest id")
    func unknownID() throws {
        let (status, output) = try gavel(["lint", "--explain", "missing-paths"])
        #expect(status == 64)
        #expect(output.contains("no diagnostic id `missing-paths`; did you mean `missing-path`?"), "\(output)")
    }

    /// Every `DiagnosticCode("…")` written in Sources/, so that a code added
    /// without an explanation fails here rather than in front of a user.
    static func declaredCodes() throws -> [String] {
        let sources = Repository.root.appendingPathComponent("Sources").path
        let pattern = try Regex(#"DiagnosticCode\("([a-z0-9-]+)"\)"#)
        var codes: [String] = []
        for file in FileAccess.files(under: sources, extensions: [".swift"]) {
            let text = try String(contentsOfFile: sources + "/" + file, encoding: .utf8)
            codes += text.matches(of: pattern).compactMap { $0.output[1].substring.map(String.init) }
        }
        return codes.sorted()
    }

    @Test("every diagnostic id declared in Sources/, and every lint rule, has a page of its own")
    func everyIDExplained() throws {
        let declared = try Self.declaredCodes()
        #expect(declared.count > 60, "found only \(declared.count) codes declared in Sources/")
        for id in declared + LintRegistry.all.map({ $0.description.id }) {
            let page = DiagnosticCatalog.page(id)
            #expect(page?.hasPrefix("# \(id)\n\n") == true, "`gavel lint --explain \(id)` has no page")
        }
        #expect(Set(DiagnosticCatalog.ids).count == DiagnosticCatalog.ids.count, "an id is both a lint rule and explained apart")
    }

    @Test("the explanations are written as the rules' are, and each example shows its own id")
    func explanationsWellFormed() {
        for explanation in DiagnosticCatalog.explanations {
            #expect(!explanation.summary.isEmpty && !explanation.summary.hasSuffix("."), "\(explanation.id): summary must be one line without a final period")
            #expect(explanation.documentation.count > 80, "\(explanation.id): documentation too short to say why and how to fix")
            #expect(!explanation.reportedBy.isEmpty, "\(explanation.id) names no command")
            #expect(explanation.example.contains("error[\(explanation.id)]"), "\(explanation.id): the example is not of this id")
        }
    }

    @Test("docs/diagnostics.md is generated from the explanations and up to date")
    func catalogIsCurrent() throws {
        let path = Repository.root.appendingPathComponent("docs/diagnostics.md")
        let generated = DiagnosticDocumentation.catalog()
        if ProcessInfo.processInfo.environment["GAVEL_RECORD"] == "1" {
            try Data(generated.utf8).write(to: path)
            Issue.record("rewrote docs/diagnostics.md; rerun without GAVEL_RECORD")
            return
        }
        let current = try String(contentsOf: path, encoding: .utf8)
        #expect(current == generated, "docs/diagnostics.md is stale: run `GAVEL_RECORD=1 swift test --filter ExplainTests`")
    }

    @Test("the explain page of an evaluation id is stable")
    func explainGolden() throws {
        assertGolden(try #require(DiagnosticCatalog.page("missing-path")), "lint/explain-missing-path.md")
    }
}
