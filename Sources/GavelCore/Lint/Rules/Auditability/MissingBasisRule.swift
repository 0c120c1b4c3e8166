/// A rule without a legal or contractual basis.
///
/// A decision must be traceable to the law or term that justifies it.
public struct MissingBasisRule: LintRule {
    public init() {}

    public static let description = LintRuleDescription(
        id: "missing-basis",
        category: .auditability,
        defaultSeverity: .warning,
        summary: "Rule names no legal or contractual basis",
        documentation: """
            Every decision record lists the `basis` of the rules that decided it: the statute, executive \
            order, court order or term of service that justifies the action. A rule without one produces \
            decisions that an auditor, a court or the customer cannot check against anything.

            Add `basis:` with the instruments the rule applies, e.g. `basis: ["EO 13224", "18 U.S.C. 2339B"]`, \
            or the section of your own terms, e.g. `basis: ["Acceptable Use Policy §3.1"]`.
            """,
        triggering: [
            .policy(
                """
                kind: Policy
                id: abuse
                owner: abuse@example.com
                rules:
                  - ↓id: phishing
                    title: Confirmed phishing
                    decision: restrict
                    when: { path: site.categories, contains: phishing }
                """)
        ],
        nonTriggering: [
            .policy(
                """
                kind: Policy
                id: abuse
                owner: abuse@example.com
                rules:
                  - id: phishing
                    title: Confirmed phishing
                    basis: [Acceptable Use Policy §2.1]
                    decision: restrict
                    when: { path: site.categories, contains: phishing }
                """)
        ])

    public func check(_ context: LintContext) -> [Diagnostic] {
        context.rules.filter { $0.rule.basis.isEmpty }.map { item in
            context.finding(
                Self.description, "rule `\(item.rule.id)` names no basis", at: item.rule.location,
                help: "add `basis:` with the law, order or term this rule applies")
        }
    }
}
