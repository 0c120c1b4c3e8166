/// `kind: Case` — one customer/site record to decide (SPEC §1.4).
public struct CaseRecord: Sendable {
    public var id: String
    public var asOf: Instant?
    /// Everything but the reserved keys; paths resolve from here.
    public var data: Value
    /// The whole document, reserved keys included, as canonical JSON: what the
    /// digest covers and what the decision log stores for replay.
    public var canonicalJSON: String
    public var digest: String
    public var expect: CaseExpectation?
    public var location: SourceLocation

    public static let reservedKeys: Set<String> = ["kind", "id", "as_of", "expect", "notes"]
}

/// `expect:` — what `gavel test` and the regression tests check (SPEC §1.6).
public struct CaseExpectation: Sendable, Hashable {
    public var decision: String?
    public var determinedBy: [String]?
    public var obligations: [String]?
    public var exceptionsApplied: [String]?
    public var matchMethods: [String]?
    public var matched: [String] = []
    public var notMatched: [String] = []
    public var suspended: [String] = []
    public var notInForce: [String] = []
    public var location: SourceLocation

    public static let fields = [
        "decision", "determined_by", "obligations", "exceptions_applied", "match_methods",
        "matched", "not_matched", "suspended", "not_in_force",
    ]
}
