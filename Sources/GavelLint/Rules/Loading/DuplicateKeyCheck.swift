import GavelSyntax
import GavelEngine

/// A key written twice in one mapping.
///
/// YAML parsers disagree on which value wins; Gavel refuses the file so the
/// author decides.
package struct DuplicateKeyCheck: LoaderReportedRule {
    package init() {}

    package static let description = LintRuleDescription(
        code: .duplicateKey,
        category: .loading,
        defaultSeverity: .error,
        summary: "A key appears twice in the same mapping",
        documentation: """
            Many YAML tools silently keep the last of two equal keys, so a rule with two `decision:` lines \
            decides whatever the second one says — and a reviewer reading the first one never notices. \
            Gavel never guesses, in policies, lists and case files alike: the document is refused and both \
            places are named. The other documents of the file are still read.

            Fix it by deleting one of the keys, or by renaming it if two different fields were meant.
            """,
        triggering: [
            .policy(
                """
                kind: Policy
                id: sanctions
                owner: legal@example.com
                rules:
                  - id: designated
                    title: Designated organisation
                    basis: ["EO 13224"]
                    decision: escalate
                    ↓decision: terminate
                    when: { path: customer.name, equals: Hamas }
                """),
            .files([("cases/c.yaml", "kind: Case\nid: CASE-2017-0412\ncustomer: { name: Hamas, ↓name: HAMAS }\n")]),
        ],
        nonTriggering: [
            .policy(
                """
                kind: Policy
                id: sanctions
                owner: legal@example.com
                rules:
                  - id: designated
                    title: Designated organisation
                    basis: ["EO 13224"]
                    decision: escalate
                    when: { path: customer.name, equals: Hamas }
                """)
        ])
}
