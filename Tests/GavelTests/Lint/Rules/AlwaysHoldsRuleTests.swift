import Testing

@testable import GavelCLI
@testable import GavelEngine
@testable import GavelLint
@testable import GavelSyntax

@Suite("always-holds edge cases")
struct AlwaysHoldsRuleTests {
    let rule = "always-holds"

    @Test("`not` of a never-holding condition is reported at the `not`, only by always-holds")
    func notOfContradiction() throws {
        let example = RuleProbe.policy("""
              - id: r
                title: R
                decision: escalate
                when:
                  all:
                    - { path: services, contains: cdn }
                    - ↓not: { path: site.categories, in: [] }
            """)
        try RuleProbe.expect(rule, example)
        #expect(try RuleProbe.places("never-holds", example).found.isEmpty)
    }

    @Test("`exists: true` or `exists: false` under `any`")
    func presenceEitherWay() throws {
        try RuleProbe.expect(rule, RuleProbe.policy("""
              - id: r
                title: R
                decision: escalate
                when:
                  any:
                    - { path: facts.override, exists: true }
                    - { path: facts.override, exists: ↓false }
            """))
    }

    @Test("an `all` of tautologies is reported once, at the `all`")
    func allOfTautologies() throws {
        try RuleProbe.expect(rule, RuleProbe.policy("""
              - id: r
                title: R
                decision: escalate
                when:
                  ↓all:
                    - any: [{ path: a, exists: true }, { path: a, exists: false }]
                    - any: [{ path: b, equals: 1 }, { not: { path: b, equals: 1 } }]
            """))
    }

    @Test("not reported: `every`, `exists: false` alone, a `count` whose `where` never holds (that is never-holds')")
    func quiet() throws {
        let example = RuleProbe.policy("""
              - id: r
                title: R
                decision: escalate
                when:
                  all:
                    - every: { path: reports, where: { path: verified, equals: true } }
                    - { path: facts.override, exists: false }
                    - count: { path: reports, where: { path: category, in: ↓[] }, lte: 2 }
            """)
        #expect(try RuleProbe.places(rule, example).found.isEmpty)
        try RuleProbe.expect("never-holds", example)
    }
}
