import GavelSyntax
import GavelEngine

/// An operator given a value of the wrong type.
///
/// `gt: "10k"` can never compare with a follower count; Gavel refuses the
/// condition rather than let it be false on every case.
package struct OperatorTypeCheck: LoaderReportedRule {
    package init() {}

    package static let description = LintRuleDescription(
        code: .operatorType,
        category: .loading,
        defaultSeverity: .error,
        summary: "An operator's value is not of the type the operator takes",
        documentation: """
            Each operator takes one kind of value: `in`, `contains_any` and `contains_all` a list; `equals` \
            and `contains` a single value; `gt`, `gte`, `lt` and `lte` a finite number or a date; `exists` \
            a boolean; `glob`, `starts_with` and `ends_with` a string; `count` comparisons a whole number; \
            `screen.types` entry types. A value of another type would make the predicate false on every \
            case — a rule that silently never fires. `.nan` and `.inf` are YAML numbers but no threshold: \
            nothing is above or below NaN, and an infinite bound holds for every number or for none. A whole \
            number beyond ±2^53 (9,007,199,254,740,992) is refused too: no double holds it exactly, so the \
            bound would silently be a neighbouring number.

            Write the value as the operator expects, e.g. `gt: 10000`, or `in: [DE, AT]` for several values.
            """,
        triggering: [
            .policy(
                """
                kind: Policy
                id: violent-extremism
                owner: trust-safety@example.com
                rules:
                  - id: large-audience-incitement
                    title: Incitement reaching a large audience
                    basis: ["Terms of Service 4.1"]
                    decision: escalate
                    when:
                      all:
                        - { path: site.categories, contains: incitement }
                        - { path: facts.followers, gt: ↓"10k" }
                """),
            .policy(
                """
                kind: Policy
                id: sanctions
                owner: legal@example.com
                rules:
                  - id: comprehensive-sanctions
                    title: Customer in a comprehensively sanctioned country
                    basis: ["31 CFR 560"]
                    decision: terminate
                    when: { path: customer.country, equals: ↓[IR, KP, SY] }
                """),
            .policy(
                """
                kind: Policy
                id: fraud
                owner: trust-safety@example.com
                rules:
                  - id: high-risk-score
                    title: Risk score at or above the threshold
                    basis: ["Terms of Service 4.3"]
                    decision: suspend
                    when: { path: facts.risk_score, gte: ↓.nan }
                """),
        ],
        nonTriggering: [
            .policy(
                """
                kind: Policy
                id: sanctions
                owner: legal@example.com
                rules:
                  - id: comprehensive-sanctions
                    title: Customer in a comprehensively sanctioned country
                    basis: ["31 CFR 560"]
                    decision: terminate
                    when: { path: customer.country, in: [IR, KP, SY] }
                """)
        ])
}
