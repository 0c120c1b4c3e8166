import Testing

@testable import GavelCLI
@testable import GavelEngine
@testable import GavelLint
@testable import GavelSyntax

@Suite("suspended-without-action edge cases")
struct SuspendedWithoutActionRuleTests {
    let rule = "suspended-without-action"
    let lists = [
        ("lists/sdn.yaml", "kind: List\nid: sdn\nentries:\n  - { id: e1, name: TV-NOVOSTI }\n"),
        ("lists/sdgt.yaml", "kind: List\nid: sdgt\nentries:\n  - { id: e2, name: HAMAS }\n"),
    ]

    /// A blocking rule, a review rule on both lists, and `exception` after them.
    func bundle(acting: String = "decision: terminate", actingScreen: String = "lists: [sdn], names: [customer.name], min_score: 1.0",
                exception: String) -> LintExample {
        RuleProbe.policy("""
              - id: blocked
                title: Blocked
                \(acting)
                when:
                  screen: { \(actingScreen) }
              - id: review
                title: Review
                decision: escalate
                when:
                  screen: { lists: [sdn, sdgt], names: [customer.name, customer.aliases], min_score: 0.9 }
            exceptions:
            \(exception)
            """, extra: lists)
    }

    let identity = """
          - id: identity
            title: Identity established
            suspends: [review]
            when:
              ↓screen: { lists: [sdn], names: [customer.name], min_score: 1.0 }
        """

    @Test("reported: the acting rule screens a higher score, fewer names, or only while the exception is")
    func reported() throws {
        try RuleProbe.expect(rule, bundle(actingScreen: "lists: [sdn], names: [customer.name], min_score: 1.0, types: [organization]", exception: identity))
        try RuleProbe.expect(rule, bundle(exception: identity.replacingOccurrences(of: "names: [customer.name]", with: "names: [customer.name, customer.aliases]")))
        try RuleProbe.expect(rule, bundle(exception: identity.replacingOccurrences(of: "min_score: 1.0", with: "min_score: 0.95")))
        try RuleProbe.expect(rule, bundle(acting: "decision: terminate\n    expires: 2024-11-13", exception: identity))
        // A rule deciding the bundle's default is no action.
        try RuleProbe.expect(rule, bundle(acting: "decision: no_action", exception: identity))
    }

    @Test("not reported: an acting rule holds on the same evidence, a licence beside a wind-down, a list the review does not screen")
    func quiet() throws {
        let clean = identity.replacingOccurrences(of: "↓", with: "")
        for example in [
            bundle(exception: clean),
            bundle(acting: "decision: terminate\n    expires: 2024-11-13", exception: clean + "\n    expires: 2024-11-13"),
            // A licence suspends the block while the review acts on the same match.
            bundle(exception: """
                  - id: licence
                    title: Wind-down licence
                    suspends: [blocked]
                    when:
                      screen: { lists: [sdn], names: [customer.name], min_score: 1.0 }
                """),
            bundle(exception: """
                  - id: allow-list
                    title: Names on the ordinary-names list
                    suspends: [review]
                    when: { path: customer.type, equals: individual }
                """),
        ] {
            let run = try RuleProbe.places(rule, example)
            #expect(run.found.isEmpty, "\(run.messages)")
        }
    }
}
