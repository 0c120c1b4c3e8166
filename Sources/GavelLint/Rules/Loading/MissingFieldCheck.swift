import GavelSyntax
import GavelEngine

/// A required field is absent.
///
/// A rule without a `decision` or `when` cannot be evaluated, so Gavel drops
/// it rather than guess; lint names what is missing.
package struct MissingFieldCheck: LoaderReportedRule {
    package init() {}

    package static let description = LintRuleDescription(
        code: .missingField,
        category: .loading,
        defaultSeverity: .error,
        summary: "A required field is absent",
        documentation: """
            Some fields have no sensible default: a rule needs `id`, `title`, `when` and `decision`; an \
            exception needs `id`, `title`, `suspends` and `when`; a policy, list and bundle need `id`; a \
            list entry needs `id` and `name`; a case needs `id`. An item without one of them is left out \
            of the bundle, which would change decisions without anyone noticing, so the bundle is refused.

            An exception's `suspends:` must name at least one rule: `suspends: []`, or `suspends:` with \
            nothing after it, is reported here too, since an exception that suspends nothing has no effect \
            and was most often left half written.

            Add the field named in the message to the item the finding points at, or name the rules the \
            exception suspends.
            """,
        triggering: [
            .policy(
                """
                kind: Policy
                id: court-orders
                owner: legal@example.com
                rules:
                  - ↓id: blocking-order
                    title: Court-ordered blocking in Germany
                    basis: ["LG Köln 14 O 29/21"]
                    scope: { jurisdictions: [DE] }
                    when: { path: requests.kind, equals: court_order }
                """),
            .policy(
                """
                kind: Policy
                id: terrorism
                owner: legal@example.com
                rules:
                  - id: terrorism-propaganda
                    title: Site publishes terrorist propaganda
                    basis: ["Terms of Service 4.1"]
                    decision: terminate
                    when: { path: site.categories, contains: terrorism_propaganda }
                exceptions:
                  - id: newsworthy-documentation
                    title: Journalism and research documenting terrorism
                    basis: ["Terms of Service 4.2"]
                    suspends: ↓[]
                    when: { path: site.categories, contains_any: [journalism, research] }
                """),
        ],
        nonTriggering: [
            .policy(
                """
                kind: Policy
                id: court-orders
                owner: legal@example.com
                rules:
                  - id: blocking-order
                    title: Court-ordered blocking in Germany
                    basis: ["LG Köln 14 O 29/21"]
                    scope: { jurisdictions: [DE] }
                    decision: geo_block
                    when: { path: requests.kind, equals: court_order }
                """)
        ])
}
