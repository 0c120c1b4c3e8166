import GavelSyntax

/// The outcome of evaluating one case: everything the decision record holds,
/// before rendering.
public struct Decision: Sendable {
    public var caseID: String
    /// The case as read; its digest is computed when the record is written.
    package var caseDocument: Value
    public var caseDigest: String { CanonicalJSON.digest(caseDocument) }
    public var asOf: Instant
    public var asOfSource: AsOfSource
    package var traceLevel: TraceLevel
    public var decision: String
    public var determinedBy: [String]
    /// Set when no rule applied and the bundle default decided.
    package var defaultReason: String?
    package var scope: RuleScope
    public var obligations: [Obligation]
    package var rules: [RuleOutcome]
    package var exceptions: [ExceptionOutcome]
    package var matches: [ScreenMatch]
    /// Missing paths and type mismatches that `--strict` turned into errors.
    public var errors: [Diagnostic]
    /// `--explain-screening`: the entries each screened name came closest to without matching.
    package var nearMisses: [NearMiss] = []

    /// The matched rules' ids, in the decision's rule order, which is id
    /// order (SPEC §2 step 7): the decision log's `rules` column and the
    /// benchmark's results. Read in place by index (a loop over the outcomes
    /// copied each one), and here rather than in those callers: from another
    /// module `RuleStatus`'s `==` is a call through `Equatable`'s witness per rule.
    package var matchedRuleIDs: [String] {
        var ids: [String] = []
        for i in rules.indices where rules[i].status == .matched { ids.append(rules[i].rule.id) }
        return ids
    }
}

public struct Obligation: Sendable, Hashable {
    public enum Source: Sendable, Hashable {
        case rule(String)
        /// A `follow_up` of the bundle, owed because of the decision reached.
        case followUp(String, basis: [String])
    }

    public var name: String
    public var source: Source

    /// The rule or follow-up id that owes it.
    public var owedBy: String {
        switch source {
        case .rule(let id), .followUp(let id, _): return id
        }
    }
}

/// A closed set: adding a status must break every caller on purpose.
package enum RuleStatus: String, Sendable, CaseIterable {
    case matched
    case notMatched = "not_matched"
    case suspended
    case notInForce = "not_in_force"
    case error

    /// Statuses whose trace the decisive level keeps: what decided, or could have.
    package var isDecisive: Bool { self == .matched || self == .suspended || self == .error }
}

package struct RuleOutcome: Sendable {
    public var rule: CompiledRule
    package var status: RuleStatus
    package var suspendedBy: String?
    package var reason: String?
    /// One array of nodes: outcomes are copied often, and a copy costs one reference count.
    package var trace: ConditionTrace?

    package init(rule: CompiledRule, status: RuleStatus, suspendedBy: String? = nil, reason: String? = nil, trace: ConditionTrace? = nil) {
        self.rule = rule
        self.status = status
        self.suspendedBy = suspendedBy
        self.reason = reason
        self.trace = trace
    }
}


package struct ExceptionOutcome: Sendable {
    package enum Status: String, Sendable { case applied, notApplied = "not_applied", notInForce = "not_in_force" }

    package var exception: CompiledException
    package var status: Status
    /// The matched rules this exception actually suspended.
    package var suspended: [String]
    package var trace: ConditionTrace?
}
