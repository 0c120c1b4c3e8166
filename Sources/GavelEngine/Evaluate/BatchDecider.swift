import GavelSyntax

/// The decision alone (SPEC §2 steps 3–5, no trail or record) for many
/// cases against one bundle, for batch runs such as benchmarks: the compiled
/// conditions are lowered once into immutable nodes (final classes, so the
/// evaluation loop borrows their operands instead of copying them), and the
/// paths that resolve from the case root are resolved at most once per case.
///
/// Semantics are the evaluator's: every predicate goes through `PathResolver`
/// and `PredicateTest` (the code `evaluate` runs), quantifiers
/// count exactly as `ConditionEvaluator` counts, and `screen` conditions are
/// handed to `ConditionEvaluator.holds` unchanged.
package struct BatchDecider: Sendable {
    package let evaluator: Evaluator
    private let rules: [LoweredRule]
    private let exceptions: [LoweredRule]
    private let slotCount: Int
    private let memoCount: Int

    package init(_ evaluator: Evaluator) {
        self.evaluator = evaluator
        var lowering = Lowering()
        rules = evaluator.bundle.rules.map { LoweredRule(condition: lowering.lower($0.condition, inQuantifier: false)) }
        exceptions = evaluator.bundle.exceptions.map { LoweredRule(condition: lowering.lower($0.condition, inQuantifier: false)) }
        slotCount = lowering.slots.count
        memoCount = lowering.memos.count
    }

    /// The decision and matched rules `evaluator.evaluate` reaches for the same case and date.
    package func decide(_ data: Value, asOf: Instant) -> (decision: String, matched: [String]) {
        let bundle = evaluator.bundle
        var run = LoweredRun(root: data, asOf: asOf, evaluator: evaluator, slots: slotCount, memos: memoCount)
        var matched: [Int] = []
        for index in rules.indices where bundle.rules[index].isInForce(on: asOf) {
            if run.holds(rules[index].condition, element: data) { matched.append(index) }
        }
        var suspended: Set<Int> = []
        if !matched.isEmpty {
            for e in exceptions.indices where bundle.exceptions[e].isInForce(on: asOf) {
                guard run.holds(exceptions[e].condition, element: data) else { continue }
                for index in matched
                where !bundle.rules[index].mandatory && bundle.exceptions[e].suspends.contains(bundle.rules[index].id) {
                    suspended.insert(index)
                }
            }
        }
        var best: Int?
        for index in matched where !suspended.contains(index) {
            if best.map({ bundle.rules[index].severity > bundle.rules[$0].severity }) ?? true { best = index }
        }
        return (
            best.map { bundle.rules[$0].decision } ?? bundle.manifest.defaultDecision,
            matched.map { bundle.rules[$0].id }
        )
    }
}

private struct LoweredRule: Sendable {
    let condition: LoweredNode
}

/// One compiled condition, lowered. Only the fields of its `kind` are meaningful.
private final class LoweredNode: Sendable {
    enum Kind { case all, any, not, predicate, quantifier, screen }

    let kind: Kind
    let children: [LoweredNode]
    /// Predicates and quantifiers: the path.
    let path: CasePath
    /// Index into the per-case cache of root-resolved paths, or -1 when the
    /// path resolves from a quantifier's element.
    let slot: Int
    /// Index into the per-case cache of outcomes of predicates and
    /// quantifiers outside any quantifier, shared by every identical one in
    /// the bundle; -1 inside a quantifier.
    let memo: Int
    let op: PredicateOperator
    let quantifier: Quantifier.Kind
    /// The compiled condition itself, for `screen`.
    let source: CompiledCondition

    init(
        kind: Kind, children: [LoweredNode] = [], path: CasePath = CasePath(text: "", steps: [], fromRoot: false),
        slot: Int = -1, memo: Int = -1, op: PredicateOperator = .exists(true), quantifier: Quantifier.Kind = .some, source: CompiledCondition
    ) {
        self.kind = kind
        self.children = children
        self.path = path
        self.slot = slot
        self.memo = memo
        self.op = op
        self.quantifier = quantifier
        self.source = source
    }
}

private struct Lowering {
    /// Root-resolved paths by their steps.
    var slots: [[String]: Int] = [:]

    mutating func lower(_ condition: CompiledCondition, inQuantifier: Bool) -> LoweredNode {
        switch condition {
        case .all(let items, _):
            return LoweredNode(kind: .all, children: items.map { lower($0, inQuantifier: inQuantifier) }, source: condition)
        case .any(let items, _):
            return LoweredNode(kind: .any, children: items.map { lower($0, inQuantifier: inQuantifier) }, source: condition)
        case .not(let inner, _):
            return LoweredNode(kind: .not, children: [lower(inner, inQuantifier: inQuantifier)], source: condition)
        case .predicate(let p):
            return LoweredNode(
                kind: .predicate, path: p.path, slot: slot(p.path, inQuantifier), memo: memo(condition, inQuantifier),
                op: p.op, source: condition)
        case .quantifier(let q):
            return LoweredNode(
                kind: .quantifier, children: [lower(q.condition, inQuantifier: true)], path: q.path,
                slot: slot(q.path, inQuantifier), memo: memo(condition, inQuantifier), quantifier: q.kind, source: condition)
        case .screen:
            return LoweredNode(kind: .screen, source: condition)
        }
    }

    /// Outcomes by the structure of the condition (see `key`).
    var memos: [String: Int] = [:]

