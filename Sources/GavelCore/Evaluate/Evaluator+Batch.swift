extension Evaluator {
    /// The decision alone, without trail or record: SPEC §2 steps 3–5 on the
    /// same compiled conditions and operator semantics as `evaluate`, for
    /// batch runs that only need the answer (benchmarks, `diff` sweeps).
    public func decide(_ data: Value, asOf: Instant) -> (decision: String, matched: [String]) {
        let rules = bundle.rules
        // One evaluator for the whole case: `owner` only labels screening
        // matches, which this path never reads.
        var evaluator = ConditionEvaluator(root: data, asOf: asOf, screener: screener, owner: "")
        var matched: [Int] = []
        for index in rules.indices where rules[index].isInForce(on: asOf) {
            if evaluator.holds(rules[index].condition, element: data) { matched.append(index) }
        }
        var suspended: Set<Int> = []
        if !matched.isEmpty {
            let exceptions = bundle.exceptions
            for e in exceptions.indices where exceptions[e].isInForce(on: asOf) {
                guard evaluator.holds(exceptions[e].condition, element: data) else { continue }
                for index in matched where !rules[index].mandatory && exceptions[e].suspends.contains(rules[index].id) {
                    suspended.insert(index)
                }
            }
        }
        var best: Int?
        for index in matched where !suspended.contains(index) {
            if best.map({ rules[index].severity > rules[$0].severity }) ?? true { best = index }
        }
        return (best.map { rules[$0].decision } ?? bundle.manifest.defaultDecision, matched.map { rules[$0].id })
    }
}
