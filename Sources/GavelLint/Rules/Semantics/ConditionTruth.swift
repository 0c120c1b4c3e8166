import GavelSyntax
import GavelEngine

/// What `never-holds` and `always-holds` share: the conditions whose outcome
/// is decided by their text alone, found bottom-up. A verdict that explains
/// its parent's is carried up rather than reported twice, so each problem is
/// reported once, at the node that causes it.
///
/// Verdicts:
/// - never: false for every case;
/// - always: true for every case;
/// - vacuous: true for every case where its path is present — a disguised
///   `exists: true` (`count: {gte: 0}`, `contains_all: []`). A missing path
///   still makes it false (SPEC §1.3), so it is not "always".
///
/// A path may hold a list, and a scalar operator then holds when any element
/// satisfies it (SPEC §1.6): `equals: a` and `equals: b` can both hold. So
/// contradictions between tests of the values at one path are only decided
/// when the schema makes the path a single value (declared scalar, not under
/// a list, relative to the list element inside `where`). Contradictions that
/// do not depend on values — `exists: true` with `exists: false`, `exists:
/// false` with any other test of the path, a condition with its own negation,
/// two `count` bounds — are decided without a schema.
struct ConditionTruth {
    enum Kind { case never, always, vacuous }

    struct Verdict {
        var kind: Kind
        var message: String
        var location: SourceLocation
        var help: String?
    }

    let lookup: SchemaLookup?
    private(set) var findings: [Verdict] = []

    init(schema: CaseSchema?) { lookup = schema.map(SchemaLookup.init) }

    static func findings(_ context: LintContext) -> [Verdict] {
        var truth = ConditionTruth(schema: context.schema)
        for item in ConditionWalk.items(context) { truth.check(item.condition) }
        return truth.findings
    }

    mutating func check(_ condition: CompiledCondition) { close(analyze(condition, base: [])) }

    private mutating func close(_ verdict: Verdict?) {
        if let verdict { findings.append(verdict) }
    }

    // MARK: nodes

    private mutating func analyze(_ condition: CompiledCondition, base: [String]) -> Verdict? {
        switch condition {
        case .screen: return nil
        case .predicate(let p): return predicate(p)
        case .not(let inner, let location):
            let verdict = analyze(inner, base: base)
            switch verdict?.kind {
            case .always?:
                return Verdict(
                    kind: .never, message: "`not` of a condition that always holds", location: location,
                    help: verdict.map { "the inner condition: \($0.message)" })
            case .never?:
                return Verdict(
                    kind: .always, message: "`not` of a condition that never holds", location: location,
                    help: verdict.map { "the inner condition: \($0.message)" })
            case .vacuous?, nil:
                close(verdict)
                return nil
            }
        case .all(let items, let location):
            let verdicts = items.map { analyze($0, base: base) }
            if let i = verdicts.firstIndex(where: { $0?.kind == .never }) {
                for (j, v) in verdicts.enumerated() where j != i { close(v) }
                return verdicts[i]
            }
            let contradictions = contradictions(items, base: base)
            if let first = contradictions.first {
                verdicts.forEach { close($0) }
                contradictions.dropFirst().forEach { close($0) }
                return first
            }
            if verdicts.allSatisfy({ $0?.kind == .always }) {
                if verdicts.count == 1, let only = verdicts[0] { return only }
                return Verdict(kind: .always, message: "every condition under `all` always holds", location: location)
            }
            verdicts.forEach { close($0) }
            return nil
        case .any(let items, let location):
            let verdicts = items.map { analyze($0, base: base) }
            if let i = verdicts.firstIndex(where: { $0?.kind == .always }) {
                for (j, v) in verdicts.enumerated() where j != i { close(v) }
                return verdicts[i]
            }
            if let tautology = tautology(items, base: base) {
                verdicts.forEach { close($0) }
                return tautology
            }
            if verdicts.allSatisfy({ $0?.kind == .never }) {
                if verdicts.count == 1, let only = verdicts[0] { return only }
                return Verdict(
                    kind: .never, message: "no condition under `any` can hold", location: location,
                    help: verdicts.compactMap { $0?.message }.joined(separator: "; "))
            }
            verdicts.forEach { close($0) }
            return nil
        case .quantifier(let q):
            return quantifier(q, base: base)
        }
    }

