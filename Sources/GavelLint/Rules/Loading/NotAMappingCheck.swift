import GavelSyntax
import GavelEngine

/// A document whose top level is a list or a scalar.
///
/// Gavel documents are mappings with `kind:`; a bare list of rules is not
/// read at all.
package struct NotAMappingCheck: LoaderReportedRule {
    package init() {}

    package static let description = LintRuleDescription(
        code: .notAMapping,
        category: .loading,
        defaultSeverity: .error,
        summary: "The top level of a document is not a mapping",
        documentation: """
            Every document is a mapping that starts with `kind:`. A file that is only a list of rules (the \
            `rules:` of a policy without the policy around it) or a single value is not a Gavel document, \
            and none of it takes effect.

            Wrap the content in a document of the right kind, e.g. `kind: Policy`, `id:`, `owner:` and the \
            list under `rules:`.
            """,
        triggering: [
            .policy(
                """
                ↓- id: designated-organization
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
                  - id: designated-organization
                    title: Customer is a designated terrorist organisation
                    basis: ["EO 13224"]
                    decision: terminate
                    when: { path: customer.name, equals: Hamas }
                """)
        ])
}
