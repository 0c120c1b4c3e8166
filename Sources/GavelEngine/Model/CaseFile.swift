import GavelSyntax

/// `kind: Case` — one customer/site record to decide (SPEC §1.4).
public struct CaseRecord: Sendable {
    public var id: String
    public var asOf: Instant?
    /// Everything but the reserved keys; paths resolve from here.
    package var data: Value
    /// The whole document, reserved keys included: what the digest covers.
    package var document: Value
    package var expect: CaseExpectation?
    package var location: SourceLocation

    /// SHA-256 of the document as canonical JSON (SPEC §2.1). Computed when a
    /// record is written, not when the case is read: deciding alone needs none.
    public var digest: String { CanonicalJSON.digest(document) }

    package static let reservedKeys: Set<String> = ["kind", "id", "as_of", "expect", "notes"]
}

/// `expect:` — what `gavel test` and the regression tests check (SPEC §1.6).
package struct CaseExpectation: Sendable, Hashable {
    package var decision: String?
    package var determinedBy: [String]?
    package var obligations: [String]?
    package var exceptionsApplied: [String]?
    package var matchMethods: [String]?
    package var matched: [String] = []
    package var notMatched: [String] = []
    package var suspended: [String] = []
    package var notInForce: [String] = []
    package var location: SourceLocation
    /// Where `decision` is written, for a decision the ladder lacks.
    package var decisionLocation: SourceLocation? = nil
    /// Every rule or exception id the expectation names, where it is written,
    /// so an unknown one is reported at its own line.
    package var namedIDs: [NamedID] = []

    package struct NamedID: Sendable, Hashable {
        package var field: String
        package var id: String
        package var location: SourceLocation
        /// `exceptions_applied` names exceptions; every other field names rules.
        package var namesException: Bool { field == "exceptions_applied" }
    }

    package static let fields = [
        "decision", "determined_by", "obligations", "exceptions_applied", "match_methods",
        "matched", "not_matched", "suspended", "not_in_force",
    ]
}
