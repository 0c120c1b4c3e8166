import GavelSyntax
import GavelEngine

/// `some`, `every` or `count` over a path the schema does not declare as a list.
///
/// The evaluator treats a single value as a one-element list, so the rule
/// runs, but `count` can then only be 0 or 1 and `every` means `some`: not
/// what the author wrote.
///
/// The compiler finds it (`PolicySchemaCheck` in the engine), so `evaluate`
/// refuses the bundle as lint does; this rule documents it.
package struct QuantifierOverNonListCheck: LoaderReportedRule {
    package init() {}

    package static let description = LintRuleDescription(
        code: .quantifierOverNonList,
        category: .schema,
        defaultSeverity: .error,
        summary: "Quantifier ranges over a field that is not a list",
        documentation: """
            Quantifiers count or test the elements of a list of objects (SPEC §1.3). Over a field the schema \
            declares as a single value or an object (`facts: object`), the evaluator sees a one-element list: \
            `count: { ..., gte: 3 }` can never hold and `every` is the same as `some`, which is almost \
            certainly a wrong path (`facts` instead of `facts.attacks`) or a wrong schema entry.

            `gavel evaluate` refuses such a bundle, as lint does. Point the quantifier at the list \
            (`requests`, `reports`, `facts.attacks`), test a single object's fields directly with `all`, or \
            declare the field as a list (`[object]`) if case data has several.
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
}
