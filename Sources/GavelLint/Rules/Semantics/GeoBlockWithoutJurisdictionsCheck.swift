import GavelSyntax
import GavelEngine

/// A `geo_block` rule that names no jurisdictions.
///
/// A geo-block must say where access is blocked; without jurisdictions the
/// action is unbounded, which is a termination by another name.
package struct GeoBlockWithoutJurisdictionsCheck: LoaderReportedRule {
    package init() {}

    package static let description = LintRuleDescription(
        code: .geoBlockWithoutJurisdictions,
        category: .semantics,
        defaultSeverity: .error,
        summary: "A geo_block rule names no jurisdictions",
        documentation: """
            `geo_block` means blocking access in named jurisdictions — typically those whose court or \
            regulator ordered it (an Italian AGCOM order, a German court's blocking injunction). The decision \
            record carries the rule's `scope`, and an empty `jurisdictions` there means unrestricted (SPEC \
            §1.6): a geo-block everywhere, an outcome nobody ordered and the record cannot justify.

            Add `scope: { jurisdictions: [IT] }` naming the jurisdictions whose order the rule carries out, or \
            choose another decision if the action is not territorial.
            """,
        triggering: [
            .policy(
                """
                kind: Policy
                id: court-orders
                rules:
                  - id: italian-blocking-order
                    title: Italian court blocking order
                    basis: ["Legge 633/1941 art. 163"]
                    decision: ↓geo_block
                    when: { path: requests.kind, contains: court_order }
                """)
        ],
        nonTriggering: [
            .policy(
                """
                kind: Policy
                id: court-orders
                rules:
                  - id: italian-blocking-order
                    title: Italian court blocking order
                    basis: ["Legge 633/1941 art. 163"]
                    decision: geo_block
                    scope: { jurisdictions: [IT] }
                    when: { path: requests.kind, contains: court_order }
                """)
        ])
}
