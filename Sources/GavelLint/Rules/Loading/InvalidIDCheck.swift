import GavelSyntax
import GavelEngine

/// A rule or exception id that is not kebab-case.
///
/// Ids appear in records, `suspends:` lists, `expect:` blocks and command
/// lines; one spelling everywhere keeps them from drifting apart.
package struct InvalidIDCheck: LoaderReportedRule {
    package init() {}

    package static let description = LintRuleDescription(
        code: .invalidID,
        category: .loading,
        defaultSeverity: .error,
        summary: "A rule or exception id is not kebab-case",
        documentation: """
            Rule and exception ids are lowercase letters and digits separated by single hyphens \
            (`designated-organization`). They are how decision records, audit exports, exceptions and case \
            expectations refer to a rule, often years later; `Designated_Organization` and \
            `designated-organization` would be easy to confuse in a `suspends:` list.

            Rename the id as the help suggests, and update every `suspends:` and `expect:` that names it.
            """,
        triggering: [
            .policy(
                """
                kind: Policy
                id: sanctions
                owner: legal@example.com
                rules:
                  - id: ↓Designated_Organization
                    title: Customer is a designated terrorist organisation
                    basis: ["EO 13224"]
                    decision: terminate
                    when: { path: customer.name, equals: Hamas }
                """)
        ],
        nonTriggering: [
            .policy(
                """
                kind: Policy
                id: sanctions
                owner: legal@example.com
                rules:
                  - id: designated-organization-2024
                    title: Customer is a designated terrorist organisation
                    basis: ["EO 13224"]
                    decision: terminate
                    when: { path: customer.name, equals: Hamas }
                """)
        ])
}
