/// The schema rules, in the order `gavel lint --list` shows them.
public enum SchemaRules {
    public static let all: [any LintRule.Type] = []
}