    private func predicate(_ p: Predicate) -> Verdict? {
        let at = p.operandLocation ?? p.location
        switch p.op {
        case .in(let values) where values.isEmpty:
            return Verdict(
                kind: .never, message: "`in: []` on `\(p.path.text)` matches no value", location: at,
                help: "list the values to accept, or remove the test")
        case .containsAny(let values) where values.isEmpty:
            return Verdict(
                kind: .never, message: "`contains_any: []` on `\(p.path.text)` matches no list", location: at,
                help: "list the values to look for, or remove the test")
        case .containsAll(let values) where values.isEmpty:
            return Verdict(
                kind: .vacuous, message: "`contains_all: []` holds whenever `\(p.path.text)` is present", location: at,
                help: "list the values that must all be present, or write `exists: true` if presence is what matters")
        default:
            return nil
        }
    }

    private mutating func quantifier(_ q: Quantifier, base: [String]) -> Verdict? {
        let inner = analyze(q.condition, base: ConditionWalk.absolute(q.path, base: base))
        if case .count(let comparison, let n) = q.kind {
            switch (comparison, n) {
            case (.lt, 0):
                close(inner)
                return Verdict(
                    kind: .never, message: "`count` of `\(q.path.text)` is never below 0", location: q.location,
                    help: "to require that no element matches, write `equals: 0`")
            case (.gte, 0):
                close(inner)
                return Verdict(
                    kind: .vacuous, message: "`count` of `\(q.path.text)` with `gte: 0` holds whenever the list is present",
                    location: q.location, help: "write `{ path: \(q.path.text), exists: true }` if presence is what matters")
            default: break
            }
        }
        guard let inner, inner.kind == .never else {
            close(inner)
            return nil
        }
        switch q.kind {
        case .some:
            return inner
        case .count(let comparison, let n):
            // No element can match, so the count is 0: a bound 0 meets makes the count
            // a presence test, but the `where` is the mistake to report, once.
            if comparison.holds(0 < n ? -1 : 0 > n ? 1 : 0) {
                close(inner)
                return nil
            }
            return inner
        case .every:
            // True for an empty list, so not "never": the `where` is reported on its own.
            close(inner)
            return nil
        }
    }

    // MARK: siblings

    /// Tests under one `all` that cannot hold together; the finding points at
    /// the later of the conflicting tests.
    private func contradictions(_ items: [CompiledCondition], base: [String]) -> [Verdict] {
        if let (earlier, later) = negatedPair(items) {
            return [
                Verdict(
                    kind: .never, message: "`all` requires a condition and its negation (`not`)", location: later,
                    help: "the other one is at line \(earlier.line)")
            ]
        }
        var found: [Verdict] = []
        // A path or count already in conflict is not reported again for later tests.
        var settled = Set<String>()
        var byPath: [String: PathTests] = [:]
        var counts: [String: CountBounds] = [:]
        for item in items.sorted(by: { $0.location < $1.location }) {
            switch item {
            case .predicate(let p):
                let steps = ConditionWalk.absolute(p.path, base: base)
                let key = steps.joined(separator: ".")
                guard !settled.contains(key) else { continue }
                var tests = byPath[key] ?? PathTests(path: p.path.text, scalar: isScalar(p.path, steps: steps, base: base))
                if let conflict = tests.add(p) {
                    found.append(conflict)
                    settled.insert(key)
                }
                byPath[key] = tests
            case .quantifier(let q):
                guard case .count(let comparison, let n) = q.kind else { continue }
                let key = ConditionWalk.absolute(q.path, base: base).joined(separator: ".") + "|" + q.condition.canonical
                guard !settled.contains(key) else { continue }
                var bounds = counts[key] ?? CountBounds()
                bounds.add(comparison, n, written: "\(comparison.rawValue): \(n)")
                if let upper = bounds.upper, bounds.lower > upper {
                    found.append(
                        Verdict(
                            kind: .never,
                            message: "`count` of `\(q.path.text)` cannot be \(bounds.written.joined(separator: " and ")) at once",
                            location: q.location, help: "the counts share their `path` and `where`; fix one of the bounds"))
                    settled.insert(key)
                }
                counts[key] = bounds
            default: continue
            }
        }
        return found
    }

