import GavelSyntax
import GavelEngine

/// The loading rules, in the order `gavel lint --list` shows them.
package enum LoadingRules {
    package static let all: [any LintRule.Type] = [
        // Reading the bytes.
        UnreadableFileCheck.self, FileTooLargeCheck.self, InvalidUTF8Check.self, EmptyFileCheck.self,
        // YAML.
        YAMLSyntaxCheck.self, TabIndentationCheck.self, DuplicateKeyCheck.self, ComplexKeyCheck.self, MergeKeyCheck.self,
        UnknownTagCheck.self, InvalidTaggedScalarCheck.self, AliasBudgetCheck.self, TooManyNodesCheck.self, NestingTooDeepCheck.self,
        ScalarTooLongCheck.self, JSONLLineCheck.self,
        // Documents and fields.
        NotAMappingCheck.self, MissingKindCheck.self, UnknownKindCheck.self, MisplacedBundleCheck.self,
        MisplacedCaseCheck.self, UnknownFieldCheck.self, MissingFieldCheck.self, WrongTypeCheck.self,
        InvalidIDCheck.self, InvalidDateCheck.self, InvalidJurisdictionCheck.self, EmptyBundleCheck.self,
        // Conditions.
        InvalidConditionCheck.self, InvalidPathCheck.self, OperatorTypeCheck.self, InvalidDurationCheck.self,
        // Lint's own configuration.
        UnknownLintRuleCheck.self, InvalidIgnoreMarkerCheck.self,
    ]
}
