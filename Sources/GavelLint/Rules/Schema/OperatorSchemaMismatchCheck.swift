import GavelSyntax
import GavelEngine

/// An operator, or its operand, does not fit the type the schema declares
/// for the path.
///
/// At run time such a predicate is a `type_mismatch` (or can never be equal);
/// SPEC §1.6 makes it a lint error where a schema types the field.
///
/// The compiler finds it (`PolicySchemaCheck` in the engine), so `evaluate`
/// refuses the bundle as lint does; this rule documents it.
package struct OperatorSchemaMismatchCheck: LoaderReportedRule {
    package init() {}

    package static let description = LintRuleDescription(
        code: .operatorSchemaMismatch,
        category: .schema,
        defaultSeverity: .error,
        summary: "Operator or operand does not fit the field's schema type",
        documentation: """
            With a schema, Gavel knows what every path holds, so a predicate that can only be a run-time \
            `type_mismatch` is an error now (SPEC §1.6). What fits:

            - `gt`, `gte`, `lt`, `lte`: `int`, `number` or `date` fields, with a number bound for numbers and \
            a date bound for dates;
            - `within`: `date` fields;
            - `glob`, `starts_with`, `ends_with`: `string` or enum fields;
            - `contains`, `contains_any`, `contains_all`: a list (`[T]`, or a path that projects through a \
            list of objects such as `requests.kind`);
            - `equals`, `in` and the `contains` operands: a value of the field's (or list element's) type — \
            a quoted `"5"` never equals an `int`, `true` never equals a string, and a date field needs a \
            `YYYY-MM-DD` or RFC 3339 operand;
            - `exists`: anything.

            `gavel evaluate` refuses a bundle with such a predicate, as lint does. Fix the operator \
            (`contains` for lists, `equals` for scalars), quote or unquote the operand, or correct the schema \
            if the field's type is what is wrong.
            """,
        triggering: [
            .files([
                (
                    "schema.yaml",
                    """
                    kind: Schema
                    fields:
                      customer.name: string
                      facts.followers: int
                      requests: [object]
                      requests.received: date
                    """
                ),
                (
                    "policies/abuse.yaml",
                    """
                    kind: Policy
                    id: abuse
                    rules:
                      - id: large-audience
                        title: Large audience
                        decision: monitor
                        when:
                          all:
                            - { path: facts.followers, equals: ↓"100000" }
                            - { path: customer.name, ↓gt: 10 }
                            - { path: customer.name, ↓contains: Acme }
                      - id: recent-request
                        title: Recent request
                        decision: escalate
                        when:
                          some:
                            path: requests
                            where: { path: received, gt: ↓100 }
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
                      customer.name: string
                      facts.followers: int
                      requests: [object]
                      requests.received: date
                      requests.kind: string
                    """
                ),
                (
                    "policies/abuse.yaml",
                    """
                    kind: Policy
                    id: abuse
                    rules:
                      - id: large-audience
                        title: Large audience
                        decision: monitor
                        when:
                          all:
                            - { path: facts.followers, gte: 100000 }
                            - { path: customer.name, starts_with: Acme }
                            - { path: requests.kind, contains: court_order }
                            - { path: requests.received, within: 30d }
                            - { path: requests.received, gt: 2020-01-01 }
                            - { path: customer, exists: true }
                    """
                ),
            ])
        ])
}
