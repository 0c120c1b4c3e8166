import GavelSyntax
import GavelEngine

/// A `# gavel:ignore` comment that is malformed, names no known rule, gives
/// no reason, or is not above a rule or exception.
///
/// A marker that does not work leaves the finding in place; one without a
/// reason leaves the next reviewer guessing why a check was silenced.
package struct InvalidIgnoreMarkerCheck: LoaderReportedRule {
    package init() {}

    package static let description = LintRuleDescription(
        code: .invalidIgnoreMarker,
        category: .loading,
        defaultSeverity: .error,
        summary: "A `# gavel:ignore` marker is malformed or misplaced",
        documentation: """
            `# gavel:ignore RULE-ID -- REASON`, on its own line just above a rule's or exception's `- id:` \
            line, silences one lint rule for that one item. The marker must name exactly one existing rule, \
            give a reason after ` -- ` (a silenced check must say why, for the auditor and the next \
            reviewer), and sit directly above an item; otherwise it silences nothing and is reported.

            Write it as `# gavel:ignore missing-basis -- internal test rule, never deployed`, directly \
            above the item.
            """,
        triggering: [
            .policy(
                """
                kind: Policy
                id: abuse
                owner: abuse@example.com
                rules:
                  ↓# gavel:ignore missing-basis
                  - id: honeypot-monitoring
                    title: Honeypot domains are monitored
                    decision: monitor
                    when: { path: site.categories, contains: honeypot }
                """),
            .policy(
                """
                kind: Policy
                id: abuse
                owner: abuse@example.com
                ↓# gavel:ignore missing-basis -- internal monitoring, no action taken
                rules:
                  - id: honeypot-monitoring
                    title: Honeypot domains are monitored
                    decision: monitor
                    when: { path: site.categories, contains: honeypot }
                """),
        ],
        nonTriggering: [
            .policy(
                """
                kind: Policy
                id: abuse
                owner: abuse@example.com
                rules:
                  # gavel:ignore missing-basis -- internal monitoring, no action taken
                  - id: honeypot-monitoring
                    title: Honeypot domains are monitored
                    decision: monitor
                    when: { path: site.categories, contains: honeypot }
                """)
        ])
}
