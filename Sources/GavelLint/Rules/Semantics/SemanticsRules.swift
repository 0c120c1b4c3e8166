import GavelSyntax
import GavelEngine

/// The semantics rules, in the order `gavel lint --list` shows them.
package enum SemanticsRules {
    package static let all: [any LintRule.Type] = [
        NeverHoldsCheck.self,
        AlwaysHoldsCheck.self,
        ShadowedByMandatoryCheck.self,
        UnreachableExceptionCheck.self,
        SuspendedWithoutActionCheck.self,
        InvertedWindowCheck.self,
        RuleNeverInForceCheck.self,
        ScreenScoreRangeCheck.self,
        CorroborationRangeCheck.self,
        GeoBlockWithoutJurisdictionsCheck.self,
        WithinTooLongCheck.self,
        DelistedBeforeListedCheck.self,
        ListEvidenceBeforeSnapshotCheck.self,
        FuzzyOnlyTerminationCheck.self,
        UncorroboratedIndividualActionCheck.self,
        PartialScreenFieldsCheck.self,
        RuntimeTypeMismatchCheck.self,
    ]
}
