import GavelSyntax
import GavelEngine

/// A field Gavel does not know in a bundle, policy, rule, exception, list,
/// entry or condition.
///
/// A misspelt optional field is otherwise silently dropped, so the rule runs
/// without what its author wrote.
package struct UnknownFieldCheck: LoaderReportedRule {
    package init() {}

    package static let description = LintRuleDescription(
        code: .unknownField,
        category: .loading,
        defaultSeverity: .error,
        summary: "A field is not one the document kind defines",
        documentation: """
            Loading is strict: a key that the bundle, policy, rule, exception, list, list entry or \
            condition does not define is an error, never ignored. A tolerant loader would read \
            `obligation: [preserve_evidence]` and drop it, and the rule would terminate service without \
            ever asking for the evidence to be kept.

            Correct the spelling (the help names the closest known field), or remove the key. Free-form \
            notes belong in `description:`; case data has no fixed fields and is not checked by this rule.
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
                    decision: terminate
                    ↓obligation: [preserve_evidence]
                    when: { path: customer.name, equals: Hamas }
                """),
            .files([
                (
                    "lists/us-fto.yaml",
                    """
                    kind: List
                    id: us-fto
                    source: https://www.state.gov/foreign-terrorist-organizations/
                    as_of: 2018-03-01
                    entries:
                      - id: fto-hamas
                        name: HAMAS
                        ↓alias: [Islamic Resistance Movement]
                    """
                )
            ]),
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
                    decision: terminate
                    obligations: [preserve_evidence]
                    when: { path: customer.name, equals: Hamas }
                """)
        ])
}
