import GavelSyntax
import GavelEngine

/// The semantics rules, in the order `gavel lint --list` shows them.
package enum SemanticsRules {
    package static let all: [any LintRule.Type] = [
        NeverHoldsRule.self,
        AlwaysHoldsRule.self,
        ShadowedByMandatoryRule.self,
        UnreachableExceptionRule.self,
        InvertedWindowRule.self,
        RuleNeverInForceRule.self,
        ScreenScoreRangeRule.self,
        GeoBlockWithoutJurisdictionsRule.self,
        WithinTooLongRule.self,
        DelistedBeforeListedRule.self,
        FuzzyOnlyTerminationRule.self,
        RuntimeTypeMismatchRule.self,
    ]
}
