import GavelSyntax
import GavelEngine

/// Two rules, exceptions, lists, entries or policies with the same id.
///
/// Records, `suspends:` and `expect:` refer to items by id; with two items
/// behind one id, nobody can tell which one decided a case.
package struct DuplicateIDCheck: LoaderReportedRule {
    package init() {}

    package static let description = LintRuleDescription(
        code: .duplicateID,
        category: .references,
        defaultSeverity: .error,
        summary: "An id is used twice",
        documentation: """
            Ids must be unique: rule and exception ids across the whole bundle (they share one namespace, \
            since records name both), policy ids and list ids across the bundle, entry ids within their \
            list, ladder steps within the ladder. A decision record says "determined by \
            `designated-organization`"; if two rules carry that id, the record no longer identifies the \
            rule, and an exception naming it would suspend both. The same goes for a second `kind: \
            Bundle` or `kind: Schema`.

            Rename one of the two (the message says where the first one is), and update the `suspends:` \
            and `expect:` entries that meant it.
            """,
        triggering: [
            .files([
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
                        when: { path: customer.name, equals: Hamas }
                    """
                ),
                (
                    "policies/terrorism-eu.yaml",
                    """
                    kind: Policy
                    id: sanctions-eu
                    owner: legal@example.com
                    rules:
                      - ↓id: designated-organization
                        title: Customer is on the EU terrorist list
                        basis: ["Council Common Position 2001/931/CFSP"]
                        decision: terminate
                        when: { path: customer.name, equals: Hamas }
                    """
                ),
            ])
        ],
        nonTriggering: [
            .files([
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
                        when: { path: customer.name, equals: Hamas }
                    """
                ),
                (
                    "policies/terrorism-eu.yaml",
                    """
                    kind: Policy
                    id: sanctions-eu
                    owner: legal@example.com
                    rules:
                      - id: eu-designated-organization
                        title: Customer is on the EU terrorist list
                        basis: ["Council Common Position 2001/931/CFSP"]
                        decision: terminate
                        when: { path: customer.name, equals: Hamas }
                    """
                ),
            ])
        ])
}
