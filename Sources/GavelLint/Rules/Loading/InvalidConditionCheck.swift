import GavelSyntax
import GavelEngine

/// A `when:` that is not a well-formed condition.
///
/// A rule whose condition cannot be compiled never matches; Gavel refuses the
/// bundle instead of running without it.
package struct InvalidConditionCheck: LoaderReportedRule {
    package init() {}

    package static let description = LintRuleDescription(
        code: .invalidCondition,
        category: .loading,
        defaultSeverity: .error,
        summary: "A condition is not one of the condition forms",
        documentation: """
            A condition is one mapping with exactly one form: `all: [...]`, `any: [...]` (each with at least \
            one condition), `not: cond`, a predicate `{ path: P, OP: VALUE }`, `some`/`every`/`count` over a \
            list, or `screen`. Two forms in one mapping (`any:` next to `all:`), an operator without a \
            `path`, an empty `all: []` or a `count` without its comparison have no single reading, so the \
            rule is not compiled.

            Combine several conditions in `all: [...]` or `any: [...]`, and give every operator a `path`.
            """,
        triggering: [
            .policy(
                """
                kind: Policy
                id: abuse
                owner: abuse@example.com
                rules:
                  - id: phishing
                    title: Confirmed phishing
                    basis: ["Acceptable Use Policy §2.1"]
                    decision: restrict
                    when: { ↓contains: phishing }
                """),
            .policy(
                """
                kind: Policy
                id: abuse
                owner: abuse@example.com
                rules:
                  - id: phishing
                    title: Confirmed phishing
                    basis: ["Acceptable Use Policy §2.1"]
                    decision: restrict
                    when:
                      any: [{ path: site.categories, contains: phishing }]
                      ↓all: [{ path: reports.verified, equals: true }]
                """),
        ],
        nonTriggering: [
            .policy(
                """
                kind: Policy
                id: abuse
                owner: abuse@example.com
                rules:
                  - id: phishing
                    title: Confirmed phishing
                    basis: ["Acceptable Use Policy §2.1"]
                    decision: restrict
                    when:
                      all:
                        - { path: site.categories, contains: phishing }
                        - { path: reports.verified, equals: true }
                """)
        ])
}
