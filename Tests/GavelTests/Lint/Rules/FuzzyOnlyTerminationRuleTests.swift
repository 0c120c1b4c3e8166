import Testing

@testable import GavelCLI
@testable import GavelEngine
@testable import GavelLint
@testable import GavelSyntax

@Suite("fuzzy-only-termination edge cases")
struct FuzzyOnlyTerminationRuleTests {
    let rule = "fuzzy-only-termination"
    let list = ("lists/sdgt.yaml", "kind: List\nid: sdgt\nentries:\n  - { id: e1, name: HAMAS }\n")

    @Test("the bundle's `screening.min_score` is the default: 1.0 means exact matches only")
    func bundleDefault() throws {
        let rules = """
              - id: r
                title: R
                decision: terminate
                when:
                  screen: { lists: [sdgt], names: [customer.name] }
            """
        let exact = try RuleProbe.places(rule, RuleProbe.policy(rules, extra: [
            list, ("bundle.yaml", "kind: Bundle\nid: b\nscreening: { min_score: 1.0 }\n"),
        ]))
        #expect(exact.found.isEmpty, "\(exact.messages)")
        try RuleProbe.expect(rule, RuleProbe.policy(rules.replacingOccurrences(of: "  screen:", with: "  ↓screen:"), extra: [list]))
    }

    @Test("only fuzzy screens under `all` are still a name alone; `suspend` counts; a review band counts")
    func combinations() throws {
        try RuleProbe.expect(rule, RuleProbe.policy("""
              - id: r
                title: R
                decision: suspend
                when:
                  all:
                    - ↓screen: { lists: [sdgt], names: [customer.name], min_score: 0.95 }
                    - screen: { lists: [sdgt], names: [customer.aliases], min_score: 0.95 }
              - id: s
                title: S
                decision: terminate
                when:
                  ↓screen: { lists: [sdgt], names: [customer.name], min_score: 0.9, below: 1.0 }
            """, extra: [list]))
    }

    @Test("not reported: identifiers only, exact names, `not`, quantifiers, corroboration, review decisions")
    func quiet() throws {
        let run = try RuleProbe.places(rule, RuleProbe.policy("""
              - id: r
                title: R
                decision: terminate
                when:
                  any:
                    - screen: { lists: [sdgt], identifiers: { domain: [site.domain] } }
                    - screen: { lists: [sdgt], names: [customer.name], min_score: 1.0 }
                    - not: { screen: { lists: [sdgt], names: [customer.name] } }
                    - some: { path: requests, where: { screen: { lists: [sdgt], names: [$.customer.name] } } }
                    - all:
                        - screen: { lists: [sdgt], names: [customer.name] }
                        - { path: requests.kind, contains: sanctions_notice }
              - id: s
                title: S
                decision: escalate
                when:
                  screen: { lists: [sdgt], names: [customer.name] }
            """, extra: [list]))
        #expect(run.found.isEmpty, "\(run.messages)")
    }
}
