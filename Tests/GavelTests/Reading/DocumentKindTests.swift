import Foundation
import Testing

@testable import GavelCLI
@testable import GavelEngine
@testable import GavelLint
@testable import GavelSyntax

/// `kind:` is read in one place; every way YAML lets an author write the
/// same kind is the same document to loading, case reading and lint.
@Suite("Document kind")
struct DocumentKindTests {
    static let spellings = ["kind: %@", "kind: \"%@\"", "kind: '%@'", "kind: %@ # a note", "kind:   %@   "]

    static func written(_ spelling: String, _ kind: String) -> String {
        spelling.replacingOccurrences(of: "%@", with: kind)
    }

    @Test("the reader sees the same kind however it is written", arguments: spellings)
    func declared(_ spelling: String) throws {
        let root = try #require(compose(Self.written(spelling, "Policy") + "\nid: p\n").documents.first)
        #expect(DocumentKind.declared(in: root) == .kind(.policy, at: SourceLocation(file: "test.yaml", line: 1, column: 7 + (spelling.hasPrefix("kind:   ") ? 2 : 0))))
    }

    @Test("a policy file loads into its bundle however `kind:` is written", arguments: spellings)
    func bundleLoading(_ spelling: String) throws {
        let policy = Self.written(spelling, "Policy") + """

            id: p
            owner: o@example.com
            rules:
              - { id: r, title: R, basis: [ToS 1], decision: monitor, when: { path: a, exists: true } }

            """
        let bundle = try TemporaryBundle(["p.yaml": policy])
        let compiled = try bundle.compile().get()
        #expect(compiled.rules.map(\.id) == ["r"])
    }

    @Test("lint checks a single policy file within its bundle however `kind:` is written", arguments: spellings)
    func lintFileArgument(_ spelling: String) throws {
        let bundle = try TemporaryBundle(["p.yaml": Self.written(spelling, "Policy") + "\nid: p\n"])
        #expect(LintRun.declaresBundleKind(bundle.path + "/p.yaml"))
        #expect(LintRun.isBundle(bundle.path))
    }

    @Test("a case file is a case however `kind:` is written", arguments: spellings)
    func caseReading(_ spelling: String) throws {
        let yaml = Self.written(spelling, "Case") + "\nid: c\n"
        let record = try caseRecord(yaml)
        #expect(record.id == "c")
        let bundle = try TemporaryBundle(["cases/c.yaml": yaml])
        #expect(!LintRun.declaresBundleKind(bundle.path + "/cases/c.yaml"))
    }

    @Test("a policy given as a case is refused however `kind:` is written", arguments: spellings)
    func policyAsCase(_ spelling: String) throws {
        let results = CaseLoader.cases(in: Array((Self.written(spelling, "Policy") + "\nid: c\n").utf8), file: "case.yaml")
        let error = try #require(results.first?.failure, "a policy was read as a case")
        #expect(error.diagnostics.map(\.rule) == ["unknown-kind"])
        #expect(error.diagnostics.first?.message == "expected a case (`kind: Case`), found `kind: Policy`")
    }

    @Test("lint's expect check reads policy ids from files however `kind:` is written", arguments: spellings)
    func idsAsWritten(_ spelling: String) throws {
        let policy = Self.written(spelling, "Policy") + "\nid: p\nrules:\n  - { id: written-rule }\n"
        let bundle = try TemporaryBundle(["p.yaml": policy])
        let (documents, _) = BundleLoader.read(directory: bundle.path)
        let read = try #require(documents)
        let ids = try #require(CaseExpectsUnknownRuleCheck.idsAsWritten(read, problems: []))
        #expect(ids.rules == ["written-rule"])
    }
}
