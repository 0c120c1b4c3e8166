import GavelSyntax

/// How each node of a condition came out, with the values it saw: the part
/// of the record that lets a reader check a decision by hand.
package struct ConditionTrace: Sendable {
    package var op: String
    package var path: String?
    package var expected: JSON?
    package var actual: JSON?
    package var result: Bool
    /// `missing` or `type_mismatch` when that is why a predicate is false.
    package var note: Outcome?
    package var children: [ConditionTrace]
    package var location: SourceLocation

    package init(
        op: String, path: String? = nil, expected: JSON? = nil, actual: JSON? = nil, result: Bool,
        note: Outcome? = nil, children: [ConditionTrace] = [], location: SourceLocation
    ) {
        self.op = op
        self.path = path
        self.expected = expected
        self.actual = actual
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
