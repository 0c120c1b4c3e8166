import GavelSyntax

/// How one predicate came out. `missing` and `typeMismatch` are false for the
/// decision but are recorded in the trail (and are errors under `--strict`).
package enum PredicateOutcome: Sendable {
    case holds, fails, missing, typeMismatch

    var isTrue: Bool { self == .holds }

    /// What the trail notes about it: why it is false, when the case could not answer.
    var note: TraceNote? {
        switch self {
        case .holds, .fails: return nil
        case .missing: return .missing
        case .typeMismatch: return .typeMismatch
        }
    }
}

/// The operator semantics of SPEC §1.3/§1.6, shared by the traced and the
/// fast evaluation paths so they cannot disagree.
enum PredicateTest {
    static func test(_ op: PredicateOperator, _ resolved: Value?, asOf: Instant) -> PredicateOutcome {
        if case .exists(let expected) = op { return (resolved != nil) == expected ? .holds : .fails }
        guard let value = resolved else { return .missing }
        switch op {
        case .exists: return .fails
        // The four equality operators are written out as index loops (no
        // closures, no copies of list elements); they are the same rules as
        // `anyElement` and `containerTest` below, where equality can only say yes or no.
        case .equals(let operand):
            if case .list(let items) = value {
                for i in items.indices where items[i].policyEquals(operand) { return .holds }
                return .fails
            }
            return value.policyEquals(operand) ? .holds : .fails
        case .in(let operands):
            if case .list(let items) = value {
                for i in items.indices where isAny(items[i], of: operands) { return .holds }
                return .fails
            }
            return isAny(value, of: operands) ? .holds : .fails
        case .contains(let operand):
            switch value {
            case .list(let items):
                for i in items.indices where items[i].policyEquals(operand) { return .holds }
                return .fails
            case .map: return .typeMismatch
            default: return value.policyEquals(operand) ? .holds : .fails
            }
        case .containsAny(let operands):
            switch value {
            case .list(let items):
                for i in items.indices where isAny(items[i], of: operands) { return .holds }
                return .fails
            case .map: return .typeMismatch
            default: return isAny(value, of: operands) ? .holds : .fails
            }
        case .containsAll(let operands):
            return containerTest(value) { items in operands.allSatisfy { operand in items.contains { $0.policyEquals(operand) } } }
        case .compare(let comparison, let bound):
            return anyElement(value) { compare($0, comparison, bound) }
        case .glob(let pattern):
            return anyElement(value) { v in v.stringValue.map { .bool(pattern.matches($0)) } ?? .mismatch }
        case .startsWith(let prefix):
            return anyElement(value) { v in v.stringValue.map { .bool($0.lowercased().hasPrefix(prefix.lowercased())) } ?? .mismatch }
        case .endsWith(let suffix):
            return anyElement(value) { v in v.stringValue.map { .bool($0.lowercased().hasSuffix(suffix.lowercased())) } ?? .mismatch }
        case .within(let span):
            return anyElement(value) { v in
                guard let date = v.stringValue.flatMap(Instant.parse) else { return .mismatch }
                return .bool(asOf.adding(seconds: -span.seconds) <= date && date <= asOf)
            }
        }
    }

    /// Whether `value` equals one of `operands` (policy equality).
    private static func isAny(_ value: Value, of operands: [Value]) -> Bool {
        for i in operands.indices where value.policyEquals(operands[i]) { return true }
        return false
    }

    /// Per-element result of a scalar operator.
    enum Element {
        case yes, no, mismatch
        static func bool(_ b: Bool) -> Element { b ? .yes : .no }
    }

    /// A scalar operator meets a list when any element satisfies it; the
    /// trail says `type_mismatch` only if nothing matched and some element
    /// had the wrong type.
    private static func anyElement(_ value: Value, _ test: (Value) -> Element) -> PredicateOutcome {
        if case .list(let items) = value {
            var mismatch = false
            for item in items {
                switch test(item) {
                case .yes: return .holds
                case .no: break
                case .mismatch: mismatch = true
                }
            }
            return mismatch ? .typeMismatch : .fails
        }
        switch test(value) {
        case .yes: return .holds
        case .no: return .fails
        case .mismatch: return .typeMismatch
        }
    }

    /// `contains*` need a list; a single scalar counts as a one-element list.
    private static func containerTest(_ value: Value, _ test: ([Value]) -> Bool) -> PredicateOutcome {
        switch value {
        case .list(let items): return test(items) ? .holds : .fails
        case .map: return .typeMismatch
        default: return test([value]) ? .holds : .fails
        }
    }

    /// 2^53: every whole number up to this size is a double exactly.
    static let exactDoubles: Double = 9_007_199_254_740_992

    private static func compare(_ value: Value, _ comparison: Comparison, _ bound: Bound) -> Element {
        switch bound {
        case .number(let b):
            // A whole number against a whole bound compares exactly: as doubles,
            // 9,007,199,254,740,993 is not above 9,007,199,254,740,992.
            // (The compiler keeps whole bounds within ±2^53, where a double is exact.)
            if case .int(let i) = value, b == b.rounded(), abs(b) <= Self.exactDoubles {
                let whole = Int(b)
                return .bool(comparison.holds(i < whole ? -1 : i > whole ? 1 : 0))
            }
            // NaN is in no order: as a number it would compare "equal" to every bound.
            guard let n = value.numberValue, !n.isNaN else { return .mismatch }
            return .bool(comparison.holds(n < b ? -1 : n > b ? 1 : 0))
        case .date(let b):
            guard let d = value.stringValue.flatMap(Instant.parse) else { return .mismatch }
            return .bool(comparison.holds(d < b ? -1 : d > b ? 1 : 0))
        }
    }
}

extension Predicate {
    /// Whether the predicate holds for `value`. A method, so that the
    /// operator is read where it is stored rather than copied out of the
    /// node (a reference count per test) as an argument would be.
    func test(_ value: Value?, asOf: Instant) -> Bool {
        PredicateTest.test(op, value, asOf: asOf).isTrue
    }
}
