import GavelSyntax
import GavelEngine

/// The schema rules, in the order `gavel lint --list` shows them.
package enum SchemaRules {
    package static let all: [any LintRule.Type] = [
        UnknownPathRule.self,
        OperatorSchemaMismatchRule.self,
        ValueNotInEnumRule.self,
        QuantifierOverNonListRule.self,
        CaseSchemaMismatchRule.self,
    ]
}
