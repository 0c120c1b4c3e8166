import GavelSyntax
import GavelEngine

/// A `within` span longer than ten years.
///
/// `within` is for recency ("a report in the last 90 days"); a span of
/// decades is usually a unit slip (`3650w` for `3650d`) and makes the test
/// accept nearly any date.
package struct WithinTooLongCheck: LintRule {
    package init() {}

    static let limitDays: Int64 = 3_653

    package static let description = LintRuleDescription(
        id: "within-too-long",
        category: .semantics,
        defaultSeverity: .warning,
        summary: "A `within` span is longer than 10 years",
        documentation: """
            `within: 90d` holds when the date lies in the 90 days before the evaluation date (SPEC §1.3): it \
            is how a rule says "recent". A span over ten years (3,653 days) is almost never meant — `520w` \
            typed for `52w`, hours for days — and turns a recency test into "any date on record", so old, \
            resolved reports count as fresh evidence.

            Check the unit (`h`, `d`, `w`). If any date at all is meant, say so with `exists: true`; if a \
            long look-back is truly intended (a decade of sanctions history), silence the finding for that \
            rule with `# gavel:ignore within-too-long -- why`.
            """,
        triggering: [
            .policy(
                """
                kind: Policy
                id: abuse
                rules:
                  - id: repeat-abuse
                    title: Three verified reports in the last year
                    decision: suspend
                    when:
                      count:
                        path: reports
                        where: { path: received, within: ↓5200w }
                        gte: 3
                """)
        ],
        nonTriggering: [
            .policy(
                """
                kind: Policy
                id: abuse
                rules:
                  - id: repeat-abuse
                    title: Three verified reports in the last year
                    decision: suspend
                    when:
                      count:
                        path: reports
                        where: { path: received, within: 52w }
                        gte: 3
                """)
        ])

    package func check(_ context: LintContext) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        for item in ConditionWalk.items(context) {
            ConditionWalk.visit(item.condition) { node, _ in
                guard case .predicate(let p) = node, case .within(let span) = p.op,
                    span.seconds > Self.limitDays * 86_400
                else { return }
                let years = Double(span.seconds) / (365.25 * 86_400)
                findings.append(
                    context.finding(
                        Self.description,
                        "`within: \(span.text)` on `\(p.path.text)` spans about \(Int(years.rounded())) years; expected at most 10",
                        at: p.operandLocation ?? p.location,
                        help: "check the unit (h, d, w); use `exists: true` if any date is meant"))
            }
        }
        return findings
    }
}
