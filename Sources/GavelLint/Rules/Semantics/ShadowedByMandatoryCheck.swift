import GavelSyntax
import GavelEngine

/// A rule with the same condition as a mandatory rule that decides more
/// severely.
///
/// Whenever it matches, the mandatory rule matches too and wins, and no
/// exception can suspend that one: the rule can never determine a decision.
package struct ShadowedByMandatoryCheck: LintRule {
    package init() {}

    package static let description = LintRuleDescription(
        id: "shadowed-by-mandatory",
        category: .semantics,
        defaultSeverity: .warning,
        summary: "Rule is always overridden by a mandatory rule with the same condition",
        documentation: """
            The decision is the most severe among matched, unsuspended rules (SPEC §2). A rule whose `when` is \
            the same as a mandatory rule's — compared after compiling, ignoring layout and the order of `all`/\
            `any` items — with a less severe decision, while that mandatory rule is in force whenever it is, \
            matches only when the mandatory rule does; mandatory rules cannot be suspended, so the weaker rule \
            never appears in `determined_by`. Usually it is a leftover from before the mandatory rule was \
            written, or its condition was meant to be narrower or broader.

            Delete the rule, or change its condition to cover the cases it was written for. Its obligations \
            still apply when it matches (SPEC §2 step 6); if it is kept only for them, move them to the \
            mandatory rule, or silence the finding with `# gavel:ignore shadowed-by-mandatory -- why`.

            Not reported: a rule with the same id as the mandatory rule. That is one id defined twice, which \
            `duplicate-id` refuses, naming both places; the two are not a rule and the rule that shadows it.
            """,
        triggering: [
            .policy(
                """
                kind: Policy
                id: sanctions
                rules:
                  - id: designated-organization
                    title: Customer is a designated terrorist organisation
                    mandatory: true
                    decision: terminate
                    when:
                      all:
                        - { path: facts.designated, equals: true }
                        - { path: services, contains: cdn }
                  - id: designated-review
                    title: Review designated customers
                    decision: ↓escalate
                    when:
                      all:
                        - { path: services, contains: cdn }
                        - { path: facts.designated, equals: true }
                """)
        ],
        nonTriggering: [
            .policy(
                """
                kind: Policy
                id: sanctions
                rules:
                  - id: designated-organization
                    title: Customer is a designated terrorist organisation
                    mandatory: true
                    effective: 2001-09-23
                    decision: terminate
                    when: { path: facts.designated, equals: true }
                  - id: possibly-designated
                    title: Review possible designations
                    decision: escalate
                    when: { path: facts.possibly_designated, equals: true }
                  - id: designated-before-order
                    title: Designated, before the mandatory rule took effect
                    effective: 1990-01-01
                    decision: escalate
                    when: { path: facts.designated, equals: true }
                """),
            // One id defined twice is `duplicate-id`'s error; a rule is not shadowed by itself.
            .files([
                (
                    "policies/sanctions.yaml",
                    """
                    kind: Policy
                    id: sanctions
                    rules:
                      - id: designated-organization
                        title: Customer is a designated terrorist organisation
                        mandatory: true
                        decision: terminate
                        when: { path: facts.designated, equals: true }
                    """
                ),
                (
                    "policies/review.yaml",
                    """
                    kind: Policy
                    id: review
                    rules:
                      - id: designated-organization
                        title: Review designated customers
                        decision: escalate
                        when: { path: facts.designated, equals: true }
                    """
                ),
            ]),
        ])

    package func check(_ context: LintContext) -> [Diagnostic] {
        guard let compiled = context.compiled else { return [] }
        // By place, not id: with an id defined twice, the id names two rules.
        var raw: [SourceLocation: Rule] = [:]
        for (rule, _) in context.rules { raw[rule.location] = rule }
        let mandatory = compiled.rules.filter(\.mandatory).map { ($0, $0.condition.canonical) }
        guard !mandatory.isEmpty else { return [] }
        var findings: [Diagnostic] = []
        for rule in compiled.rules where !rule.mandatory {
            let canonical = rule.condition.canonical
            // A rule sharing the mandatory rule's id is the same id defined twice: `duplicate-id` reports
            // that, and "shadowed by itself" would only hide it.
            guard
                let (winner, _) = mandatory.first(where: { m, c in
                    m.id != rule.id && c == canonical && m.severity > rule.severity && m.covers(rule)
                })
            else { continue }
            findings.append(
                context.finding(
                    Self.description,
                    "rule `\(rule.id)` decides `\(rule.decision)` on the same condition as mandatory rule `\(winner.id)`, "
                        + "which decides `\(winner.decision)`, so it never determines a decision",
                    at: raw[rule.location]?.decisionLocation ?? rule.location,
                    help: "delete it, or change its condition to cover the cases it was meant for"))
        }
        return findings
    }

}
