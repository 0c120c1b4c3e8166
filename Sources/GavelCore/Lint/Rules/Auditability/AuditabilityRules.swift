/// The auditability rules, in the order `gavel lint --list` shows them.
public enum AuditabilityRules {
    public static let all: [any LintRule.Type] = [
        MissingBasisRule.self, MissingReasonRule.self, MissingEvidenceObligationRule.self,
        ListMissingProvenanceRule.self, PolicyMissingOwnerRule.self,
    ]
}
