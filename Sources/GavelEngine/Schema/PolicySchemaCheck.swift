import GavelSyntax

/// A bundle's conditions against its own schema (SPEC §1.5, §1.6): every
/// path declared, every quantifier over a list, every enum operand one of the
/// enum's values, every operator fit for its field's type. The compiler
/// reports these, so `evaluate` refuses such a bundle as `lint` does: a
/// condition that reads an undeclared path or tests a value the field can
/// never hold would silently never match.
package enum PolicySchemaCheck {
    /// Every problem in `conditions` (rules' and exceptions'), in no particular order.
    package static func problems(_ conditions: [CompiledCondition], schema: CaseSchema) -> [Diagnostic] {
        let lookup = SchemaLookup(schema)
        var problems: [Diagnostic] = []
        for condition in conditions {
            problems += unknownPaths(condition, lookup)
            ConditionWalk.visit(condition) { node, base in
                switch node {
                case .predicate(let p):
                    problems += OperatorFit.problems(p, base: base, lookup)
                    problems += enumOperands(p, base: base, lookup)
                case .quantifier(let q):
                    problems += quantifierOverNonList(q, base: base, lookup)
                case .all, .any, .not, .screen:
                    break
                }
            }
        }
        return problems
    }

    /// `unknown-path`: every path a condition reads — in predicates, quantifiers,
    /// inside `where` and in a `screen`'s names and identifiers.
    static func unknownPaths(_ condition: CompiledCondition, _ lookup: SchemaLookup) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        func check(_ path: CasePath, base: [String]) -> Bool {
            let steps = ConditionWalk.absolute(path, base: base)
            guard lookup.resolve(steps) == .unknown else { return true }
            let absolute = steps.joined(separator: ".")
            let shown = absolute == path.text ? "`\(path.text)`" : "`\(path.text)` (`\(absolute)`)"
            problems.append(
                .error(
                    .unknownPath, "path \(shown) is not declared in the schema", at: path.location,
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
                    ConditionWalk.visit(q.condition) { node, _ in
                        if case .predicate(let p) = node, p.path.fromRoot { _ = check(p.path, base: []) }
                    }
                }
            }
        }
        walk(condition, base: [])
        return problems
    }

    /// `value-not-in-enum`: an `equals`/`in`/`contains*` operand an enum field never holds.
    static func enumOperands(_ p: Predicate, base: [String], _ lookup: SchemaLookup) -> [Diagnostic] {
        guard case .declared(let type) = lookup.resolve(ConditionWalk.absolute(p.path, base: base)),
            case .enumeration(let values) = type.element
        else { return [] }
        var problems: [Diagnostic] = []
        for (index, operand) in p.op.operands.enumerated() {
            let text: String
            switch operand {
            case .string(let s): text = s
            case .int, .double: text = operand.displayText
            // Other types are `operator-schema-mismatch`'s to report.
            default: continue
            }
            guard !values.contains(text) else { continue }
            let location = index < p.operandLocations.count ? p.operandLocations[index] : p.location
            problems.append(
                .error(
                    .valueNotInEnum, "`\(text)` is not a value of `\(p.path.text)`; \(EnumValues.expected(values))",
                    at: location,
                    help: EnumValues.help(
                        for: text, among: values, fallback: "add `\(text)` to the field's enum in the schema if case data uses it")))
        }
        return problems
    }

    /// `quantifier-over-non-list`: `some`/`every`/`count` over a single value or object.
    static func quantifierOverNonList(_ q: Quantifier, base: [String], _ lookup: SchemaLookup) -> [Diagnostic] {
        let steps = ConditionWalk.absolute(q.path, base: base)
        guard let shape = lookup.shape(steps, base: q.path.fromRoot ? 0 : base.count), !shape.isList else { return [] }
        let lists = lookup.schema.fields.filter { $0.value.isList }.keys.sorted()
        let declared = shape.element.map { "\($0)" } ?? "object"
        let listFields = lists.map { "`\($0)`" }.joined(separator: ", ")
        return [
            .error(
                .quantifierOverNonList,
                "`\(q.form.rawValue)` ranges over `\(q.path.text)`, which the schema declares as \(declared), not a list",
                at: q.path.location ?? q.location,
                help: lists.isEmpty
                    ? "declare the field as a list (`[object]`) if case data has several"
                    : "quantify over a list field (\(listFields)), or declare this one as `[object]`")
        ]
    }
}
