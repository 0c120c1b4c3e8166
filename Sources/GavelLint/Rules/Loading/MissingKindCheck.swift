import GavelSyntax
import GavelEngine

/// A document without `kind:`.
///
/// Gavel reads a document by its kind; without one it cannot tell a policy
/// from a list and reads neither.
package struct MissingKindCheck: LoaderReportedRule {
    package init() {}

    package static let description = LintRuleDescription(
        code: .missingKind,
        category: .loading,
        defaultSeverity: .error,
        summary: "A document has no `kind:`",
        documentation: """
            Every document declares what it is with `kind:` (`Bundle`, `Policy`, `List`, `Schema` or \
            `Case`). Gavel does not infer it from the file name or the fields, because a document read as \
            the wrong kind would be checked against the wrong rules — or silently skipped.

            Add `kind:` as the first line of the document.
            """,
        triggering: [
            .policy(
                """
                ↓id: sanctions
                owner: legal@example.com
                rules:
                  - id: designated-organization
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
