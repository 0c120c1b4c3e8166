/// The schema rules, in the order `gavel lint --list` shows them.
public enum SchemaRules {
    public static let all: [any LintRule.Type] = [
        UnknownPathRule.self,
        OperatorSchemaMismatchRule.self,
        ValueNotInEnumRule.self,
        QuantifierOverNonListRule.self,
        CaseSchemaMismatchRule.self,
    ]
}
