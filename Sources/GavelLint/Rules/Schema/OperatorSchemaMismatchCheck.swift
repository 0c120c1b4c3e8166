import GavelSyntax
import GavelEngine

/// An operator, or its operand, does not fit the type the schema declares
/// for the path.
///
/// At run time such a predicate is a `type_mismatch` (or can never be equal);
/// SPEC §1.6 makes it a lint error where a schema types the field.
package struct OperatorSchemaMismatchCheck: LintRule {
    package init() {}

    package static let description = LintRuleDescription(
        id: "operator-schema-mismatch",
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

            Fix the operator (`contains` for lists, `equals` for scalars), quote or unquote the operand, or \
            correct the schema if the field's type is what is wrong.
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

    package func check(_ context: LintContext) -> [Diagnostic] {
        guard let schema = context.schema else { return [] }
        let lookup = SchemaLookup(schema)
        var findings: [Diagnostic] = []
        for item in ConditionWalk.items(context) {
            ConditionWalk.visit(item.condition) { node, base in
                guard case .predicate(let p) = node else { return }
                let steps = ConditionWalk.absolute(p.path, base: base)
                guard let shape = lookup.shape(steps, base: p.path.fromRoot ? 0 : base.count) else { return }
                findings += problems(p, shape, context)
            }
        }
        return findings
    }

    private func problems(_ p: Predicate, _ shape: SchemaLookup.Shape, _ context: LintContext) -> [Diagnostic] {
        let field = "`\(p.path.text)` is \(article(shape.description))"
        func operatorProblem(_ needs: String, help: String) -> [Diagnostic] {
            [context.finding(Self.description, "`\(p.op.name)` needs \(needs), but \(field)", at: p.location, help: help)]
        }
        guard let element = shape.element, element != .object else {
            // An object: only `exists` says anything about it.
            if case .exists = p.op { return [] }
            return operatorProblem("a value", help: "test one of its fields, e.g. `\(p.path.text).<field>`, or use `exists`")
        }
        switch p.op {
        case .exists: return []
        case .compare(_, let bound):
            switch (element, bound) {
            case (.int, .number), (.number, .number), (.date, .date): return []
            case (.date, .number):
                return [
                    context.finding(
                        Self.description, "`\(p.op.name)` compares the date field `\(p.path.text)` with a number",
                        at: p.operandLocation ?? p.location, help: "write the bound as a date, e.g. `2020-01-01`")
                ]
            case (.int, .date), (.number, .date):
                return [
                    context.finding(
                        Self.description, "`\(p.op.name)` compares the number field `\(p.path.text)` with a date",
                        at: p.operandLocation ?? p.location, help: "write the bound as a number")
                ]
            default:
                return operatorProblem("an int, number or date field", help: "compare strings with `equals`, `in` or `glob`")
            }
        case .within:
            if element == .date { return [] }
            return operatorProblem("a date field", help: "`within` tests how recent a date is")
        case .glob, .startsWith, .endsWith:
            if element == .string || element.isEnumeration { return [] }
            return operatorProblem("a string field", help: "use `equals` or `in` for values that are not strings")
        case .contains, .containsAny, .containsAll:
            if !shape.isList {
                return operatorProblem(
                    "a list", help: "use `equals` (one value) or `in` (one of several) on a single value")
            }
            return operandProblems(p, element, context)
        case .equals, .in:
            return operandProblems(p, element, context)
        }
    }

    private func operandProblems(_ p: Predicate, _ element: FieldType, _ context: LintContext) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        for (index, operand) in p.op.operands.enumerated() where !element.admits(operand) {
            let location = index < p.operandLocations.count ? p.operandLocations[index] : p.location
            var help = "write a value of type \(element)"
            if case .string(let s) = operand, element == .int || element == .number || element == .bool {
                help = "unquote `\(s)` if the \(element) value was meant"
            } else if element == .string, operand != .null {
                help = "quote it: `\"\(operand.displayText)\"`"
            }
            findings.append(
                context.finding(
                    Self.description,
                    "`\(p.op.name)` compares `\(p.path.text)` (\(element)) with \(operand.kindDescription), which can never be equal",
                    at: location, help: help))
        }
        return findings
    }

    private func article(_ type: String) -> String {
        if type.hasPrefix("[") { return "a list \(type)" }
        if type.hasPrefix("enum") { return "an \(type)" }
        return ["int", "object"].contains(type) ? "an \(type)" : "a \(type)"
    }
}
