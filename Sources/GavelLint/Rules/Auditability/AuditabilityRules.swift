import GavelSyntax
import GavelEngine

/// The auditability rules, in the order `gavel lint --list` shows them.
package enum AuditabilityRules {
    package static let all: [any LintRule.Type] = [
        MissingBasisRule.self, MissingReasonRule.self, MissingEvidenceObligationRule.self,
        ListMissingProvenanceRule.self, PolicyMissingOwnerRule.self,
    ]
}
