import GavelSyntax
import GavelEngine

/// A document whose aliases expand past the node budget ("billion laughs").
///
/// A few lines of anchors and aliases can stand for billions of nodes; Gavel
/// counts every expansion and stops at the budget instead of running out of
/// memory.
package struct AliasBudgetCheck: LoaderReportedRule {
    package init() {}

    package static let description = LintRuleDescription(
        code: .aliasBudget,
        category: .loading,
        defaultSeverity: .error,
        summary: "Aliases expand to more nodes or text than a document may hold",
        documentation: """
            Anchors (`&name`) and aliases (`*name`) are allowed, but every alias counts as the whole node it \
            stands for: at most 1,000,000 nodes per document, and no more expanded text than the file-size \
            limit (64 MiB). Ten aliases of ten aliases of ten… is the "billion laughs" attack, a small file \
            that would take any naive loader's memory; Gavel stops at the first alias past the budget, \
            before expanding anything.

            Policies, lists and cases never need that much repetition. Write the data out, alias smaller \
            nodes, or split it into several documents. The finding points at the alias that crossed the \
            budget.
            """,
        triggering: [
            .files([
                (
                    "cases/c.yaml",
                    """
                    kind: Case
                    id: CASE-2023-0001
                    a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]
                    b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]
                    c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]
                    d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]
                    e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]
                    f: &f [*e, *e, *e, *e, *e, *e, *e, ↓*e, *e, *e]
                    g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f, *f]
                    h: &h [*g, *g, *g, *g, *g, *g, *g, *g, *g, *g]
                    i: &i [*h, *h, *h, *h, *h, *h, *h, *h, *h, *h]
                    """
                )
            ])
        ],
        nonTriggering: [
            .policy(
                """
                kind: Policy
                id: abuse
                owner: abuse@example.com
                rules:
                  - id: phishing
                    title: Confirmed phishing
                    basis: &aup ["Acceptable Use Policy §2.1"]
                    decision: restrict
                    when: { path: site.categories, contains: phishing }
                  - id: malware
                    title: Confirmed malware distribution
                    basis: *aup
                    decision: restrict
                    when: { path: site.categories, contains: malware }
                """)
        ])
}
