import GavelSyntax
import GavelEngine

/// A condition reads a path the bundle's schema does not declare.
///
/// Without a schema a misspelt path is simply `missing` at run time, so the
/// rule silently never matches; with one, lint can say so before any case runs.
///
/// The compiler finds it (`PolicySchemaCheck` in the engine), so `evaluate`
/// refuses the bundle as lint does; this rule documents it.
package struct UnknownPathCheck: LoaderReportedRule {
    package init() {}

    package static let description = LintRuleDescription(
        code: .unknownPath,
        category: .schema,
        defaultSeverity: .error,
        summary: "Path is not declared in the schema",
        documentation: """
            A path that does not resolve makes its predicate false (SPEC §1.3): a rule written against \
            `requests.knd` instead of `requests.kind` never matches, and nothing at run time says why. When the \
            bundle has a `kind: Schema`, every path a condition reads — in predicates, in `some`/`every`/`count`, \
            inside `where` (relative to the list element, or absolute with `$.`) and in a `screen`'s `names` and \
            `identifiers` — must be a declared field, or a prefix of one (`customer` when `customer.name` is \
            declared, which makes it an object). An object named in the schema's `open:` lets case data carry \
            undeclared fields, not conditions read them: a field a rule reads is declared, so its type is checked.

            `gavel evaluate` refuses a bundle with such a path, as lint does: it decides nothing by rules it \
            cannot trust. Fix the spelling (the help suggests the closest declared path), or, if the case data \
            really has the field, declare it in the schema with its type. Reason-template placeholders are \
            checked under `unknown-placeholder`.
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
}