    /// Outside a quantifier a predicate or quantifier is a pure function of
    /// the case, so identical ones share one outcome per case.
    private mutating func memo(_ condition: CompiledCondition, _ inQuantifier: Bool) -> Int {
        guard !inQuantifier, let key = Self.key(condition) else { return -1 }
        if let existing = memos[key] { return existing }
        let next = memos.count
        memos[key] = next
        return next
    }

    /// A text that is equal for two conditions only if they are the same
    /// test: operator, path steps, operands (as JSON, so types stay
    /// distinct), and for quantifiers the kind and `where`. nil for `screen`.
    static func key(_ condition: CompiledCondition) -> String? {
        func path(_ p: CasePath) -> String { (p.fromRoot ? "$" : "@") + p.steps.joined(separator: "\u{1}") }
        switch condition {
        case .all(let items, _), .any(let items, _):
            var parts: [String] = []
            for item in items {
                guard let k = key(item) else { return nil }
                parts.append(k)
            }
            if case .all = condition { return "all(" + parts.joined(separator: "\u{2}") + ")" }
            return "any(" + parts.joined(separator: "\u{2}") + ")"
        case .not(let inner, _):
            return key(inner).map { "not(" + $0 + ")" }
        case .predicate(let p):
            let name = p.op.name.rawValue
            let operand = p.op.expectedJSON.compact()
            return "p(" + name + "\u{3}" + path(p.path) + "\u{3}" + operand + ")"
        case .quantifier(let q):
            var kind = q.form.rawValue
            if case .count(let comparison, let n) = q.kind { kind += " \(comparison.rawValue) \(n)" }
            return key(q.condition).map { "q(" + kind + "\u{3}" + path(q.path) + "\u{3}" + $0 + ")" }
        case .screen:
            return nil
        }
    }

    /// Outside a quantifier the element is the root, so the path resolves the same way for the whole case.
    private mutating func slot(_ path: CasePath, _ inQuantifier: Bool) -> Int {
        guard path.fromRoot || !inQuantifier else { return -1 }
        if let existing = slots[path.steps] { return existing }
        let next = slots.count
        slots[path.steps] = next
        return next
    }
}

/// One case's evaluation state.
private struct LoweredRun {
    enum Cached {
        case unresolved, missing
        case resolved(Value)
    }

    let root: Value
    let asOf: Instant
    let evaluator: Evaluator
    var cache: [Cached]
    enum Memo { case unknown, holds, fails }
    var memo: [Memo]
    /// For `screen` only, made on first use.
    var conditionEvaluator: ConditionEvaluator?

    init(root: Value, asOf: Instant, evaluator: Evaluator, slots: Int, memos: Int) {
        self.root = root
        self.asOf = asOf
        self.evaluator = evaluator
        cache = Array(repeating: .unresolved, count: slots)
        memo = Array(repeating: .unknown, count: memos)
    }

    mutating func resolve(_ node: LoweredNode, element: Value) -> Value? {
        let slot = node.slot
        guard slot >= 0 else { return PathResolver.resolve(node.path, root: root, element: element) }
        switch cache[slot] {
        case .resolved(let value): return value
        case .missing: return nil
        case .unresolved:
            let value = PathResolver.resolve(node.path, root: root, element: root)
            cache[slot] = value.map(Cached.resolved) ?? .missing
            return value
        }
    }

    private mutating func fill(_ node: LoweredNode) {
        cache[node.slot] = PathResolver.resolve(node.path, root: root, element: root).map(Cached.resolved) ?? .missing
    }

    mutating func holds(_ node: LoweredNode, element: Value) -> Bool {
        let m = node.memo
        guard m >= 0 else { return evaluate(node, element: element) }
        switch memo[m] {
        case .holds: return true
        case .fails: return false
        case .unknown:
            let result = evaluate(node, element: element)
            memo[m] = result ? .holds : .fails
            return result
        }
    }

    private mutating func evaluate(_ node: LoweredNode, element: Value) -> Bool {
        switch node.kind {
        case .all:
            let children = node.children
            for i in children.indices where !holds(children[i], element: element) { return false }
            return true
        case .any:
            let children = node.children
            for i in children.indices where holds(children[i], element: element) { return true }
            return false
        case .not:
            return !holds(node.children[0], element: element)
        case .predicate:
            let slot = node.slot
            guard slot >= 0 else {
                return PredicateTest.test(node.op, PathResolver.resolve(node.path, root: root, element: element), asOf: asOf).isTrue
            }
            if case .unresolved = cache[slot] { fill(node) }
            switch cache[slot] {
            case .resolved(let value): return PredicateTest.test(node.op, value, asOf: asOf).isTrue
            default: return PredicateTest.test(node.op, nil, asOf: asOf).isTrue
            }
        case .quantifier:
            // As ConditionEvaluator.count and quantifierHolds.
            guard let resolved = resolve(node, element: element) else { return false }
            let condition = node.children[0]
            var matching = 0
            let total: Int
            if case .list(let items) = resolved {
                total = items.count
                for item in items where holds(condition, element: item) { matching += 1 }
            } else {
                total = 1
                if holds(condition, element: resolved) { matching = 1 }
            }
            switch node.quantifier {
            case .some: return matching > 0
            case .every: return matching == total
            case .count(let comparison, let n): return comparison.holds(matching < n ? -1 : matching > n ? 1 : 0)
            }
        case .screen:
            if conditionEvaluator == nil {
                conditionEvaluator = ConditionEvaluator(root: root, asOf: asOf, screener: evaluator.screener, owner: "")
            }
            return conditionEvaluator?.holds(node.source, element: element) ?? false
        }
    }
}
