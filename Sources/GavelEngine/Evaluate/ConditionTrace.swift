import GavelSyntax

/// How each node of a condition came out, with the values it saw: the part
/// of the record that lets a reader check a decision by hand.
///
/// A class: traces are trees built once and only read after, and a node
/// passed around costs one retain instead of one per field.
package final class ConditionTrace: Sendable {
    package let step: TraceStep
    package let path: String?
    package let expected: JSON?
    /// What the case held at `path` (a screen: the names it screened); case data, kept as it was read.
    package let actual: Value?
    /// For a quantifier: how many list elements satisfied `where`, of how many
    /// (the record writes it as `actual: {matching, of}`).
    package let quantified: QuantifiedCount?
    package let result: Bool
    /// Why a predicate is false when the case could not answer it.
    package let note: TraceNote?
    package let children: [ConditionTrace]
    package let location: SourceLocation

    package init(
        step: TraceStep, path: String? = nil, expected: JSON? = nil, actual: Value? = nil,
        quantified: QuantifiedCount? = nil, result: Bool, note: TraceNote? = nil, children: [ConditionTrace] = [],
        location: SourceLocation
    ) {
        self.step = step
        self.path = path
        self.expected = expected
        self.actual = actual
        self.quantified = quantified
        self.result = result
        self.note = note
        self.children = children
        self.location = location
    }

    /// Every place where a path was missing or a type did not fit, for `--strict`.
    package var problems: [ConditionTrace] {
        (note == nil ? [] : [self]) + children.flatMap(\.problems)
    }
}

package struct QuantifiedCount: Sendable, Hashable {
    package var matching: Int
    package var of: Int
}

/// Recorded on a trace node that is false because the case could not answer it.
package enum TraceNote: String, Sendable {
    case missing
    case typeMismatch = "type_mismatch"
}
