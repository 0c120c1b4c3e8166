import GavelSyntax
import GavelEngine

/// A decision that is not a step of the bundle's ladder.
///
/// Severity comes from the ladder; a decision not on it has no rank, so Gavel
/// cannot tell whether it should win over another rule's decision.
package struct UnknownDecisionCheck: LoaderReportedRule {
    package init() {}

    package static let description = LintRuleDescription(
        code: .unknownDecision,
        category: .references,
        defaultSeverity: .error,
        summary: "A decision is not on the bundle's ladder",
        documentation: """
            A rule's `decision:` (and the bundle's `default: { decision: }`) must be the id of a step of \
            the ladder in bundle.yaml, or of the standard ladder (no_action, monitor, escalate, restrict, \
            geo_block, suspend, terminate) when the bundle declares none. The ladder orders decisions; \
            when several rules match, the most severe wins. A decision that is not on it cannot be \
            ranked, and the rule is left out of the bundle.

            Use a ladder id (the help names the closest one), or add the step to the ladder in \
            bundle.yaml at its place in the order.
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
                    decision: ↓terminated
                    when: { path: customer.name, equals: Hamas }
                """),
            .files([
                (
                    "bundle.yaml",
                    """
                    kind: Bundle
                    id: acme-infrastructure
                    default: { decision: ↓keep_service }
                    """
                )
            ]),
        ],
        nonTriggering: [
            .files([
                (
                    "bundle.yaml",
                    """
                    kind: Bundle
                    id: acme-infrastructure
                    ladder: [no_action, escalate, suspend, terminate]
                    default: { decision: no_action }
                    """
                ),
                (
                    "policies/sanctions.yaml",
                    """
                    kind: Policy
                    id: sanctions
                    owner: legal@example.com
                    rules:
                      - id: designated-organization
                        title: Customer is a designated terrorist organisation
                        basis: ["EO 13224"]
                        decision: terminate
                        when: { path: customer.name, equals: Hamas }
                    """
                ),
            ])
        ])
}