    /// Tests under one `any` of which one always holds.
    private func tautology(_ items: [CompiledCondition], base: [String]) -> Verdict? {
        if let (earlier, later) = negatedPair(items) {
            return Verdict(
                kind: .always, message: "`any` offers a condition and its negation (`not`)",
                location: later, help: "the other one is at line \(earlier.line)")
        }
        var exists: [String: (Bool, SourceLocation)] = [:]
        for item in items.sorted(by: { $0.location < $1.location }) {
            guard case .predicate(let p) = item, case .exists(let b) = p.op else { continue }
            let key = ConditionWalk.absolute(p.path, base: base).joined(separator: ".")
            if let (other, _) = exists[key], other != b {
                return Verdict(
                    kind: .always, message: "`any` accepts `\(p.path.text)` both present and missing",
                    location: p.operandLocation ?? p.location)
            }
            exists[key] = (b, p.location)
        }
        return nil
    }

    /// A condition and `not` of the same condition, as (earlier, later) locations.
    private func negatedPair(_ items: [CompiledCondition]) -> (SourceLocation, SourceLocation)? {
        let canonical = items.map(\.canonical)
        for (i, item) in items.enumerated() {
            guard case .not(let inner, _) = item else { continue }
            let negated = inner.canonical
            if let j = canonical.firstIndex(of: negated), j != i {
                let pair = [items[i].location, items[j].location].sorted()
                return (pair[0], pair[1])
            }
        }
        return nil
    }

    /// Whether the schema makes the path a single value where it is tested.
    private func isScalar(_ path: CasePath, steps: [String], base: [String]) -> Bool {
        guard let lookup, let shape = lookup.shape(steps, base: path.fromRoot ? 0 : base.count),
            let element = shape.element
        else { return false }
        return !shape.isList && element != .object
    }
}

/// The tests of one path under one `all`, accumulated in source order.
private struct PathTests {
    let path: String
    let scalar: Bool
    var written: [String] = []
    var exists: Bool?
    var presenceTest: String?
    /// Values allowed by `equals`/`in` so far; nil when none constrained it.
    var allowed: [Value]?
    var numberLow: (Double, Bool)?
    var numberHigh: (Double, Bool)?
    var dateLow: (Instant, Bool)?
    var dateHigh: (Instant, Bool)?

    init(path: String, scalar: Bool) {
        self.path = path
        self.scalar = scalar
    }

    mutating func add(_ p: Predicate) -> ConditionTruth.Verdict? {
        let text = p.op.writtenForm
        defer { written.append(text) }
        let earlier = written.map { "`\($0)`" }.joined(separator: " and ")
        func conflict(_ message: String) -> ConditionTruth.Verdict {
            ConditionTruth.Verdict(
                kind: .never, message: message, location: p.location,
                help: "every test under `all` must hold at once; remove or correct one of them")
        }
        if case .exists(let b) = p.op {
            if let e = exists, e != b {
                return conflict("`\(path)` cannot be both present and missing (`exists: \(!b)` and `exists: \(b)`)")
            }
            if !b, let other = presenceTest {
                return conflict("`\(path)` must be missing for `exists: false`, but `\(other)` needs it present")
            }
            exists = b
            return nil
        }
        // Every other operator is false on a missing path (SPEC §1.3).
        if exists == false {
            return conflict("`\(text)` needs `\(path)` present, but `exists: false` requires it missing")
        }
        presenceTest = presenceTest ?? text
        guard scalar else { return nil }
        switch p.op {
        case .equals(let v): narrow([v])
        case .in(let vs): narrow(vs)
        case .compare(let c, .number(let n)):
            if c == .gt || c == .gte { numberLow = tighterLow(numberLow, (n, c == .gte)) }
            if c == .lt || c == .lte { numberHigh = tighterHigh(numberHigh, (n, c == .lte)) }
        case .compare(let c, .date(let d)):
            if c == .gt || c == .gte { dateLow = tighterLow(dateLow, (d, c == .gte)) }
            if c == .lt || c == .lte { dateHigh = tighterHigh(dateHigh, (d, c == .lte)) }
        default: return nil
        }
        guard !earlier.isEmpty, isEmpty else { return nil }
        return conflict("`\(path)` is a single value and cannot meet `\(text)` together with \(earlier)")
    }

