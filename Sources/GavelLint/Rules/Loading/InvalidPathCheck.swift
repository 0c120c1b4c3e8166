import GavelSyntax
import GavelEngine

/// A `path:` that is not a dotted case field name.
///
/// A malformed path can never resolve, so its predicate is always false and
/// the rule silently never matches.
package struct InvalidPathCheck: LoaderReportedRule {
    package init() {}

    package static let description = LintRuleDescription(
        code: .invalidPath,
        category: .loading,
        defaultSeverity: .error,
        summary: "A path is malformed or reaches a reserved case key",
        documentation: """
            Paths are dotted field names from the case root (`customer.aliases`, `requests.kind`), or from \
            the case root inside a quantifier's `where` with `$.`. A path with an empty step \
            (`customer..name`), a path that is not a string, or one that starts at a reserved key (`kind`, \
            `id`, `as_of`, `expect`, `notes` — they describe the case file, not the case) could never \
            find a value, and the predicate would be false on every case.

            Write the path to the case field you mean; a `Schema` lets lint check that the field exists.
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
                    when: { path: ↓customer..name, equals: Hamas }
                """),
            .policy(
                """
                kind: Policy
                id: sanctions
                owner: legal@example.com
                rules:
                  - id: test-cases
                    title: Test cases are never acted on
                    basis: ["Internal QA procedure 7"]
                    decision: no_action
                    when: { path: ↓id, starts_with: "TEST-" }
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
                    decision: terminate
                    when: { path: customer.name, equals: Hamas }
                """)
        ])
}
