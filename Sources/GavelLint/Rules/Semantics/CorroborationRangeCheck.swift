import GavelSyntax
import GavelEngine

/// A `min_corroboration` that is not a whole number, or asks for more
/// agreeing details than the screen compares.
///
/// Such a screen could never count a match; the loader refuses it rather
/// than run a rule that silently never holds.
package struct CorroborationRangeCheck: LoaderReportedRule {
    package init() {}

    package static let description = LintRuleDescription(
        code: .corroborationRange,
        category: .semantics,
        defaultSeverity: .error,
        summary: "`min_corroboration` is not a count the screen can reach",
        documentation: """
            With `min_corroboration: N` a screen counts a match only when at least N identifying details \
            agree with the matched entry and none disagrees (SPEC §3): each attribute under `corroborate` \
            (country, nationality, birth date, registration, passport, national id) and each identifier kind \
            the screen looks up (a hit on the same entry agrees as `identifier:KIND`) is one detail. N must \
            be a whole number, 0 or more, and no more than the details the screen compares: `min_corroboration: 3` \
            with two attributes and no identifiers can never be met, so the rule would never hold. The \
            loader refuses such a bundle.

            Name the attributes to compare under `corroborate`, or lower `min_corroboration`. \
            `min_corroboration: 0` is meaningful: no detail needs to agree, but a disagreeing one stops the match.
            """,
        triggering: [
            .policy(
                """
                kind: Policy
                id: sanctions
                rules:
                  - id: designated-person
                    title: Designated individual, corroborated
                    decision: terminate
                    when:
                      screen:
                        lists: [us-sdgt]
                        names: [customer.name]
                        corroborate: { country: [customer.country], birth_date: [customer.birth_date] }
                        min_corroboration: ↓3
                  - id: designated-person-any
                    title: Designated individual, any corroboration
                    decision: escalate
                    when:
                      screen:
                        lists: [us-sdgt]
                        names: [customer.name]
                        corroborate: { country: [customer.country] }
                        min_corroboration: ↓one
                ---
                kind: List
                id: us-sdgt
                entries:
                  - { id: sdgt-1, name: Example Person, type: individual, attributes: { country: [PS] } }
                """)
        ],
        nonTriggering: [
            .policy(
                """
                kind: Policy
                id: sanctions
                rules:
                  - id: designated-person
                    title: Designated individual, corroborated
                    decision: terminate
                    when:
                      screen:
                        lists: [us-sdgt]
                        names: [customer.name]
                        identifiers: { domain: [site.domain] }
                        corroborate: { country: [customer.country], birth_date: [customer.birth_date] }
                        min_corroboration: 3
                ---
                kind: List
                id: us-sdgt
                entries:
                  - { id: sdgt-1, name: Example Person, type: individual, attributes: { country: [PS] } }
                """)
        ])
}
