import Testing

@testable import GavelCLI
@testable import GavelEngine
@testable import GavelLint
@testable import GavelSyntax

@Suite("runtime-type-mismatch edge cases")
struct RuntimeTypeMismatchRuleTests {
    let rule = "runtime-type-mismatch"

    @Test("a path inside `where` is the same field as its absolute form; every later disagreeing use is reported")
    func whereAndRoot() throws {
        try RuleProbe.expect(rule, RuleProbe.policy("""
              - id: r
                title: R
                decision: escalate
                when: { path: requests.received, within: 30d }
              - id: s
                title: S
                decision: escalate
                when:
                  some: { path: requests, where: { path: received, gt: ↓5 } }
              - id: t
                title: T
                decision: escalate
                when: { path: requests.received, equals: ↓true }
            """))
    }

    @Test("`equals: 5` against `equals: \"5\"`; an `in` mixing types; numbers agree whatever their form")
    func operands() throws {
        try RuleProbe.expect(rule, RuleProbe.policy("""
              - id: r
                title: R
                decision: escalate
                when:
                  all:
                    - { path: facts.count, equals: 5 }
                    - { path: facts.count, in: [1, 2.5, ↓"3"] }
              - id: s
                title: S
                decision: escalate
                when: { path: facts.count, equals: ↓"5" }
            """))
    }

    @Test("a screened name is a string")
    func screenedName() throws {
        try RuleProbe.expect(rule, RuleProbe.policy("""
              - id: r
                title: R
                decision: escalate
                when: { path: customer.name, gt: 3 }
              - id: s
                title: S
                decision: escalate
                when:
                  screen: { lists: [sdgt], names: [↓customer.name] }
            """, extra: [("lists/sdgt.yaml", "kind: List\nid: sdgt\nentries:\n  - { id: e1, name: HAMAS }\n")]))
    }

    @Test("agreeing uses: strings and dates, `exists`, null operands")
    func agreeing() throws {
        let run = try RuleProbe.places(rule, RuleProbe.policy("""
              - id: r
                title: R
                decision: escalate
                when:
                  all:
                    - { path: customer.since, gt: 2020-01-01 }
                    - { path: customer.since, starts_with: "2021" }
                    - { path: customer.since, exists: true }
                    - { path: customer.since, equals: null }
                    - { path: customer.since, in: ["2021-05-01", 2022-01-01] }
            """))
        #expect(run.found.isEmpty, "\(run.messages)")
    }

    @Test("with a schema the declared type decides, and this rule is silent")
    func schemaSilences() throws {
        let run = try RuleProbe.places(rule, RuleProbe.policy("""
              - id: r
                title: R
                decision: escalate
                when:
                  all:
                    - { path: facts.count, equals: 5 }
                    - { path: facts.count, equals: "5" }
            """, schema: "  facts.count: int\n"))
        #expect(run.found.isEmpty)
    }
}
