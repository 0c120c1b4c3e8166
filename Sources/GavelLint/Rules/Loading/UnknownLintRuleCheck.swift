import GavelSyntax
import GavelEngine

/// bundle.yaml `lint.rules` sets a level for a rule that does not exist.
///
/// A misspelt rule id there means the check the author meant to silence (or
/// make an error) keeps its default level.
package struct UnknownLintRuleCheck: LoaderReportedRule {
    package init() {}

    package static let description = LintRuleDescription(
        code: .unknownLintRule,
        category: .loading,
        defaultSeverity: .error,
        summary: "`lint.rules` in bundle.yaml names a rule that does not exist",
        documentation: """
            `lint: { rules: { RULE-ID: off|info|warning|error } }` changes a rule's level for the whole \
            bundle. An id that is not a lint rule changes nothing — so a bundle that meant to make \
            `policy-missing-owner` an error would pass with a misspelt `policy-missing-owners`.

            Correct the id (the help names the closest rule; `gavel lint --list` shows them all), or \
            remove the line.
            """,
        triggering: [
            .files([
                (
                    "bundle.yaml",
                    """
                    kind: Bundle
                    id: acme-infrastructure
                    lint:
                      rules: { ↓policy-missing-owners: error }
                    """
                )
            ])
        ],
        nonTriggering: [
            .files([
                (
                    "bundle.yaml",
                    """
                    kind: Bundle
                    id: acme-infrastructure
                    lint:
                      rules: { policy-missing-owner: error }
                    """
                )
            ])
        ])
}
