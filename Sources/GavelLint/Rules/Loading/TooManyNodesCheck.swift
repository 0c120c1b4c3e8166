import GavelEngine
import GavelSyntax

/// A document with more nodes than the budget, every one of them written out.
///
/// One document is one case, policy or list; a million keys in one is a
/// mistake or an attack, and reading it would cost memory the batch needs.
package struct TooManyNodesCheck: LoaderReportedRule {
    package init() {}

    package static let description = LintRuleDescription(
        code: .tooManyNodes,
        category: .loading,
        defaultSeverity: .error,
        summary: "A document holds more nodes than one document may",
        documentation: """
            A document may hold at most 1,000,000 nodes (every key, value and list item counts). No case, \
            policy or list needs that many: a case is one customer, and a long designation list belongs in \
            `entries_from`, one entry per line. A document past the budget is refused where it crosses it, \
            before it takes the memory the rest of a batch needs; the other documents of the file are still \
            read when they can be.

            When the nodes come from aliases (`*name`) rather than from text, the finding is \
            `alias-budget` instead. Split the data into several documents, or a batch into a `.jsonl` file \
            with one case per line.
            """,
        triggering: [
            .bytes("cases/c.yaml", shown: "kind: Case\nid: c\nk1: 0\nk2: 0\n… (499,998 keys)\nk499998: ↓0\n") {
                var text = "kind: Case\nid: c\n"
                for index in 1...499_998 { text += index == 499_998 ? "k\(index): ↓0\n" : "k\(index): 0\n" }
                return Array(text.utf8)
            }
        ],
        nonTriggering: [
            .files([("cases/c.yaml", "kind: Case\nid: c\ncustomer: { name: Acme Hosting, type: organization }\n")])
        ])
}
