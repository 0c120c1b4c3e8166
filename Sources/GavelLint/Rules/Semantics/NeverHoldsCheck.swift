import GavelSyntax
import GavelEngine

/// A condition that no case can satisfy.
///
/// A rule or exception built on it never fires, whatever the case says; it
/// reads as protection that is not there.
package struct NeverHoldsCheck: LintRule {
    package init() {}

    package static let description = LintRuleDescription(
        id: "never-holds",
        category: .semantics,
        defaultSeverity: .error,
        summary: "Condition can never hold",
        documentation: """
            Lint finds conditions whose text alone makes them false for every case: `in: []` and \
            `contains_any: []`; a `count` below 0; `count` bounds on the same `path` and `where` that exclude \
            each other (`gte: 3` and `lte: 1`); `exists: true` with `exists: false` on one path, or `exists: \
            false` with any other test of that path (which needs it present); a condition together with its own \
            `not` under `all`; `not` of a condition that always holds; an `any` none of whose alternatives can \
            hold; and, where the schema makes a path a single value, tests of its value that exclude each other \
            (`equals: DE` and `equals: FR`, `in` lists with nothing in common, `gt: 10` with `lt: 5`, an \
            `equals` outside a range).

            Without a schema, `equals: a` and `equals: b` on one path are not a contradiction: a path may hold \
            a list, and a scalar test holds when any element passes (SPEC §1.6), so a customer with aliases \
            `[a, b]` passes both. Declare the field's type in the schema to have such tests checked, or use \
            `every` if each element must pass.

            The finding points at the later of the conflicting tests, or at the test that can never pass. A \
            rule or exception that never holds is dead text: correct the operator or values, or delete it.
            """,
        triggering: [
            .policy(
                """
                kind: Policy
                id: abuse
                rules:
                  - id: repeat-abuse
                    title: Three or more verified abuse reports
                    decision: suspend
                    when:
                      all:
                        - count: { path: reports, where: { path: verified, equals: true }, gte: 3 }
                        - ↓count: { path: reports, where: { path: verified, equals: true }, lte: 1 }
                  - id: phishing-categories
                    title: Phishing or malware site
                    decision: restrict
                    when: { path: site.categories, contains_any: ↓[] }
                  - id: unverified-only
                    title: Report without verification
                    decision: monitor
                    when:
                      all:
                        - { path: reports, exists: true }
                        - { path: reports.verified, exists: false }
                        - { path: reports.verified, ↓equals: false }
                """),
            .files([
                ("schema.yaml", "kind: Schema\nfields:\n  customer.country: string\n  facts.followers: int\n"),
                (
                    "policies/dsa.yaml",
                    """
                    kind: Policy
                    id: dsa
                    rules:
                      - id: german-large-account
                        title: Large German account
                        decision: monitor
                        when:
                          all:
                            - { path: customer.country, equals: DE }
                            - { path: customer.country, ↓equals: FR }
                            - { path: facts.followers, gt: 10 }
                            - { path: facts.followers, ↓lt: 5 }
                    """
                ),
            ]),
        ],
        nonTriggering: [
            // Without a schema a path can hold a list: a customer with aliases [Hamas, HAMAS] passes both.
            .policy(
                """
                kind: Policy
                id: sanctions
                rules:
                  - id: both-spellings
                    title: Both spellings on record
                    decision: escalate
                    when:
                      all:
                        - { path: customer.aliases, equals: Hamas }
                        - { path: customer.aliases, equals: HAMAS }
                  - id: reports-window
                    title: Between two and five verified reports
                    decision: monitor
                    when:
                      all:
                        - count: { path: reports, where: { path: verified, equals: true }, gte: 2 }
                        - count: { path: reports, where: { path: verified, equals: true }, lte: 5 }
                """),
            .files([
                ("schema.yaml", "kind: Schema\nfields:\n  requests: [object]\n  requests.jurisdiction: string\n"),
                (
                    "policies/orders.yaml",
                    """
                    kind: Policy
                    id: orders
                    rules:
                      - id: two-jurisdictions
                        title: Orders from Germany and Italy
                        decision: escalate
                        when:
                          all:
                            - { path: requests.jurisdiction, equals: DE }
                            - { path: requests.jurisdiction, equals: IT }
                    """
                ),
            ]),
        ])

    package func check(_ context: LintContext) -> [Diagnostic] {
        ConditionTruth.findings(context).filter { $0.kind == .never }.map {
            context.finding(Self.description, "condition can never hold: \($0.message)", at: $0.location, help: $0.help)
        }
    }
}
