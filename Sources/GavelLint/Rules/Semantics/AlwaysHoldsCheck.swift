import GavelSyntax
import GavelEngine

/// A condition that every case satisfies, or every case where its path is
/// present.
///
/// The test decides nothing: a rule built on it applies to every case, and an
/// `all` carrying it is only shorter without it.
package struct AlwaysHoldsCheck: LintRule {
    package init() {}

    package static let description = LintRuleDescription(
        id: "always-holds",
        category: .semantics,
        defaultSeverity: .warning,
        summary: "Condition always holds",
        documentation: """
            Lint finds conditions that decide nothing: an `any` that offers a condition and its own `not`, or \
            `exists: true` and `exists: false` on one path; `not` of a condition that never holds; an `all` of \
            such conditions. It also finds disguised presence tests, which hold for every case where their path \
            is present: `count` with `gte: 0`, and `contains_all: []`. Those are not literally always true — a \
            missing path makes every predicate false (SPEC §1.3) — but what they say is only `exists: true`.

            Not reported: `every` over a path (false when the path is missing), and `exists: false` alone.

            A rule that always applies should say so in its title and have no `when` worth reading; usually \
            the test is a mistake (a wrong bound, an empty list meant to be filled). Fix the values, write \
            `exists: true` if presence is what matters, or drop the test.
            """,
        triggering: [
            .policy(
                """
                kind: Policy
                id: safety
                rules:
                  - id: attacks-linked
                    title: Attackers posted on the site
                    decision: escalate
                    when:
                      ↓count: { path: facts.attacks, where: { path: attacker_posted_on_site, equals: true }, gte: 0 }
                  - id: threat-or-not
                    title: Imminent threat either way
                    decision: escalate
                    when:
                      any:
                        - { path: facts.imminent_threat_to_life, equals: true }
                        - ↓not: { path: facts.imminent_threat_to_life, equals: true }
                  - id: all-categories
                    title: Every listed category
                    decision: monitor
                    when: { path: site.categories, contains_all: ↓[] }
                """)
        ],
        nonTriggering: [
            .policy(
                """
                kind: Policy
                id: safety
                rules:
                  - id: attacks-linked
                    title: Attackers posted on the site
                    decision: escalate
                    when:
                      count: { path: facts.attacks, where: { path: attacker_posted_on_site, equals: true }, gte: 1 }
                  - id: all-reports-verified
                    title: Every report verified
                    decision: escalate
                    when:
                      every: { path: reports, where: { path: verified, equals: true } }
                """)
        ])

    package func check(_ context: LintContext) -> [Diagnostic] {
        ConditionTruth.findings(context).filter { $0.kind != .never }.map {
            let lead = $0.kind == .vacuous ? "condition only tests presence" : "condition always holds"
            return context.finding(Self.description, "\(lead): \($0.message)", at: $0.location, help: $0.help)
        }
    }
}
