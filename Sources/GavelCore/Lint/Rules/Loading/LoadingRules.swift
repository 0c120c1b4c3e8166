/// The loading rules, in the order `gavel lint --list` shows them.
public enum LoadingRules {
    public static let all: [any LintRule.Type] = [DuplicateKeyRule.self]
}
