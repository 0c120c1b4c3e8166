import GavelSyntax
import GavelEngine

/// `some`, `every` or `count` over a path the schema does not declare as a list.
///
/// The evaluator treats a single value as a one-element list, so the rule
/// runs, but `count` can then only be 0 or 1 and `every` means `some`: not
/// what the author wrote.
package struct QuantifierOverNonListCheck: LintRule {
    package init() {}

    package static let description = LintRuleDescription(
        id: "quantifier-over-non-list",
        category: .schema,
        defaultSeverity: .error,
        summary: "Quantifier ranges over a field that is not a list",
        documentation: """
            Quantifiers count or test the elements of a list of objects (SPEC §1.3). Over a field the schema \
            declares as a single value or an object (`facts: object`), the evaluator sees a one-element list: \
            `count: { ..., gte: 3 }` can never hold and `every` is the same as `some`, which is almost \
            certainly a wrong path (`facts` instead of `facts.attacks`) or a wrong schema entry.

            Point the quantifier at the list (`requests`, `reports`, `facts.attacks`), test a single object's \
            fields directly with `all`, or declare the field as a list (`[object]`) if case data has several.
            """,
        triggering: [
            .files([
                (
                    "schema.yaml",
                    """
                    kind: Schema
                    fields:
                      facts: object
                      facts.attacks: [object]
                      facts.attacks.attacker_posted_on_site: bool
                      facts.executive_override.decision: string
                    """
                ),
                (
                    "policies/safety.yaml",
                    """
                    kind: Policy
                    id: safety
                    rules:
                      - id: site-linked-to-attacks
                        title: Attackers posted on the site
                        decision: escalate
                        when:
                          count:
                            path: ↓facts
                            where: { path: attacks.attacker_posted_on_site, equals: true }
                            gte: 2
                      - id: override
                        title: Executive override
                        decision: terminate
                        when:
                          some:
                            path: ↓facts.executive_override
                            where: { path: decision, equals: terminate }
                    """
                ),
            ])
        ],
        nonTriggering: [
            .files([
                (
                    "schema.yaml",
                    """
                    kind: Schema
                    fields:
                      facts: object
                      facts.attacks: [object]
                      facts.attacks.attacker_posted_on_site: bool
                    """
                ),
                (
                    "policies/safety.yaml",
                    """
                    kind: Policy
                    id: safety
                    rules:
                      - id: site-linked-to-attacks
                        title: Attackers posted on the site
                        decision: escalate
                        when:
                          count:
                            path: facts.attacks
                            where: { path: attacker_posted_on_site, equals: true }
                            gte: 2
                    """
                ),
            ])
        ])

    package func check(_ context: LintContext) -> [Diagnostic] {
        guard let schema = context.schema else { return [] }
        let lookup = SchemaLookup(schema)
        var findings: [Diagnostic] = []
        for item in ConditionWalk.items(context) {
            ConditionWalk.visit(item.condition) { node, base in
                guard case .quantifier(let q) = node else { return }
                let steps = ConditionWalk.absolute(q.path, base: base)
                guard let shape = lookup.shape(steps, base: q.path.fromRoot ? 0 : base.count), !shape.isList else { return }
                let lists = schema.fields.filter { $0.value.isList }.keys.sorted()
                let declared = shape.element.map { "\($0)" } ?? "object"
                let listFields = lists.map { "`\($0)`" }.joined(separator: ", ")
                findings.append(
                    context.finding(
                        Self.description,
                        "`\(q.form.rawValue)` ranges over `\(q.path.text)`, which the schema declares as \(declared), not a list",
                        at: q.path.location ?? q.location,
                        help: lists.isEmpty
                            ? "declare the field as a list (`[object]`) if case data has several"
                            : "quantify over a list field (\(listFields)), or declare this one as `[object]`"))
            }
        }
        return findings
    }
}
