import GavelSyntax
import GavelEngine

/// A screening score bound outside (0, 1], or a `below` not above `min_score`.
///
/// Scores are in (0, 1]: a bound outside it, or an empty `[min_score, below)`
/// band, makes the screen match everything or nothing.
package struct ScreenScoreRangeCheck: LoaderReportedRule {
    package init() {}

    package static let description = LintRuleDescription(
        code: .screenScoreRange,
        category: .semantics,
        defaultSeverity: .error,
        summary: "Screening score bound is out of range",
        documentation: """
            A `screen` holds when a name matches an in-force entry at a score in `[min_score, below)` (SPEC \
            §3); scores run from 0 to 1, and 1.0 is an exact match. `min_score: 0` would match every name \
            against every entry, `min_score: 92` (a percentage) none, and `below` at or under `min_score` \
            leaves an empty band, so the rule can never fire. The same range applies to the bundle's \
            `screening.min_score` default. The loader refuses such a bundle.

            Write scores as fractions: `min_score: 0.92`; for a review band, `min_score: 0.90, below: 1.0`.
            """,
        triggering: [
            .policy(
                """
                kind: Policy
                id: sanctions
                rules:
                  - id: possible-match
                    title: Possible match (review band)
                    decision: escalate
                    when:
                      screen:
                        lists: [us-sdgt]
                        names: [customer.name]
                        min_score: ↓92
                  - id: empty-band
                    title: Empty band
                    decision: escalate
                    when:
                      screen:
                        lists: [us-sdgt]
                        names: [customer.name]
                        min_score: 0.95
                        below: ↓0.9
                  - id: not-a-number
                    title: A band that ends nowhere
                    decision: escalate
                    when:
                      screen:
                        lists: [us-sdgt]
                        names: [customer.name]
                        min_score: 0.90
                        below: ↓.nan
                ---
                kind: List
                id: us-sdgt
                entries:
                  - { id: sdgt-1, name: Example Front }
                """)
        ],
        nonTriggering: [
            .policy(
                """
                kind: Policy
                id: sanctions
                rules:
                  - id: possible-match
                    title: Possible match (review band)
                    decision: escalate
                    when:
                      screen:
                        lists: [us-sdgt]
                        names: [customer.name]
                        min_score: 0.90
                        below: 1.0
                ---
                kind: List
                id: us-sdgt
                entries:
                  - { id: sdgt-1, name: Example Front }
                """)
        ])
}
