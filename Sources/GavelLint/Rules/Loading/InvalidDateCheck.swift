import GavelSyntax
import GavelEngine

/// A date that is not a real `YYYY-MM-DD` or RFC 3339 date.
///
/// A rule's `effective` date decides whether it is in force; a date Gavel
/// guessed at could put it in force on the wrong day.
package struct InvalidDateCheck: LoaderReportedRule {
    package init() {}

    package static let description = LintRuleDescription(
        code: .invalidDate,
        category: .loading,
        defaultSeverity: .error,
        summary: "A date is malformed or impossible",
        documentation: """
            Date fields (`effective`, `expires`, `as_of`, `listed`, `delisted`) take `YYYY-MM-DD` or an RFC \
            3339 timestamp (`2019-09-09T12:00:00Z`). `2019-02-30`, `09/10/2019` and `Sept 2019` are \
            refused rather than guessed: the day a rule comes into force, or a designation ends, is part of \
            the decision.

            Write the date in ISO form, `YYYY-MM-DD`, with a real day of that month.
            """,
        triggering: [
            .policy(
                """
                kind: Policy
                id: sanctions
                owner: legal@example.com
                effective: ↓2019-02-30
                rules:
                  - id: designated-organization
                    title: Customer is a designated terrorist organisation
                    basis: ["EO 13224"]
                    decision: terminate
                    when: { path: customer.name, equals: Hamas }
                """),
            .files([("cases/c.yaml", "kind: Case\nid: CASE-2017-0412\nas_of: ↓08/30/2017\n")]),
        ],
        nonTriggering: [
            .policy(
                """
                kind: Policy
                id: court-orders
                owner: legal@example.com
                effective: 2019-02-28
                rules:
                  - id: interim-injunction
                    title: Interim injunction against the site
                    basis: ["LG Hamburg 310 O 99/22"]
                    decision: geo_block
                    scope: { jurisdictions: [DE] }
                    effective: 2022-03-01
                    expires: 2022-06-01T00:00:00Z
                    when: { path: requests.kind, equals: court_order }
                """)
        ])
}
