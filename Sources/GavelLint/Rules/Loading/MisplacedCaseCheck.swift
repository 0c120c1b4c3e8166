import GavelSyntax
import GavelEngine

/// A `kind: Case` document inside the policy directory.
///
/// Case files hold customer data and change daily; inside the bundle they
/// would change the bundle digest recorded with every decision.
package struct MisplacedCaseCheck: LoaderReportedRule {
    package init() {}

    package static let description = LintRuleDescription(
        code: .misplacedCase,
        category: .loading,
        defaultSeverity: .error,
        summary: "A case file is inside the policy directory",
        documentation: """
            The policy directory is the bundle: every YAML file in it is part of the policy, is hashed \
            into the bundle digest, and is stored with each logged decision. A case inside it would tie \
            the policy's identity to one customer's data (and copy that data into every stored bundle).

            Keep cases in their own folder, e.g. `Cases/`, next to `Policies/`.
            """,
        triggering: [
            .files([
                (
                    "policies/CASE-2017-0412.yaml",
                    """
                    ↓kind: Case
                    id: CASE-2017-0412
                    customer: { name: Hamas, country: PS }
                    """
                )
            ])
        ],
        nonTriggering: [
            .files([
                (
                    "cases/CASE-2017-0412.yaml",
                    """
                    kind: Case
                    id: CASE-2017-0412
                    customer: { name: Hamas, country: PS }
                    """
                )
            ])
        ])
}
