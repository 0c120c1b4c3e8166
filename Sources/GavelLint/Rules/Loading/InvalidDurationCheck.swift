import GavelSyntax
import GavelEngine

/// A `within:` span that is not a number and a unit.
///
/// The span decides which reports are recent enough to count; Gavel does not
/// guess what "30 days" or "1 month" means.
package struct InvalidDurationCheck: LoaderReportedRule {
    package init() {}

    package static let description = LintRuleDescription(
        code: .invalidDuration,
        category: .loading,
        defaultSeverity: .error,
        summary: "A `within:` duration is malformed",
        documentation: """
            `within:` takes a whole number followed by one unit: `h` (hours), `d` (days) or `w` (weeks), \
            e.g. `30d` or `12h`. Months and years have no fixed length, and free text such as `30 days` \
            has several readings, so both are refused: whether a report counts as recent changes the \
            decision.

            Write the span in hours, days or weeks: `within: 30d`; for a month use the number of days \
            your procedure means.
            """,
        triggering: [
            .policy(
                """
                kind: Policy
                id: abuse
                owner: abuse@example.com
                rules:
                  - id: repeat-phishing
                    title: Phishing reported again within a month
                    basis: ["Acceptable Use Policy §2.1"]
                    decision: suspend
                    when:
                      some:
                        path: requests
                        where: { path: received, within: ↓30 days }
                """)
        ],
        nonTriggering: [
            .policy(
                """
                kind: Policy
                id: abuse
                owner: abuse@example.com
                rules:
                  - id: repeat-phishing
                    title: Phishing reported again within a month
                    basis: ["Acceptable Use Policy §2.1"]
                    decision: suspend
                    when:
                      some:
                        path: requests
                        where: { path: received, within: 30d }
                """)
        ])
}
