import GavelSyntax
import GavelEngine

/// A rule that restricts or ends service without a `reason:`.
///
/// The customer is owed a statement of reasons; without a template, the
/// record says only which rule fired.
package struct MissingReasonCheck: LintRule {
    package init() {}

    package static let description = LintRuleDescription(
        id: "missing-reason",
        category: .auditability,
        defaultSeverity: .warning,
        summary: "A rule that acts against the customer has no `reason:`",
        documentation: """
            A rule whose decision is more severe than `escalate` on the bundle's ladder (on the standard \
            ladder: restrict, geo_block, suspend, terminate) takes action against a customer. The decision \
            record then needs a readable reason — the text of the notice to the customer and, in the EU, of \
            the DSA statement of reasons (Art. 17), which must give the facts relied on. A rule without \
            `reason:` leaves only the rule's title. On a custom ladder without `escalate`, every decision \
            more severe than the bundle's default decision counts.

            Add a `reason:` template that states the facts, e.g. \
            `reason: "{customer.name} matches {match.name} on {match.list} (score {match.score})"`.
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
                    decision: ↓terminate
                    obligations: [preserve_evidence]
                    when: { path: customer.name, equals: Hamas }
                """),
            .files([
                (
                    "bundle.yaml",
                    """
                    kind: Bundle
                    id: acme-infrastructure
                    ladder: [keep, review, block]
                    default: { decision: keep }
                    """
                ),
                (
                    "policies/abuse.yaml",
                    """
                    kind: Policy
                    id: abuse
                    owner: abuse@example.com
                    rules:
                      - id: phishing
                        title: Confirmed phishing
                        basis: ["Acceptable Use Policy §2.1"]
                        decision: ↓review
                        when: { path: site.categories, contains: phishing }
                    """
                ),
            ]),
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
                    obligations: [preserve_evidence]
                    reason: "{customer.name} is designated under EO 13224"
                    when: { path: customer.name, equals: Hamas }
                  - id: possible-designation
                    title: Customer name resembles a designated organisation
                    basis: ["EO 13224"]
                    decision: escalate
                    when: { path: customer.name, glob: "*hamas*" }
                """),
            // A reason written as something other than text is the loader's `wrong-type`, not a missing one.
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
                    reason: ["{customer.name} is designated", "under EO 13224"]
                    when: { path: customer.name, equals: Hamas }
                """),
        ])

    package func check(_ context: LintContext) -> [Diagnostic] {
        guard let manifest = context.documents?.manifest else { return [] }
        let ladder = manifest.ladder.map(\.id)
        guard let threshold = ladder.firstIndex(of: "escalate") ?? ladder.firstIndex(of: manifest.defaultDecision)
        else { return [] }
        return context.rules.compactMap { item in
            let rule = item.rule
            // A `reason:` of another type than text is reported by the loader (`wrong-type`); saying it is missing too would mislead.
            guard let rank = ladder.firstIndex(of: rule.decision), rank > threshold,
                rule.reason?.allSatisfy(\.isWhitespace) ?? (rule.reasonLocation == nil)
            else { return nil }
            return context.finding(
                Self.description,
                "rule `\(rule.id)` decides `\(rule.decision)` but has no `reason`; expected a reason template for the decision record",
                at: rule.decisionLocation,
                help: "add `reason:` stating the facts, e.g. `reason: \"{customer.name} matches {match.name} on {match.list}\"`")
        }
    }
}
