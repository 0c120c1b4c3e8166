import GavelSyntax
import GavelEngine

/// The auditability rules, in the order `gavel lint --list` shows them.
package enum AuditabilityRules {
    package static let all: [any LintRule.Type] = [
        MissingBasisCheck.self, BasisNotInForceCheck.self, MissingReasonCheck.self, MissingEvidenceObligationCheck.self,
        ListMissingProvenanceCheck.self, PolicyMissingOwnerCheck.self,
    ]
}
