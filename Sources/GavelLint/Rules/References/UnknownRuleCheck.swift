import GavelSyntax
import GavelEngine

/// An exception that suspends a rule id the bundle does not have.
///
/// The exception then protects nothing, and the rule it was meant to suspend
/// (under its real name) still fires.
package struct UnknownRuleCheck: LoaderReportedRule {
    package init() {}

    package static let description = LintRuleDescription(
        code: .unknownRule,
        category: .references,
        defaultSeverity: .error,
        summary: "An exception suspends a rule that is not in the bundle",
        documentation: """
            Every id in an exception's `suspends:` must be the id of a rule somewhere in the bundle. An \
            exception for journalism that names `terorism-propaganda` suspends nothing: the newsworthy \
            site it was written to protect is terminated anyway. This usually follows a rule being renamed \
            or moved to another bundle.

            Correct the id (the help names the closest rule), or remove it from `suspends:`.
            """,
        triggering: [
            .policy(
                """
                kind: Policy
                id: violent-extremism
                owner: trust-safety@example.com
                rules:
                  - id: terrorism-propaganda
                    title: Site distributes terrorist propaganda
                    basis: ["Terms of Service 4.1"]
                    decision: terminate
                    when: { path: site.categories, contains: terrorism_propaganda }
                exceptions:
                  - id: newsworthy-documentation
                    title: Journalism and research documenting terrorism
                    suspends: [↓terorism-propaganda]
                    basis: ["Terms of Service 4.2"]
                    when: { path: site.categories, contains_any: [journalism, research] }
                """)
        ],
        nonTriggering: [
            .policy(
                """
                kind: Policy
                id: violent-extremism
                owner: trust-safety@example.com
                rules:
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
