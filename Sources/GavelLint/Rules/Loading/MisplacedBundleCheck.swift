import GavelSyntax
import GavelEngine

/// A `kind: Bundle` document anywhere but the policy directory's bundle.yaml.
///
/// The ladder and defaults must come from one known place; a second manifest
/// deeper in the tree would be ambiguous.
package struct MisplacedBundleCheck: LoaderReportedRule {
    package init() {}

    package static let description = LintRuleDescription(
        code: .misplacedBundle,
        category: .loading,
        defaultSeverity: .error,
        summary: "`kind: Bundle` is not in bundle.yaml at the root",
        documentation: """
            The bundle manifest — the decision ladder, the default decision, screening and lint settings — \
            is read only from `bundle.yaml` (or `bundle.yml`) at the root of the policy directory. A \
            `kind: Bundle` document in another file is not used, so its ladder or default decision would \
            silently not apply.

            Move the document to `bundle.yaml` at the root (merging it with the one there, if any).
            """,
        triggering: [
            .files([
                (
                    "policies/bundle.yaml",
                    """
                    ↓kind: Bundle
                    id: acme-infrastructure
                    default: { decision: no_action }
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
                    default: { decision: no_action }
                    """
                )
            ])
        ])
}
