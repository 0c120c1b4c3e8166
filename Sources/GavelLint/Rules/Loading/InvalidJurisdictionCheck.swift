import GavelSyntax
import GavelEngine

/// A `scope.jurisdictions` entry that is not an ISO 3166 code.
///
/// A geo-block is carried out by code; a country written as a name matches no
/// request and blocks nothing, or the wrong place.
package struct InvalidJurisdictionCheck: LoaderReportedRule {
    package init() {}

    package static let description = LintRuleDescription(
        code: .invalidJurisdiction,
        category: .loading,
        defaultSeverity: .error,
        summary: "A jurisdiction is not an ISO 3166 code",
        documentation: """
            `scope: { jurisdictions: [...] }` names where an action applies, as ISO 3166-1 alpha-2 country \
            codes (`DE`, `FR`) or ISO 3166-2 subdivisions (`US-CA`). The scope is copied into the decision \
            record and acted on by the systems that block access; `Germany` or `de` is not a code they \
            understand.

            Use the two capital letters of the country (`DE`), or the subdivision code.
            """,
        triggering: [
            .policy(
                """
                kind: Policy
                id: court-orders
                owner: legal@example.com
                rules:
                  - id: blocking-order
                    title: Court-ordered blocking
                    basis: ["LG Köln 14 O 29/21"]
                    decision: geo_block
                    scope: { jurisdictions: [AT, ↓Germany] }
                    when: { path: requests.kind, equals: court_order }
                """)
        ],
        nonTriggering: [
            .policy(
                """
                kind: Policy
                id: court-orders
                owner: legal@example.com
                rules:
                  - id: blocking-order
                    title: Court-ordered blocking
                    basis: ["LG Köln 14 O 29/21"]
                    decision: geo_block
                    scope: { jurisdictions: [AT, DE, US-CA] }
                    when: { path: requests.kind, equals: court_order }
                """)
        ])
}
