import GavelSyntax
import GavelEngine

/// The schema rules, in the order `gavel lint --list` shows them.
package enum SchemaRules {
    package static let all: [any LintRule.Type] = [
        UnknownPathCheck.self,
        OperatorSchemaMismatchCheck.self,
        ValueNotInEnumCheck.self,
        QuantifierOverNonListCheck.self,
        CaseSchemaMismatchCheck.self,
        MissingSchemaCheck.self,
    ]
}