    private mutating func narrow(_ values: [Value]) {
        guard let current = allowed else {
            allowed = values
            return
        }
        allowed = current.filter { v in values.contains { $0.policyEquals(v) } }
    }

    /// Whether no single value can pass every test so far.
    private var isEmpty: Bool {
        let hasNumberBound = numberLow != nil || numberHigh != nil
        let hasDateBound = dateLow != nil || dateHigh != nil
        if hasNumberBound && hasDateBound { return true }
        if let l = numberLow, let h = numberHigh, l.0 > h.0 || (l.0 == h.0 && !(l.1 && h.1)) { return true }
        if let l = dateLow, let h = dateHigh, l.0 > h.0 || (l.0 == h.0 && !(l.1 && h.1)) { return true }
        guard let allowed else { return false }
        return !allowed.contains { value in
            if hasNumberBound {
                guard let n = value.numberValue else { return false }
                return Self.within(n, numberLow, numberHigh)
            }
            if hasDateBound {
                guard let d = value.stringValue.flatMap(Instant.parse) else { return false }
                return Self.within(d, dateLow, dateHigh)
            }
            return true
        }
    }

    private static func within<T: Comparable>(_ v: T, _ low: (T, Bool)?, _ high: (T, Bool)?) -> Bool {
        if let low, v < low.0 || (v == low.0 && !low.1) { return false }
        if let high, v > high.0 || (v == high.0 && !high.1) { return false }
        return true
    }

    private func tighterLow<T: Comparable>(_ a: (T, Bool)?, _ b: (T, Bool)) -> (T, Bool) {
        guard let a else { return b }
        if a.0 != b.0 { return a.0 > b.0 ? a : b }
        return (a.0, a.1 && b.1)
    }

    private func tighterHigh<T: Comparable>(_ a: (T, Bool)?, _ b: (T, Bool)) -> (T, Bool) {
        guard let a else { return b }
        if a.0 != b.0 { return a.0 < b.0 ? a : b }
        return (a.0, a.1 && b.1)
    }
}

/// `count` bounds on one path and `where`, as a range of whole numbers.
private struct CountBounds {
    var lower = 0
    var upper: Int?
    var written: [String] = []

    mutating func add(_ comparison: Comparison, _ n: Int, written text: String) {
        written.append("`\(text)`")
        switch comparison {
        case .gt: lower = max(lower, n + 1)
        case .gte: lower = max(lower, n)
        case .lt: upper = min(upper ?? n - 1, n - 1)
        case .lte: upper = min(upper ?? n, n)
        case .equals:
            lower = max(lower, n)
            upper = min(upper ?? n, n)
        }
    }
}

extension PredicateOperator {
    /// `op: operand` as a policy author would write it.
    var writtenForm: String {
        switch self {
        case .equals(let v), .contains(let v): return "\(name): \(v.displayText)"
        case .in(let vs), .containsAny(let vs), .containsAll(let vs):
            return "\(name): [\(vs.map(\.displayText).joined(separator: ", "))]"
        case .exists(let b): return "exists: \(b)"
        case .compare(_, .number(let n)): return "\(name): \(n == n.rounded() && abs(n) < 1e15 ? String(Int(n)) : String(n))"
        case .compare(_, .date(let d)): return "\(name): \(d)"
        case .glob(let g): return "glob: \(Value.string(g.text).displayText)"
        case .startsWith(let s): return "starts_with: \(Value.string(s).displayText)"
        case .endsWith(let s): return "ends_with: \(Value.string(s).displayText)"
        case .within(let span): return "within: \(span.text)"
        }
    }
}
