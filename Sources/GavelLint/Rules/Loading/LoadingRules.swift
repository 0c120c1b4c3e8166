import GavelSyntax
import GavelEngine

/// The loading rules, in the order `gavel lint --list` shows them.
package enum LoadingRules {
    package static let all: [any LintRule.Type] = [
        // Reading the bytes.
        UnreadableFileRule.self, FileTooLargeRule.self, InvalidUTF8Rule.self, EmptyFileRule.self,
        // YAML.
        YAMLSyntaxRule.self, TabIndentationRule.self, DuplicateKeyRule.self, ComplexKeyRule.self, MergeKeyRule.self,
        UnknownTagRule.self, InvalidTaggedScalarRule.self, AliasBudgetRule.self, NestingTooDeepRule.self,
        ScalarTooLongRule.self, JSONLLineRule.self,
        // Documents and fields.
        NotAMappingRule.self, MissingKindRule.self, UnknownKindRule.self, MisplacedBundleRule.self,
        MisplacedCaseRule.self, UnknownFieldRule.self, MissingFieldRule.self, WrongTypeRule.self,
        InvalidIDRule.self, InvalidDateRule.self, InvalidJurisdictionRule.self,
        // Conditions.
        InvalidConditionRule.self, InvalidPathRule.self, OperatorTypeRule.self, InvalidDurationRule.self,
        // Lint's own configuration.
        UnknownLintRuleRule.self, InvalidIgnoreMarkerRule.self,
    ]
}
