/// The semantics rules, in the order `gavel lint --list` shows them.
public enum SemanticsRules {
    public static let all: [any LintRule.Type] = []
}
