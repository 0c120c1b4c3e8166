import GavelSyntax
import GavelEngine

/// A field whose value has the wrong type: a string where a boolean, list or
/// mapping is expected, and the like.
///
/// YAML 1.2 reads `yes` as a string, so a value that looks right can still be
/// the wrong type; Gavel refuses it rather than guess.
package struct WrongTypeCheck: LoaderReportedRule {
    package init() {}

    package static let description = LintRuleDescription(
        code: .wrongType,
        category: .loading,
        defaultSeverity: .error,
        summary: "A field's value is not of the type the field takes",
        documentation: """
            Each field takes one type: `mandatory` is `true` or `false`, `basis` and `obligations` are \
            lists of strings, `scope` is a mapping, `id` is a non-empty string. Scalars are typed by the \
            YAML 1.2 core schema, where only `true` and `false` are booleans: `mandatory: yes` is the \
            string "yes", and a loader that coerced it could just as well have read `no` as true.

            Write the value in the type the message names, e.g. `mandatory: true` or \
            `basis: ["EO 13224"]` (a list, even with one item).
            """,
        triggering: [
            .policy(
                """
                kind: Policy
                id: sanctions
                owner: legal@example.com
                rules:
                  - id: designated-organization
                    title: Customer is a designated terrorist organisation
                    basis: ["EO 13224"]
                    mandatory: ↓yes
                    decision: terminate
                    when: { path: customer.name, equals: Hamas }
                """),
            .policy(
                """
                kind: Policy
                id: sanctions
                owner: legal@example.com
                rules:
                  - id: designated-organization
                    title: Customer is a designated terrorist organisation
                    basis: ↓EO 13224
                    decision: terminate
                    when: { path: customer.name, equals: Hamas }
                """),
        ],
        nonTriggering: [
            .policy(
                """
                kind: Policy
                id: sanctions
                owner: legal@example.com
                rules:
                  - id: designated-organization
                    title: Customer is a designated terrorist organisation
                    basis: ["EO 13224"]
                    mandatory: true
                    decision: terminate
                    when: { path: customer.name, equals: Hamas }
                """)
        ])
}
