import GavelSyntax
import GavelEngine

/// The references rules, in the order `gavel lint --list` shows them.
package enum ReferenceRules {
    package static let all: [any LintRule.Type] = [
        UnknownDecisionRule.self, UnknownListRule.self, UnknownRuleRule.self, SuspendsMandatoryRule.self,
        DuplicateIDRule.self, PathOutsideBundleRule.self, UnknownPlaceholderRule.self, CaseExpectsUnknownRuleRule.self,
    ]
}
