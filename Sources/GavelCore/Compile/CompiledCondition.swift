/// A condition after validation: paths split, operators resolved to cases
/// with typed operands. The evaluator only ever sees this form.
public indirect enum CompiledCondition: Sendable {
    case all([CompiledCondition], SourceLocation)
    case any([CompiledCondition], SourceLocation)
    case not(CompiledCondition, SourceLocation)
    case predicate(Predicate)
    case quantifier(Quantifier)
    case screen(ScreenSpec)

    public var location: SourceLocation {
        switch self {
        case .all(_, let l), .any(_, let l), .not(_, let l): return l
        case .predicate(let p): return p.location
        case .quantifier(let q): return q.location
        case .screen(let s): return s.location
        }
    }
}

/// A dotted path into the case; `$.` makes it absolute inside a `where`.
public struct CasePath: Sendable, Hashable, CustomStringConvertible {
    public var text: String
    public var steps: [String]
    public var fromRoot: Bool
    /// Where the path is written; nil for paths made by the engine itself.
    public var location: SourceLocation?

    public init(text: String, steps: [String], fromRoot: Bool, location: SourceLocation? = nil) {
        self.text = text
        self.steps = steps
        self.fromRoot = fromRoot
        self.location = location
    }

    public var description: String { text }

    /// Paths are the same path wherever they are written.
    public static func == (lhs: CasePath, rhs: CasePath) -> Bool { lhs.text == rhs.text }
    public func hash(into hasher: inout Hasher) { hasher.combine(text) }
}

public struct Predicate: Sendable {
    public var path: CasePath
    public var op: PredicateOperator
    public var location: SourceLocation
    /// Where the operand is written (the whole list for `in` and the `contains_*` operators), for lint.
    public var operandLocation: SourceLocation? = nil
    /// Where each operand value is written: the items of a list operand, else the single value.
    public var operandLocations: [SourceLocation] = []
}

public enum Comparison: String, Sendable {
    case gt, gte, lt, lte, equals

    func holds(_ order: Int) -> Bool {
        switch self {
        case .gt: return order > 0
        case .gte: return order >= 0
        case .lt: return order < 0
        case .lte: return order <= 0
        case .equals: return order == 0
        }
    }
}

/// What `gt`/`gte`/`lt`/`lte` compare against: decided at compile time from the operand.
public enum Bound: Sendable {
    case number(Double)
    case date(Instant)
}

public enum PredicateOperator: Sendable {
    case equals(Value)
    case `in`([Value])
    case contains(Value)
    case containsAny([Value])
    case containsAll([Value])
    case exists(Bool)
    case compare(Comparison, Bound)
    case glob(GlobPattern)
    case startsWith(String)
    case endsWith(String)
    case within(Span)

    public var name: String {
        switch self {
        case .equals: return "equals"
        case .in: return "in"
        case .contains: return "contains"
        case .containsAny: return "contains_any"
        case .containsAll: return "contains_all"
        case .exists: return "exists"
        case .compare(let c, _): return c.rawValue
        case .glob: return "glob"
        case .startsWith: return "starts_with"
        case .endsWith: return "ends_with"
        case .within: return "within"
        }
    }

    public static let names = [
        "equals", "in", "contains", "contains_any", "contains_all", "exists", "gt", "gte", "lt", "lte",
        "glob", "starts_with", "ends_with", "within",
    ]
}

public struct Quantifier: Sendable {
    public enum Kind: Sendable {
        case some, every
        case count(Comparison, Int)
    }

    public var kind: Kind
    public var path: CasePath
    public var condition: CompiledCondition
    public var location: SourceLocation

    public var name: String {
        switch kind {
        case .some: return "some"
        case .every: return "every"
        case .count: return "count"
        }
    }
}

public struct ScreenSpec: Sendable {
    public var lists: [String]
    public var names: [CasePath]
    public var identifiers: [(kind: String, paths: [CasePath])]
    public var minScore: Double
    public var below: Double?
    public var types: [ListEntry.EntryType]?
    public var location: SourceLocation
}
