/// A key written twice in one mapping.
///
/// YAML parsers disagree on which value wins; Gavel refuses the file so the
/// author decides.
public struct DuplicateKeyRule: LoaderReportedRule {
    public init() {}

    public static let description = LintRuleDescription(
        id: "duplicate-key",
        category: .loading,
        defaultSeverity: .error,
        summary: "A key appears twice in the same mapping",
        documentation: """
            Many YAML tools silently keep the last of two equal keys, so a rule with two `decision:` lines \
            decides whatever the second one says — and a reviewer reading the first one never notices. \
            Gavel never guesses: the file is refused and both places are named.

            Fix it by deleting one of the keys, or by renaming it if two different fields were meant.
            """,
        triggering: [
            .policy(
                """
                kind: Policy
                id: sanctions
                rules:
                  - id: designated
                    title: Designated organisation
                    decision: escalate
                    ↓decision: terminate
                    when: { path: customer.name, equals: Hamas }
                """),
            .files([("cases/c.yaml", "kind: Case\nid: c\ncustomer: { name: A, ↓name: B }\n")]),
        ],
        nonTriggering: [
            .policy(
                """
                kind: Policy
                id: sanctions
                rules:
                  - id: designated
                    title: Designated organisation
                    decision: terminate
                    when: { path: customer.name, equals: Hamas }
                """)
        ])
}
