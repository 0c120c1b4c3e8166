import GavelSyntax
import GavelEngine

/// A policy directory with no policy in it.
///
/// With no rule, every case is decided by the bundle's default (`no_action`):
/// `--policies` pointed at an empty folder or at the lists folder would keep
/// every customer's service without a word. The loader refuses it; this
/// rule documents that.
package struct EmptyBundleCheck: LoaderReportedRule {
    package init() {}

    package static let description = LintRuleDescription(
        code: .emptyBundle,
        category: .loading,
        defaultSeverity: .error,
        summary: "A policy directory holds no policy",
        documentation: """
            A bundle is the policies below its directory (SPEC §1.1). A directory with no `kind: Policy` \
            document — an empty folder, a checkout that did not happen, or the bundle's `lists/` folder \
            passed as `--policies` — has no rule, so every case would get the default decision, which for a \
            content-neutral bundle is `no_action`. Gavel refuses it instead: `evaluate` exits 2 without \
            deciding anything. The finding points at the first document found (or at the directory when it \
            holds no YAML file) and says what was found instead.

            Pass the bundle's root directory, the one whose files declare `kind: Policy` (usually beside \
            `bundle.yaml`, `schema.yaml` and `lists/`).
            """,
        triggering: [
            .files([
                (
                    "eu-terrorist.yaml",
                    """
                    ↓kind: List
                    id: eu-terrorist
                    source: https://eur-lex.europa.eu/eli/dec/2024/2054/oj
                    as_of: 2024-07-26
                    entries:
                      - { id: eu-hamas, name: HAMAS }
                    """
                )
            ])
        ],
        nonTriggering: [
            .files([
                (
                    "lists/eu-terrorist.yaml",
                    """
                    kind: List
                    id: eu-terrorist
                    source: https://eur-lex.europa.eu/eli/dec/2024/2054/oj
                    as_of: 2024-07-26
                    entries:
                      - { id: eu-hamas, name: HAMAS }
                    """
                ),
                (
                    "policies/sanctions.yaml",
                    """
                    kind: Policy
                    id: sanctions
                    owner: sanctions@example.com
                    rules:
                      - id: eu-listed
                        title: Customer is on the EU terrorist list
                        basis: ["Council Regulation (EC) No 2580/2001"]
                        decision: terminate
                        obligations: [preserve_evidence]
                        reason: "{customer.name} matches {match.name} on {match.list}."
                        when: { screen: { lists: [eu-terrorist], names: [customer.name] } }
                    """
                ),
            ])
        ])
}
