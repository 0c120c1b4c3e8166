/// How each node of a condition came out, with the values it saw: the part
/// of the record that lets a reader check a decision by hand.
public struct ConditionTrace: Sendable {
    public var op: String
    public var path: String?
    public var expected: JSON?
    public var actual: JSON?
    public var result: Bool
    /// `missing` or `type_mismatch` when that is why a predicate is false.
    public var note: Outcome?
    public var children: [ConditionTrace]
    public var location: SourceLocation

    public init(
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
    public var problems: [ConditionTrace] {
        (note == nil ? [] : [self]) + children.flatMap(\.problems)
    }
}
