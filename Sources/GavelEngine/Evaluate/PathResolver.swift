import GavelSyntax

/// Resolves a dotted path against case data (SPEC §1.3, §1.6): a step
/// through a list of mappings projects over its elements and flattens;
/// elements lacking the key are skipped; `null` counts as missing.
enum PathResolver {
    /// nil when the path does not resolve.
    static func resolve(_ path: CasePath, root: Value, element: Value) -> Value? {
        let start = path.fromRoot ? root : element
        // One key of a mapping, as most `where` paths are: the walk's first
        // step, without its recursion (this runs for every list element).
        if let step = path.onlyStep, case .map(let map) = start {
            guard let i = map.index(of: step) else { return nil }
            if case .null = map.values[i] { return nil }
            return map.values[i]
        }
        return walk(start, path.steps, 0)
    }

    /// Steps `steps[k...]` from `current`. Recursive rather than a loop over
    /// a `var`, so each step borrows its mapping instead of copying it.
    private static func walk(_ current: Value, _ steps: [String], _ k: Int) -> Value? {
        guard k < steps.count else { return current }
        switch current {
        case .map(let map):
            guard let i = map.index(of: steps[k]) else { return nil }
            if case .null = map.values[i] { return nil }
            return walk(map.values[i], steps, k + 1)
        case .list(let items):
            let step = steps[k]
            var projected: [Value] = []
            for item in items {
                guard case .map(let map) = item, let i = map.index(of: step) else { continue }
                switch map.values[i] {
                case .null: continue
                case .list(let inner): projected.append(contentsOf: inner.filter { $0 != .null })
                default: projected.append(map.values[i])
                }
            }
            if projected.isEmpty { return nil }
            return walk(.list(projected), steps, k + 1)
        default:
            return nil
        }
    }
}
