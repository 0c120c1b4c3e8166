extension Evaluator {
    /// The decision alone, without trail or record: SPEC §2 steps 3–5 on the
    /// same compiled conditions and operator semantics as `evaluate`, for
    /// batch runs that only need the answer (benchmarks, `diff` sweeps).
    public func decide(_ data: Value, asOf: Instant) -> (decision: String, matched: [String]) {
        var matched: [Int] = []
        for (index, rule) in bundle.rules.enumerated() where rule.isInForce(on: asOf) {
            var evaluator = ConditionEvaluator(root: data, asOf: asOf, screener: screener, owner: rule.id)
            if evaluator.holds(rule.condition, element: data) { matched.append(index) }
        }
        var suspended = Set<Int>()
        for exception in bundle.exceptions where exception.isInForce(on: asOf) {
            var evaluator = ConditionEvaluator(root: data, asOf: asOf, screener: screener, owner: exception.id)
            guard evaluator.holds(exception.condition, element: data) else { continue }
            for index in matched where !bundle.rules[index].mandatory && exception.suspends.contains(bundle.rules[index].id) {
                suspended.insert(index)
            }
        }
        var best: CompiledRule?
        for index in matched where !suspended.contains(index) {
            let rule = bundle.rules[index]
            if best.map({ rule.severity > $0.severity }) ?? true { best = rule }
        }
        return (best?.decision ?? bundle.manifest.defaultDecision, matched.map { bundle.rules[$0].id })
    }
}
