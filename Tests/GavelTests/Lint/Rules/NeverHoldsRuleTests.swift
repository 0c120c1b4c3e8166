import Testing

@testable import GavelCLI
@testable import GavelEngine
@testable import GavelLint
@testable import GavelSyntax

@Suite("never-holds edge cases")
struct NeverHoldsRuleTests {
    let rule = "never-holds"

    @Test("a dead branch of `any` is reported, the `any` is not")
    func deadBranch() throws {
        try RuleProbe.expect(rule, RuleProbe.policy("""
              - id: r
                title: R
                decision: escalate
                when:
                  any:
                    - { path: site.categories, in: ↓[] }
                    - { path: site.categories, contains: phishing }
            """))
    }

    @Test("a never-holding child makes its `all` never hold: one finding, at the child")
    func propagatedOnce() throws {
        try RuleProbe.expect(rule, RuleProbe.policy("""
              - id: r
                title: R
                decision: escalate
                when:
                  all:
                    - { path: services, contains: cdn }
                    - all:
                        - { path: site.categories, contains_any: ↓[] }
                        - { path: services, contains: dns }
            """))
    }

    @Test("`not` of a tautology is reported at the `not`, and the tautology is not reported again")
    func notOfTautology() throws {
        let example = RuleProbe.policy("""
              - id: r
                title: R
                decision: escalate
                when:
                  ↓not:
                    any:
                      - { path: facts.verified, equals: true }
                      - not: { path: facts.verified, equals: true }
            """)
        try RuleProbe.expect(rule, example)
        #expect(try RuleProbe.places("always-holds", example).found.isEmpty)
    }

    @Test("inside `where`, a schema scalar relative to the element is single-valued; the projected path is not")
    func scalarInsideWhere() throws {
        let schema = "  requests: [object]\n  requests.kind: { enum: [court_order, legal_demand] }\n"
        try RuleProbe.expect(rule, RuleProbe.policy("""
              - id: r
                title: R
                decision: escalate
                when:
                  some:
                    path: requests
                    where:
                      all:
                        - { path: kind, equals: court_order }
                        - { path: kind, ↓equals: legal_demand }
              - id: s
                title: S
                decision: escalate
                when:
                  all:
                    - { path: requests.kind, equals: court_order }
                    - { path: requests.kind, equals: legal_demand }
            """, schema: schema))
    }

    @Test("value sets and ranges on a scalar: disjoint `in`, `equals` outside a range; 1 equals 1.0")
    func valuesAndRanges() throws {
        let schema = "  customer.country: string\n  facts.followers: number\n  customer.since: date\n"
        try RuleProbe.expect(rule, RuleProbe.policy("""
              - id: r
                title: R
                decision: escalate
                when:
                  all:
                    - { path: customer.country, in: [DE, FR] }
                    - { path: customer.country, ↓in: [IT, ES] }
              - id: s
                title: S
                decision: escalate
                when:
                  all:
                    - { path: facts.followers, equals: 5 }
                    - { path: facts.followers, ↓gt: 10 }
              - id: t
                title: T
                decision: escalate
                when:
                  all:
                    - { path: facts.followers, equals: 1 }
                    - { path: facts.followers, equals: 1.0 }
                    - { path: facts.followers, gte: 1 }
                    - { path: facts.followers, lte: 1 }
              - id: u
                title: U
                decision: escalate
                when:
                  all:
                    - { path: customer.since, gte: 2020-01-01 }
                    - { path: customer.since, ↓lt: 2020-01-01 }
            """, schema: schema))
    }

    @Test("presence: `exists: true` with `exists: false`, and `exists: false` with another test, need no schema")
    func presence() throws {
        try RuleProbe.expect(rule, RuleProbe.policy("""
              - id: r
                title: R
                decision: escalate
                when:
                  all:
                    - { path: facts.override, exists: true }
                    - { path: facts.override, ↓exists: false }
              - id: s
                title: S
                decision: escalate
                when:
                  all:
                    - { path: facts.override, gt: 3 }
                    - { path: facts.override, ↓exists: false }
            """))
    }

    @Test("quantifiers: `some` over a never-holding `where`, `count` below 0; counts with different `where` are independent")
    func quantifiers() throws {
        try RuleProbe.expect(rule, RuleProbe.policy("""
              - id: r
                title: R
                decision: escalate
                when:
                  some: { path: reports, where: { path: category, in: ↓[] } }
              - id: s
                title: S
                decision: escalate
                when:
                  ↓count: { path: reports, where: { path: verified, equals: true }, lt: 0 }
              - id: t
                title: T
                decision: escalate
                when:
                  all:
                    - count: { path: reports, where: { path: verified, equals: true }, gte: 3 }
                    - count: { path: reports, where: { path: verified, equals: false }, lte: 1 }
            """))
    }

    @Test("a condition and its own `not` under `all`; exception conditions are checked too")
    func negationAndExceptions() throws {
        try RuleProbe.expect(rule, .files([(
            "policies/p.yaml",
            """
            kind: Policy
            id: p
            rules:
              - id: r
                title: R
                decision: escalate
                when: { path: services, contains: cdn }
            exceptions:
              - id: e
                title: E
                suspends: [r]
                when:
                  all:
                    - { path: site.categories, contains: journalism }
                    - ↓not: { path: site.categories, contains: journalism }
            """
        )]))
    }
}
