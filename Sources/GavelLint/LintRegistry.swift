import GavelSyntax
import GavelEngine

/// Every lint rule, by category. Each category's list lives in its folder.
package enum LintRegistry {
    package static let all: [any LintRule.Type] =
        LoadingRules.all + ReferenceRules.all + SchemaRules.all + SemanticsRules.all + AuditabilityRules.all

    package static func rule(_ id: String) -> (any LintRule.Type)? { all.first { $0.description.id == id } }
}
