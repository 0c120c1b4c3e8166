import GavelSyntax
import GavelEngine

/// A `{placeholder}` in a rule's `reason:` that Gavel cannot fill.
///
/// The reason is the sentence a customer or court reads; a placeholder that
/// cannot be filled would leave a hole in it.
package struct UnknownPlaceholderCheck: LoaderReportedRule {
    package init() {}

    package static let description = LintRuleDescription(
        code: .unknownPlaceholder,
        category: .references,
        defaultSeverity: .error,
        summary: "A reason template has a placeholder that cannot be filled",
        documentation: """
            A `reason:` template may use case paths (`{customer.name}`, checked against the `Schema` when \
            the bundle has one) and, in rules whose condition screens a list, the match fields \
            `{match.name}`, `{match.list}`, `{match.entry}`, `{match.score}`, `{match.query}`, \
            `{match.field}` and `{match.method}`. Anything else — a misspelt match field, `{match.name}` in \
            a rule without `screen`, a reserved key such as `{id}`, an unclosed `{` — would render as a gap \
            in the statement of reasons sent to the customer.

            Correct the placeholder, or write `{{` and `}}` for literal braces.
            """,
        triggering: [
            .policy(
                """
                kind: Policy
                id: hate-speech
                owner: trust-safety@example.com
                rules:
                  - id: hate-site
                    title: Site dedicated to hate speech
                    basis: ["Terms of Service 3.2"]
                    decision: suspend
                    obligations: [preserve_evidence]
                    reason: ↓"{site.domain} matches {match.name}"
                    when: { path: site.categories, contains: hate_speech }
                """)
        ],
        nonTriggering: [
            .policy(
                """
                kind: Policy
                id: hate-speech
                owner: trust-safety@example.com
                rules:
                  - id: hate-site
                    title: Site dedicated to hate speech
                    basis: ["Terms of Service 3.2"]
                    decision: suspend
                    obligations: [preserve_evidence]
                    reason: "{site.domain} is categorised as hate speech ({{ToS 3.2}})"
                    when: { path: site.categories, contains: hate_speech }
                """)
        ])
}
