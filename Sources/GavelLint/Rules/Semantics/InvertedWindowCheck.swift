import GavelSyntax
import GavelEngine

/// A rule, exception or policy that expires before (or when) it takes effect.
///
/// Its window is empty: it is never in force, so whatever it was written to
/// decide is silently never decided.
package struct InvertedWindowCheck: LoaderReportedRule {
    package init() {}

    package static let description = LintRuleDescription(
        code: .invertedWindow,
        category: .semantics,
        defaultSeverity: .error,
        summary: "Expires before it takes effect",
        documentation: """
            A rule is in force from `effective` (inclusive) until `expires` (exclusive), SPEC §2; the same \
            holds for exceptions and for whole policies, whose dates their rules and exceptions inherit. When \
            `expires` is on or before `effective` the window is empty and the item is `not_in_force` for every \
            case — usually two dates swapped, or a year mistyped (`2042` for `2024`). The loader refuses such \
            a bundle, since its decisions would not be what its text says. (An item that sets one date of its \
            own outside its policy's window — `effective: 2030-01-01` in a policy that expires in 2025 — is \
            `rule-never-in-force`'s.)

            Swap or correct the dates. To retire a rule, keep its original `effective` and set `expires` to \
            the day it stops applying.
            """,
        triggering: [
            .policy(
                """
                kind: Policy
                id: russia-media
                effective: 2022-03-02
                rules:
                  - ↓id: rt-broadcast-ban
                    title: EU broadcast ban on RT (Reg 2022/350)
                    effective: 2022-03-12
                    expires: 2021-03-12
                    decision: geo_block
                    scope: { jurisdictions: [DE, FR, IT] }
                    when: { path: customer.name, equals: RT }
                exceptions:
                  - ↓id: archived-coverage
                    title: Archived coverage
                    suspends: [rt-broadcast-ban]
                    effective: 2023-01-01
                    expires: 2023-01-01
                    when: { path: site.categories, contains: archive }
                """),
            .policy(
                """
                ↓kind: Policy
                id: eo-12947
                effective: 2019-01-01
                expires: 1995-01-23
                rules:
                  - id: sdt-designation
                    title: Specially designated terrorist
                    decision: terminate
                    when: { path: customer.name, equals: HAMAS }
                """),
        ],
        nonTriggering: [
            .policy(
                """
                kind: Policy
                id: eo-12947
                effective: 1995-01-23
                expires: 2019-01-01
                rules:
                  - id: sdt-designation
                    title: Specially designated terrorist
                    decision: terminate
                    when: { path: customer.name, equals: HAMAS }
                """)
        ])
}
