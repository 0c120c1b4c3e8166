import GavelSyntax
import GavelEngine

/// A policy without an `owner`.
///
/// Someone must answer for a policy's decisions and keep it current; without
/// an owner, a stale rule has nobody to review it.
package struct PolicyMissingOwnerCheck: LintRule {
    package init() {}

    package static let description = LintRuleDescription(
        id: "policy-missing-owner",
        category: .auditability,
        defaultSeverity: .warning,
        summary: "A policy names no owner",
        documentation: """
            `owner:` names the team or person accountable for a policy: who reviews its rules when a law \
            changes, who answers an appeal or an auditor's question about a decision it produced, who \
            approves an exception. Policies without an owner are the ones nobody updates after the \
            sanctions list or the terms of service change.

            Add `owner:` with a durable contact, preferably a team address, e.g. `owner: legal@example.com`.
            """,
        triggering: [
            .policy(
                """
                kind: Policy
                id: ↓sanctions
                title: Sanctions and terrorist designations
                rules:
                  - id: designated-organization
                    title: Customer is a designated terrorist organisation
                    basis: ["EO 13224"]
                    decision: terminate
                    when: { path: customer.name, equals: Hamas }
                """)
        ],
        nonTriggering: [
            .policy(
                """
                kind: Policy
                id: sanctions
                title: Sanctions and terrorist designations
                owner: legal@example.com
                rules:
                  - id: designated-organization
                    title: Customer is a designated terrorist organisation
                    basis: ["EO 13224"]
                    decision: terminate
                    when: { path: customer.name, equals: Hamas }
                """)
        ])

    package func check(_ context: LintContext) -> [Diagnostic] {
        context.policies.filter { $0.owner?.allSatisfy(\.isWhitespace) ?? true }.map { policy in
            context.finding(
                Self.description,
                "\(policy.id.isEmpty ? "a policy without `id`" : "policy `\(policy.id)`") has no `owner`; expected the team or person accountable for it",
                at: policy.idLocation ?? policy.location,
                help: "add `owner:` with a team address, e.g. `owner: legal@example.com`")
        }
    }
}
