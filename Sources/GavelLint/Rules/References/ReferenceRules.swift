import GavelSyntax
import GavelEngine

/// The references rules, in the order `gavel lint --list` shows them.
package enum ReferenceRules {
    package static let all: [any LintRule.Type] = [
        UnknownDecisionCheck.self, UnknownListCheck.self, UnknownRuleCheck.self, SuspendsMandatoryCheck.self,
        DuplicateIDCheck.self, PathOutsideBundleCheck.self, UnknownPlaceholderCheck.self, CaseExpectsUnknownRuleCheck.self,
    ]
}
