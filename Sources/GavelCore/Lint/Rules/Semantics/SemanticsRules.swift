/// The semantics rules, in the order `gavel lint --list` shows them.
public enum SemanticsRules {
    public static let all: [any LintRule.Type] = [
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
