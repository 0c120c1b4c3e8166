import GavelSyntax

/// A condition after validation: paths split, operators resolved to cases
/// with typed operands. The evaluator only ever sees this form.
package indirect enum CompiledCondition: Sendable {
    case all([CompiledCondition], SourceLocation)
    case any([CompiledCondition], SourceLocation)
    case not(CompiledCondition, SourceLocation)
    case predicate(Predicate)
    case quantifier(Quantifier)
    case screen(ScreenSpec)

    package var location: SourceLocation {
        switch self {
        case .all(_, let l), .any(_, let l), .not(_, let l): return l
        case .predicate(let p): return p.location
        case .quantifier(let q): return q.location
        case .screen(let s): return s.location
        }
    }
}

/// A dotted path into the case; `$.` makes it absolute inside a `where`.
/// A class: it is read out of condition nodes for every case, and a
/// reference costs one retain where the fields cost four.
package final class CasePath: Sendable, Hashable, CustomStringConvertible {
    package let text: String
    package let steps: [String]
    package let fromRoot: Bool
    /// Where the path is written; nil for paths made by the engine itself.
    package let location: SourceLocation?
    /// For a path read from the case root (outside `where`, or `$.`): its
    /// place in the per-case cache of resolved paths, shared by every rule
    /// that reads the same path. nil for paths relative to a list element.
    package let slot: Int?
    /// The key of a one-step path (most `where` paths), read for every list element.
    package let onlyStep: String?

    package init(text: String, steps: [String], fromRoot: Bool, location: SourceLocation? = nil, slot: Int? = nil) {
        self.text = text
        self.steps = steps
        onlyStep = steps.count == 1 ? steps[0] : nil
        self.fromRoot = fromRoot
        self.location = location
        self.slot = slot
    }

    package var description: String { text }

    /// Paths are the same path wherever they are written.
    package static func == (lhs: CasePath, rhs: CasePath) -> Bool { lhs.text == rhs.text }
    package func hash(into hasher: inout Hasher) { hasher.combine(text) }
}

/// Classes, like the quantifier and screen nodes below: the evaluator visits
/// every node of every rule for every case, and taking a node out of the
/// condition enum then costs one retain instead of one per field.
package final class Predicate: Sendable {
    package let path: CasePath
    package let op: PredicateOperator
    package let location: SourceLocation
    /// Where the operand is written (the whole list for `in` and the `contains_*` operators), for lint.
    package let operandLocation: SourceLocation?
    /// Where each operand value is written: the items of a list operand, else the single value.
    package let operandLocations: [SourceLocation]
    /// The operand as the record shows it, made once rather than per case.
    package let expected: JSON
    /// For a predicate over a path from the case root: its place in the
    /// per-case memo, shared by every rule with the same path and operator,
    /// so it is tested once per case.
    package let memo: Int?
    /// For a predicate over a path relative to the element of a per-case
    /// quantifier's list: its place in that list's per-element memo, shared
    /// by every such predicate with the same path and operator, so that each
    /// element is tested once however many quantifiers ask.
    package let elementMemo: Int?

    package init(
        path: CasePath, op: PredicateOperator, location: SourceLocation, operandLocation: SourceLocation? = nil,
        operandLocations: [SourceLocation] = [], memo: Int? = nil, elementMemo: Int? = nil
    ) {
        self.path = path
        self.op = op
        self.location = location
        self.operandLocation = operandLocation
        self.operandLocations = operandLocations
        self.memo = memo
        self.elementMemo = elementMemo
        expected = op.expectedJSON
        traceMembers = TraceMembers.compact(step: .predicate(op.name), path: path.text, expected: expected)
    }

    /// The trace's `op`, `path` and `expected`, as compact record bytes.
    package let traceMembers: [UInt8]

    /// The same predicate with its memo number.
    package func numbered(_ memo: Int) -> Predicate {
        Predicate(
            path: path, op: op, location: location, operandLocation: operandLocation, operandLocations: operandLocations, memo: memo,
            elementMemo: elementMemo)
    }

    /// The same predicate with its per-element memo number.
    package func numbered(element elementMemo: Int) -> Predicate {
        Predicate(
            path: path, op: op, location: location, operandLocation: operandLocation, operandLocations: operandLocations, memo: memo,
            elementMemo: elementMemo)
    }
}

