import GavelSyntax
import GavelEngine

/// A `screen:` that names a designation list the bundle does not have.
///
/// Screening against a missing list finds nothing, so the rule would clear
/// every customer it was written to catch.
package struct UnknownListCheck: LoaderReportedRule {
    package init() {}

    package static let description = LintRuleDescription(
        code: .unknownList,
        category: .references,
        defaultSeverity: .error,
        summary: "`screen.lists` names a list that is not in the bundle",
        documentation: """
            Each id in `screen: { lists: [...] }` must be the `id` of a `kind: List` document in the bundle. \
            A screen against a list that is not there can never match: a sanctions rule would report \
            every customer as clear. The usual causes are a typo, a list file that was not committed, or a \
            list renamed upstream (`us-sdgt` → `us-sdn`).

            Correct the id (the help names the closest list), or add the list file to the bundle.
            """,
        triggering: [
            .files([
                (
                    "lists/us-fto.yaml",
                    """
                    kind: List
                    id: us-fto
                    source: https://www.state.gov/foreign-terrorist-organizations/
                    as_of: 2018-03-01
                    entries: [{ id: fto-hamas, name: HAMAS }]
                    """
                ),
                (
                    "policies/sanctions.yaml",
                    """
                    kind: Policy
                    id: sanctions
                    owner: legal@example.com
                    rules:
                      - id: designated-organization
                        title: Customer is a designated terrorist organisation
                        basis: ["EO 13224"]
                        decision: terminate
                        when:
                          screen: { lists: [us-fto, ↓us-sdgt], names: [customer.name] }
                    """
                ),
            ])
        ],
        nonTriggering: [
            .files([
                (
                    "lists/us-fto.yaml",
                    """
                    kind: List
                    id: us-fto
                    source: https://www.state.gov/foreign-terrorist-organizations/
                    as_of: 2018-03-01
                    entries: [{ id: fto-hamas, name: HAMAS }]
                    """
                ),
                (
                    "policies/sanctions.yaml",
                    """
                    kind: Policy
                    id: sanctions
                    owner: legal@example.com
                    rules:
                      - id: designated-organization
                        title: Customer is a designated terrorist organisation
                        basis: ["EO 13224"]
                        decision: terminate
                        when:
                          screen: { lists: [us-fto], names: [customer.name] }
                    """
                ),
            ])
        ])
}
