/// `kind: Policy` — a set of rules and exceptions with one owner (SPEC §1.2).
public struct Policy: Sendable {
    public var id: String
    public var title: String?
    public var owner: String?
    public var effective: Instant?
    public var expires: Instant?
    public var rules: [Rule]
    public var exceptions: [PolicyException]
    public var location: SourceLocation
    /// The `id` value, for findings about the policy as a whole.
    public var idLocation: SourceLocation? = nil
}

public struct Rule: Sendable {
    public var id: String
    public var title: String
    public var basis: [String]
    /// Kept as written; the compiler turns it into a validated condition.
    public var when: SourceNode
    public var decision: String
    public var decisionLocation: SourceLocation
    public var obligations: [String]
    public var mandatory: Bool
    public var effective: Instant?
    public var expires: Instant?
    public var tags: [String]
    public var scope: RuleScope
    public var reason: String?
    public var reasonLocation: SourceLocation?
    public var location: SourceLocation
    /// The `basis` and `obligations` values when written, for findings about them.
    public var basisLocation: SourceLocation? = nil
    public var obligationsLocation: SourceLocation? = nil
}

/// Where and on which services a rule's action applies; empty means everywhere.
public struct RuleScope: Sendable, Hashable {
    public var jurisdictions: [String]
    public var services: [String]
    public var declared: Bool

    public init(jurisdictions: [String] = [], services: [String] = [], declared: Bool = false) {
        self.jurisdictions = jurisdictions
        self.services = services
        self.declared = declared
    }
}

/// An exception suspends named rules when its condition holds (SPEC §2 step 4).
public struct PolicyException: Sendable {
    public var id: String
    public var title: String
    public var suspends: [String]
    public var suspendsLocations: [SourceLocation]
    public var when: SourceNode
    public var basis: [String]
    public var effective: Instant?
    public var expires: Instant?
    public var location: SourceLocation
    /// The `basis` value when written, for findings about it.
    public var basisLocation: SourceLocation? = nil
}
