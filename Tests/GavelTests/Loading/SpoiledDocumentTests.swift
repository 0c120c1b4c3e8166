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

    /// Each outcome as `id` of a document read, or `rule@line` of a problem.
    static func summary(_ yaml: String) -> [String] {
        YAMLComposer.compose(Array(yaml.utf8), file: "c.yaml").outcomes.map { outcome in
            switch outcome {
            case .success(let node): return node.mappingEntries?.first { $0.key == "id" }?.value.scalar?.text ?? "?"
            case .failure(let problem): return "\(problem.rule)@\(problem.location?.line ?? 0)"
            }
        }
    }

    @Test(
        "a syntax error costs its own document: reading resumes at the next `---`, lines counted in the whole file",
        arguments: [
            // A bad indent in the second of three cases: the third was silently never decided.
            ("kind: Case\nid: S-1\n---\nkind: Case\nid: S-2\n  customer: x\n---\nkind: Case\nid: S-3\n", ["S-1", "yaml-syntax@6", "S-3"]),
            // An unclosed list noticed only at the next document's marker.
            ("id: a\nrules: [x,\n---\nid: b\n", ["yaml-syntax@3", "b"]),
            // Broken twice, and a `---` with a comment after it; Windows line ends.
            ("id: a\r\n: :\r\n--- # next\r\nid: b\r\n  c: d\r\n---\r\nid: e\r\n", ["yaml-syntax@2", "yaml-syntax@5", "e"]),
            // No `---` after the error: nothing more to read.
            ("id: a\n---\nid: b\n  c: d\nid: e\n", ["a", "yaml-syntax@4"]),
            // `---x` is text, not a marker.
            ("id: a\n  c: d\n---x: 1\n", ["yaml-syntax@2"]),
        ] as [(String, [String])])
    func resumesAfterSyntaxError(_ yaml: String, _ expected: [String]) {
        #expect(Self.summary(yaml) == expected)
    }

    @Test("a file of a hundred thousand broken documents is read to its end, each broken one reported once")
    func manyBrokenDocuments() {
        // Each document is broken at its second line; the last one is whole.
        let yaml = String(repeating: "id: a\n  b: c\n---\n", count: 100_000) + "id: z\n"
        let outcomes = YAMLComposer.compose(Array(yaml.utf8), file: "c.yaml").outcomes
        #expect(outcomes.count == 100_001)
        #expect(outcomes.dropLast().allSatisfy { if case .failure(let p) = $0 { return p.rule == "yaml-syntax" } else { return false } })
        if case .failure(let last) = outcomes[99_999] { #expect(last.location?.line == 299_999) }
        #expect((try? outcomes.last?.get())?.mappingEntries?.first?.value.scalar?.text == "z")
    }
}
