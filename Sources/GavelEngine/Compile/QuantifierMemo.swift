/// Numbers the quantifiers that can be decided once per case: those over a
/// path from the case root (not inside another quantifier's `where`) that
/// screen nothing, keyed by their canonical text so that equal quantifiers
/// in different rules share one number. Predicates over a root path outside
/// any `where` are numbered the same way, keyed by their path's slot and
/// their operator's canonical text.
struct QuantifierMemo {
    private(set) var ids: [String: Int] = [:]
    private(set) var predicateIDs: [String: Int] = [:]

    mutating func numbered(_ condition: CompiledCondition) -> CompiledCondition {
        switch condition {
        case .all(let items, let location): return .all(items.map { numbered($0) }, location)
        case .any(let items, let location): return .any(items.map { numbered($0) }, location)
        case .not(let inner, let location): return .not(numbered(inner), location)
        case .quantifier(let q) where !q.condition.screens:
            let key = condition.canonical
            let id = ids[key] ?? ids.count
            ids[key] = id
            return .quantifier(q.numbered(id))
        case .predicate(let p):
            guard let slot = p.path.slot else { return condition }
            let key = "\(slot)|" + p.op.canonical
            let id = predicateIDs[key] ?? predicateIDs.count
            predicateIDs[key] = id
            return .predicate(p.numbered(id))
        case .quantifier, .screen: return condition
        }
    }
}
