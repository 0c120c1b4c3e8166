import GavelSyntax
import GavelEngine

/// A condition reads a path the bundle's schema does not declare.
///
/// Without a schema a misspelt path is simply `missing` at run time, so the
/// rule silently never matches; with one, lint can say so before any case runs.
package struct UnknownPathCheck: LintRule {
    package init() {}

    package static let description = LintRuleDescription(
        id: "unknown-path",
        category: .schema,
        defaultSeverity: .error,
        summary: "Path is not declared in the schema",
        documentation: """
            A path that does not resolve makes its predicate false (SPEC §1.3): a rule written against \
            `requests.knd` instead of `requests.kind` never matches, and nothing at run time says why. When the \
            bundle has a `kind: Schema`, every path a condition reads — in predicates, in `some`/`every`/`count`, \
            inside `where` (relative to the list element, or absolute with `$.`) and in a `screen`'s `names` and \
            `identifiers` — must be a declared field, or a prefix of one (`customer` when `customer.name` is \
            declared, which makes it an object).

            Fix the spelling (the help suggests the closest declared path), or, if the case data really has the \
            field, declare it in the schema with its type. Reason-template placeholders are checked under \
            `unknown-placeholder`.
            """,
        triggering: [
            .files([
                ("schema.yaml", "kind: Schema\nfields:\n  customer.name: string\n  requests: [object]\n  requests.kind: string\n"),
                (
                    "policies/legal.yaml",
                    """
                    kind: Policy
                    id: legal
                    rules:
                      - id: court-order
                        title: Binding court order received
                        decision: escalate
                        when:
                          some:
                            path: requests
                            where: { path: ↓knd, equals: court_order }
                      - id: named-customer
                        title: Customer named in a notice
                        decision: escalate
                        when: { path: ↓customer.nmae, exists: true }
                    """
                ),
            ])
        ],
        nonTriggering: [
            .files([
                ("schema.yaml", "kind: Schema\nfields:\n  customer.name: string\n  requests: [object]\n  requests.kind: string\n"),
                (
                    "policies/legal.yaml",
                    """
                    kind: Policy
                    id: legal
                    rules:
                      - id: court-order
                        title: Binding court order received
                        decision: escalate
                        when:
                          some:
                            path: requests
                            where:
                              all:
                                - { path: kind, equals: court_order }
                                - { path: $.customer.name, exists: true }
                      - id: any-customer
                        title: Customer record present
                        decision: monitor
                        when: { path: customer, exists: true }
                    """
                ),
            ]),
            // Without a schema there is nothing to check against.
            .policy(
                """
                kind: Policy
                id: legal
                rules:
                  - id: court-order
                    title: Court order
                    decision: escalate
                    when: { path: requests.knd, equals: court_order }
                """),
        ])

    package func check(_ context: LintContext) -> [Diagnostic] {
        guard let schema = context.schema else { return [] }
        let lookup = SchemaLookup(schema)
        var findings: [Diagnostic] = []
        func check(_ path: CasePath, base: [String]) -> Bool {
            let steps = ConditionWalk.absolute(path, base: base)
            guard lookup.resolve(steps) == .unknown else { return true }
            let absolute = steps.joined(separator: ".")
            let shown = absolute == path.text ? "`\(path.text)`" : "`\(path.text)` (`\(absolute)`)"
            findings.append(
                context.finding(
                    Self.description, "path \(shown) is not declared in the schema", at: path.location,
                    help: lookup.suggestion(for: steps, written: path, base: base).map { "did you mean `\($0)`?" }
                        ?? "declare it in the schema, or use a declared field; \(lookup.declaredNear(steps))"))
            return false
        }
        func walk(_ condition: CompiledCondition, base: [String]) {
            switch condition {
            case .all(let items, _), .any(let items, _): for item in items { walk(item, base: base) }
            case .not(let inner, _): walk(inner, base: base)
            case .predicate(let p): _ = check(p.path, base: base)
            case .screen(let s): for path in ConditionWalk.paths(of: s) { _ = check(path, base: base) }
            case .quantifier(let q):
                // Paths relative to an unknown list would only repeat the same mistake.
                if check(q.path, base: base) {
                    walk(q.condition, base: ConditionWalk.absolute(q.path, base: base))
                } else {
                    walkRootPaths(q.condition)
                }
            }
        }
        func walkRootPaths(_ condition: CompiledCondition) {
            ConditionWalk.visit(condition) { node, _ in
                if case .predicate(let p) = node, p.path.fromRoot { _ = check(p.path, base: []) }
            }
        }
        for item in ConditionWalk.items(context) { walk(item.condition, base: []) }
        return findings
    }
}
