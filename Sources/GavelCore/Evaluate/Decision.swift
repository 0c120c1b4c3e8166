/// The outcome of evaluating one case: everything the decision record holds,
/// before rendering.
public struct Decision: Sendable {
    public var caseID: String
    public var caseDigest: String
    public var asOf: Instant
    public var decision: String
    public var determinedBy: [String]
    /// Set when no rule applied and the bundle default decided.
    public var defaultReason: String?
    public var scope: RuleScope
    public var obligations: [Obligation]
    public var rules: [RuleOutcome]
    public var exceptions: [ExceptionOutcome]
    public var matches: [ScreenMatch]
    /// Missing paths and type mismatches that `--strict` turned into errors.
    public var errors: [Diagnostic]
}

public struct Obligation: Sendable, Hashable {
    public var name: String
    public var rule: String
}

/// A closed set: adding a status must break every caller on purpose.
public enum RuleStatus: String, Sendable, CaseIterable {
    case matched
    case notMatched = "not_matched"
    case suspended
    case notInForce = "not_in_force"
    case error
}

public struct RuleOutcome: Sendable {
    public var rule: CompiledRule
    public var status: RuleStatus
    public var suspendedBy: String?
    public var reason: String?
    public var trace: ConditionTrace?
}

public struct ExceptionOutcome: Sendable {
    public enum Status: String, Sendable { case applied, notApplied = "not_applied", notInForce = "not_in_force" }

    public var exception: CompiledException
    public var status: Status
    /// The matched rules this exception actually suspended.
    public var suspended: [String]
    public var trace: ConditionTrace?
}
