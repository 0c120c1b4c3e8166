/// The one walk over a compiled condition, for compile and for lint: every
/// node in pre-order, with the absolute steps of the element that relative
/// paths start from.
package enum ConditionWalk {
    /// Calls `body` on every node, pre-order, with the absolute steps of the
    /// element that relative paths start from (`[]` at the case root).
    package static func visit(
        _ condition: CompiledCondition, base: [String] = [], _ body: (CompiledCondition, [String]) -> Void
    ) {
        body(condition, base)
        switch condition {
        case .all(let items, _), .any(let items, _):
            for item in items { visit(item, base: base, body) }
        case .not(let inner, _): visit(inner, base: base, body)
        case .quantifier(let q): visit(q.condition, base: absolute(q.path, base: base), body)
        case .predicate, .screen: break
        }
    }

    /// Whether any node satisfies `test`.
    package static func contains(_ condition: CompiledCondition, where test: (CompiledCondition) -> Bool) -> Bool {
        var found = false
        visit(condition) { node, _ in if !found, test(node) { found = true } }
        return found
    }

    /// SPEC §1.3: inside `where`, paths are relative to the element; `$.` reaches the root.
    package static func absolute(_ path: CasePath, base: [String]) -> [String] {
        path.fromRoot ? path.steps : base + path.steps
    }

    /// Every path a screen reads, names first, then identifiers and the details it corroborates with.
    package static func paths(of screen: ScreenSpec) -> [CasePath] {
        screen.names + screen.identifiers.flatMap(\.paths) + (screen.corroboration?.paths ?? [])
    }
}