package enum Comparison: String, Sendable {
    case gt, gte, lt, lte, equals

    package func holds(_ order: Int) -> Bool {
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
package enum Bound: Sendable {
    case number(Double)
    case date(Instant)
}

package enum PredicateOperator: Sendable {
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

    package var name: OperatorName {
        switch self {
        case .equals: return .equals
        case .in: return .in
        case .contains: return .contains
        case .containsAny: return .containsAny
        case .containsAll: return .containsAll
        case .exists: return .exists
        case .compare(.gt, _): return .gt
        case .compare(.gte, _): return .gte
        case .compare(.lt, _): return .lt
        case .compare(.lte, _): return .lte
        case .compare(.equals, _): return .equals
        case .glob: return .glob
        case .startsWith: return .startsWith
        case .endsWith: return .endsWith
        case .within: return .within
        }
    }
}

package final class Quantifier: Sendable {
    package enum Kind: Sendable {
        case some, every
        case count(Comparison, Int)
    }

    package let kind: Kind
    package let path: CasePath
    package let condition: CompiledCondition
    /// `condition` laid out for deciding.
    package let program: ConditionProgram
    package let location: SourceLocation
    /// For a quantifier over a root path, screening nothing: its place in the
    /// per-case memo, shared by every rule with the same quantifier (the
    /// same canonical text), so its list is walked once per case.
    package let memo: Int?

    package init(kind: Kind, path: CasePath, condition: CompiledCondition, location: SourceLocation, memo: Int? = nil) {
        self.kind = kind
        self.path = path
        self.condition = condition
        program = ConditionProgram(condition)
        self.location = location
        self.memo = memo
        if case .count(let comparison, let n) = kind { expected = .object([(comparison.rawValue, .int(n))]) } else { expected = nil }
        traceMembers = TraceMembers.compact(step: .quantifier(Self.form(of: kind)), path: path.text, expected: expected)
    }

    /// The trace's `op`, `path` and `expected`, as compact record bytes.
    package let traceMembers: [UInt8]

    /// `{gte: 2}` for a count, as the record shows it.
    package let expected: JSON?

    /// The same quantifier with its memo number, and `condition` for its `where`.
    package func numbered(_ memo: Int, condition: CompiledCondition) -> Quantifier {
        Quantifier(kind: kind, path: path, condition: condition, location: location, memo: memo)
    }

    package var form: ConditionForm { Self.form(of: kind) }

    private static func form(of kind: Kind) -> ConditionForm {
        switch kind {
        case .some: return .some
        case .every: return .every
        case .count: return .count
        }
    }
}

package final class ScreenSpec: Sendable {
    package let lists: [String]
    package let names: [CasePath]
    package let identifiers: [(kind: String, paths: [CasePath])]
    package let minScore: Double
    package let below: Double?
    package let types: [ListEntry.EntryType]?
    package let location: SourceLocation
    /// `corroborate` and `min_corroboration`, when the screen has either.
    package let corroboration: CorroborationSpec?
    /// `min_length`, `max_length`, `skip_names_on` and `only_names_on`:
    /// which listed spellings the screen's names may match (`SpellingFilter`).
    package let spellings: SpellingFilter
    package var minLength: Int? { spellings.minLength }
    package var maxLength: Int? { spellings.maxLength }

    package init(
        lists: [String], names: [CasePath], identifiers: [(kind: String, paths: [CasePath])], minScore: Double, below: Double?,
        types: [ListEntry.EntryType]?, location: SourceLocation, corroboration: CorroborationSpec? = nil,
        spellings: SpellingFilter = SpellingFilter()
    ) {
        self.lists = lists
        self.names = names
        self.identifiers = identifiers
        self.minScore = minScore
        self.below = below
        self.types = types
        self.location = location
        self.corroboration = corroboration
        self.spellings = spellings
        expected = .object(
            [("lists", .strings(lists)), ("min_score", .double(minScore))] + (below.map { [("below", JSON.double($0))] } ?? [])
                + (corroboration?.minimum.map { [("min_corroboration", JSON.int($0))] } ?? [])
                + (spellings.minLength.map { [("min_length", JSON.int($0))] } ?? [])
                + (spellings.maxLength.map { [("max_length", JSON.int($0))] } ?? [])
                + (spellings.skipLists.isEmpty ? [] : [("skip_names_on", JSON.strings(spellings.skipLists))])
                + (spellings.onlyLists.isEmpty ? [] : [("only_names_on", JSON.strings(spellings.onlyLists))]))
        pathsText = (names + identifiers.flatMap(\.paths)).map(\.text).joined(separator: ", ")
        traceMembers = TraceMembers.compact(step: .screen, path: pathsText, expected: expected)
    }

    /// The trace's `op`, `path` and `expected`, as compact record bytes.
    package let traceMembers: [UInt8]

    /// The record's `expected` and `path` for the screen, made once.
    package let expected: JSON
    package let pathsText: String
}

extension PredicateOperator {
    /// The operand as the record shows it.
    var expectedJSON: JSON {
        switch self {
        case .equals(let v), .contains(let v): return v.json
        case .in(let vs), .containsAny(let vs), .containsAll(let vs): return .array(vs.map(\.json))
        case .exists(let b): return .bool(b)
        case .compare(_, .number(let n)): return n == n.rounded() && abs(n) < 1e15 ? .int(Int(n)) : .double(n)
        case .compare(_, .date(let d)): return .string(d.description)
        case .glob(let g): return .string(g.text)
        case .startsWith(let s), .endsWith(let s): return .string(s)
        case .within(let span): return .string(span.text)
        }
    }
}
