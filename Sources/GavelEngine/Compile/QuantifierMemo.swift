/// Numbers the quantifiers that can be decided once per case: those over a
/// path from the case root (not inside another quantifier's `where`) that
/// screen nothing, keyed by their canonical text so that equal quantifiers
/// in different rules share one number. Predicates over a root path outside
/// any `where` are numbered the same way, keyed by their path's slot and
/// their operator's canonical text. Inside such a quantifier's `where`,
/// predicates over a path relative to the element are numbered for a memo per
/// list element, keyed by their path and operator: quantifiers that differ
/// only in their count, or share a test, test each element once.
struct QuantifierMemo {
    private(set) var ids: [String: Int] = [:]
    private(set) var predicateIDs: [String: Int] = [:]
    private(set) var elementPredicateIDs: [String: Int] = [:]

    mutating func numbered(_ condition: CompiledCondition) -> CompiledCondition {
        switch condition {
        case .all(let items, let location): return .all(items.map { numbered($0) }, location)
        case .any(let items, let location): return .any(items.map { numbered($0) }, location)
        case .not(let inner, let location): return .not(numbered(inner), location)
        case .quantifier(let q) where !q.condition.screens:
            let key = condition.canonical
            let id = ids[key] ?? ids.count
            ids[key] = id
            return .quantifier(q.numbered(id, condition: q.path.slot == nil ? q.condition : numbered(element: q.condition)))
        case .predicate(let p):
            guard let slot = p.path.slot else { return condition }
            let key = "\(slot)|" + p.op.canonical
            let id = predicateIDs[key] ?? predicateIDs.count
            predicateIDs[key] = id
            return .predicate(p.numbered(id))
        case .quantifier, .screen: return condition
        }
    }

    /// Numbers the element predicates of a `where`; a nested quantifier walks
    /// elements of another list, and a root path (`$.`) is no element's.
    private mutating func numbered(element condition: CompiledCondition) -> CompiledCondition {
        switch condition {
        case .all(let items, let location): return .all(items.map { numbered(element: $0) }, location)
        case .any(let items, let location): return .any(items.map { numbered(element: $0) }, location)
        case .not(let inner, let location): return .not(numbered(element: inner), location)
        case .predicate(let p):
            guard p.path.slot == nil else { return condition }
            let key = p.path.text + "|" + p.op.canonical
            let id = elementPredicateIDs[key] ?? elementPredicateIDs.count
            elementPredicateIDs[key] = id
            return .predicate(p.numbered(element: id))
        case .quantifier, .screen: return condition
        }
    }
}
