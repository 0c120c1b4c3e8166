import GavelSyntax

/// `operator-schema-mismatch`: whether a predicate's operator and operands fit
/// the type the schema declares for its path. Where they do not, the
/// predicate could only ever be a run-time `type_mismatch` or never equal,
/// which SPEC §1.6 makes a load error where a schema types the field.
enum OperatorFit {
    static func problems(_ p: Predicate, base: [String], _ lookup: SchemaLookup) -> [Diagnostic] {
        let steps = ConditionWalk.absolute(p.path, base: base)
        guard let shape = lookup.shape(steps, base: p.path.fromRoot ? 0 : base.count) else { return [] }
        let field = "`\(p.path.text)` is \(article(shape.description))"
        func operatorProblem(_ needs: String, help: String) -> [Diagnostic] {
            [.error(.operatorSchemaMismatch, "`\(p.op.name)` needs \(needs), but \(field)", at: p.location, help: help)]
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
                    .error(
                        .operatorSchemaMismatch, "`\(p.op.name)` compares the date field `\(p.path.text)` with a number",
                        at: p.operandLocation ?? p.location, help: "write the bound as a date, e.g. `2020-01-01`")
                ]
            case (.int, .date), (.number, .date):
                return [
                    .error(
                        .operatorSchemaMismatch, "`\(p.op.name)` compares the number field `\(p.path.text)` with a date",
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
                return operatorProblem("a list", help: "use `equals` (one value) or `in` (one of several) on a single value")
            }
            return operandProblems(p, element)
        case .equals, .in:
            return operandProblems(p, element)
        }
    }

    private static func operandProblems(_ p: Predicate, _ element: FieldType) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        for (index, operand) in p.op.operands.enumerated() where !element.admits(operand) {
            let location = index < p.operandLocations.count ? p.operandLocations[index] : p.location
            var help = "write a value of type \(element)"
            if case .string(let s) = operand, element == .int || element == .number || element == .bool {
                help = "unquote `\(s)` if the \(element) value was meant"
            } else if element == .string, operand != .null {
                help = "quote it: `\"\(operand.displayText)\"`"
            }
            problems.append(
                .error(
                    .operatorSchemaMismatch,
                    "`\(p.op.name)` compares `\(p.path.text)` (\(element)) with \(operand.kindDescription), which can never be equal",
                    at: location, help: help))
        }
        return problems
    }

    private static func article(_ type: String) -> String {
        if type.hasPrefix("[") { return "a list \(type)" }
        if type.hasPrefix("enum") { return "an \(type)" }
        return ["int", "object"].contains(type) ? "an \(type)" : "a \(type)"
    }
}
