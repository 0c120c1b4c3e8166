import Testing

@testable import GavelCLI
@testable import GavelEngine
@testable import GavelLint
@testable import GavelSyntax

@Suite("case-schema-mismatch edge cases")
struct CaseSchemaMismatchRuleTests {
    let rule = "case-schema-mismatch"
    let schema = """
        kind: Schema
        fields:
          customer.name: string
          customer.aliases: [string]
          requests: [object]
          requests.kind: { enum: [court_order, abuse_report] }
          requests.received: date
          requests.count: int
          facts: object
          facts.score: number
          facts.binding: bool
          facts.attacks: [object]
          facts.attacks.name: string
        """

    func example(_ caseText: String, path: String = "cases/c.yaml") -> LintExample {
        .files([("schema.yaml", schema), (path, caseText)])
    }

    @Test("lists: a scalar for a list, a list for a scalar, a scalar for a list of objects, a nested list")
    func listShapes() throws {
        try RuleProbe.expect(rule, example("""
            kind: Case
            id: c
            customer: { name: ↓[Acme, Acme Ltd], aliases: ↓Acme }
            requests:
              - ↓court_order
              - { kind: abuse_report, received: 2024-01-01 }
            facts:
              attacks: [{ name: Christchurch }, ↓[nested]]
            """))
    }

    @Test("numbers: an int is a number, a float is not an int; a quoted number is a string")
    func numbers() throws {
        try RuleProbe.expect(rule, example("""
            kind: Case
            id: c
            requests:
              - { kind: court_order, count: ↓2.5 }
              - { kind: court_order, count: ↓"2" }
              - { kind: court_order, count: 2 }
            facts: { score: 3, binding: ↓"true" }
            """))
    }

    @Test("dates: bare dates and RFC 3339 pass; an impossible date and a number do not")
    func dates() throws {
        try RuleProbe.expect(rule, example("""
            kind: Case
            id: c
            requests:
              - { kind: court_order, received: 2024-02-29 }
              - { kind: court_order, received: "2024-02-29T10:00:00+01:00" }
              - { kind: court_order, received: ↓2023-02-29 }
              - { kind: court_order, received: ↓20240101 }
            """))
    }

    @Test("null is absent; reserved keys are not case data; undeclared fields are reported at their key")
    func nullReservedUndeclared() throws {
        try RuleProbe.expect(rule, example("""
            kind: Case
            id: c
            as_of: 2024-03-01
            notes: free text
            expect: { decision: no_action }
            customer: { name: null, aliases: ~ }
            facts: { binding: null, ↓bindng: true }
            ↓site: { domain: example.com }
            """))
    }

    @Test("an undeclared prefix of declared paths is an object, alone or as a list of objects")
    func implicitObjects() throws {
        let implicit = """
            kind: Schema
            fields:
              orders.kind: string
              customer.name: string
            """
        let run = try RuleProbe.places(rule, .files([
            ("schema.yaml", implicit),
            ("cases/c.yaml", "kind: Case\nid: c\ncustomer: { name: Acme }\norders: [{ kind: a }, { kind: b }]\n"),
        ]))
        #expect(run.found.isEmpty, "\(run.messages)")
        try RuleProbe.expect(rule, .files([
            ("schema.yaml", implicit),
            ("cases/c.yaml", "kind: Case\nid: c\ncustomer: ↓Acme\n"),
        ]))
    }

    @Test("JSON Lines cases are checked line by line")
    func jsonLines() throws {
        try RuleProbe.expect(rule, example(
            """
            {"kind": "Case", "id": "a", "requests": [{"kind": "court_order"}]}
            {"kind": "Case", "id": "b", "requests": [{"kind": ↓"court order"}]}

            """, path: "cases/batch.jsonl"))
    }

    @Test("no schema, no finding")
    func noSchema() throws {
        let run = try RuleProbe.places(rule, .files([("cases/c.yaml", "kind: Case\nid: c\nanything: [1, 2]\n")]))
        #expect(run.found.isEmpty)
    }
}
