/// Resolves a dotted path against case data (SPEC §1.3, §1.6): a step
/// through a list of mappings projects over its elements and flattens;
/// elements lacking the key are skipped; `null` counts as missing.
enum PathResolver {
    /// nil when the path does not resolve.
    static func resolve(_ path: CasePath, root: Value, element: Value) -> Value? {
        var current = path.fromRoot ? root : element
        for step in path.steps {
            switch current {
            case .map(let map):
                guard let next = map[step], next != .null else { return nil }
                current = next
            case .list(let items):
                var projected: [Value] = []
                for item in items {
                    guard case .map(let map) = item, let value = map[step], value != .null else { continue }
                    if case .list(let inner) = value {
                        projected.append(contentsOf: inner.filter { $0 != .null })
                    } else {
                        projected.append(value)
                    }
                }
                if projected.isEmpty { return nil }
                current = .list(projected)
            default:
                return nil
            }
        }
        return current
    }
}
