import Testing

@testable import GavelCLI
@testable import GavelEngine
@testable import GavelLint
@testable import GavelSyntax

@Suite("Spoiled documents")
struct SpoiledDocumentTests {
    @Test("a repeated key refuses its document but the reading goes on: every problem is found, the rest salvaged")
    func repeatedKeys() throws {
        let yaml = """
            kind: Policy
            id: a
            rules:
              - { id: r, id: s, decision: x, decision: y }
            << : { merged: true }
            ---
            kind: Policy
            id: b
            """
        let stream = YAMLComposer.compose(Array(yaml.utf8), file: "p.yaml")
        #expect(stream.errors.map(\.rule) == ["duplicate-key", "duplicate-key", "merge-key"])
        #expect(stream.errors.map { $0.location?.line } == [4, 4, 5])
        #expect(stream.documents.count == 1)
        #expect(stream.documents.first?.mappingEntries?.first { $0.key == "id" }?.value.scalar?.text == "b")
        let salvaged = try #require(stream.salvaged.first)
        let rule = try #require(salvaged.mappingEntries?.first { $0.key == "rules" }?.value.sequenceItems?.first)
        // The first occurrence stands; the repeated one and `<<` are left out.
        #expect(rule.mappingEntries?.map(\.key) == ["id", "decision"])
        #expect(rule.mappingEntries?.first?.value.scalar?.text == "r")
        #expect(salvaged.mappingEntries?.map(\.key) == ["kind", "id", "rules"])
    }

    @Test("the outcomes keep file order: refusals stand where their document stood")
    func order() {
        let yaml = "kind: Case\nid: a\n---\nkind: Case\nid: b\nid: c\n---\nkind: Case\nid: d\n"
        let outcomes = YAMLComposer.compose(Array(yaml.utf8), file: "c.yaml").outcomes
        #expect(outcomes.count == 3)
        if case .failure(let problem) = outcomes[1] {
            #expect(problem.rule == "duplicate-key")
        } else {
            Issue.record("the spoiled document was accepted")
        }
        #expect((try? outcomes[2].get())?.mappingEntries?.last?.value.scalar?.text == "d")
    }
}
