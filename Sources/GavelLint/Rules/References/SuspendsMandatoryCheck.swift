import GavelSyntax
import GavelEngine

/// An exception that suspends a `mandatory: true` rule.
///
/// Mandatory rules implement obligations no policy choice can waive (a
/// sanctions designation); an exception to one would never take effect.
package struct SuspendsMandatoryCheck: LoaderReportedRule {
    package init() {}

    package static let description = LintRuleDescription(
        code: .suspendsMandatory,
        category: .references,
        defaultSeverity: .error,
        summary: "An exception suspends a mandatory rule",
        documentation: """
            `mandatory: true` marks a rule that no exception may suspend — typically a legal prohibition \
            such as doing business with a designated terrorist organisation, where a newsworthiness \
            exception is not a defence. Gavel never applies such a suspension, so listing the rule in \
            `suspends:` misleads the reader into thinking the exception covers it.

            Remove the rule from `suspends:`. If the exception really should apply, the rule is not \
            mandatory: have the policy owner and legal review it before removing `mandatory: true`.
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
                    basis: ["EO 13224", "18 U.S.C. 2339B"]
                    mandatory: true
                    decision: terminate
                    when: { path: customer.name, equals: Hamas }
                exceptions:
                  - id: newsworthy-documentation
                    title: Journalism and research documenting terrorism
                    suspends: [↓designated-organization]
                    basis: ["Terms of Service 4.2"]
                    when: { path: site.categories, contains_any: [journalism, research] }
                """)
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
                    basis: ["EO 13224", "18 U.S.C. 2339B"]
                    mandatory: true
                    decision: terminate
                    when: { path: customer.name, equals: Hamas }
                  - id: terrorism-propaganda
                    title: Site distributes terrorist propaganda
                    basis: ["Terms of Service 4.1"]
                    decision: terminate
                    when: { path: site.categories, contains: terrorism_propaganda }
                exceptions:
                  - id: newsworthy-documentation
                    title: Journalism and research documenting terrorism
                    suspends: [terrorism-propaganda]
                    basis: ["Terms of Service 4.2"]
                    when: { path: site.categories, contains_any: [journalism, research] }
                """)
        ])
}
