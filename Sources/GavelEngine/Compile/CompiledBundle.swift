import GavelSyntax

/// A bundle after loading and validation: what every evaluation runs on.
public struct CompiledBundle: Sendable {
    package var manifest: BundleManifest
    /// SPEC §1.1: SHA-256 over the sorted (relative path, SHA-256) of every file read.
    public var digest: String
    package var files: [BundleFile]
    /// Sorted by id, which is also the order of every record (SPEC §2 step 7).
    package var rules: [CompiledRule]
    package var exceptions: [CompiledException]
    /// In bundle order: the order their obligations are added in.
    package var followUps: [CompiledFollowUp] = []
    package var lists: [CompiledList]
    package var schema: CaseSchema?
    /// Ladder position of each decision id; higher is more severe.
    package var severity: [String: Int]
    /// How many distinct paths conditions read from the case root (`CasePath.slot`).
    package var pathSlots = 0
    /// How many quantifiers are decided once per case (`Quantifier.memo`).
    package var quantifierMemos = 0
    /// How many root-path predicates are tested once per case (`Predicate.memo`).
    package var predicateMemos = 0
    /// How many element predicates each element of a per-case quantifier's list has a memo for (`Predicate.elementMemo`).
    package var elementPredicateMemos = 0

    package func list(_ id: String) -> CompiledList? { lists.first { $0.id == id } }

    /// Lists of ordinary words and names: named by a screen's `skip_names_on`
    /// or `only_names_on` and never in any screen's `lists`. Not designations:
    /// `gavel screen` leaves them out unless asked for them.
    package var wordListIDs: Set<String> {
        var screened: Set<String> = []
        var named: Set<String> = []
        for condition in rules.map(\.condition) + exceptions.map(\.condition) {
            ConditionWalk.visit(condition) { node, _ in
                guard case .screen(let spec) = node else { return }
                screened.formUnion(spec.lists)
                named.formUnion(spec.spellings.skipLists + spec.spellings.onlyLists)
            }
        }
        return named.subtracting(screened)
    }
}

package struct BundleFile: Sendable, Hashable {
    package var path: String
    public var digest: String
    package var bytes: [UInt8]
}

/// A compiled rule. A class: every decision's outcomes refer to the bundle's
/// rules, and a reference costs one retain where a copy of every field cost
/// a dozen, per rule, per case.
package final class CompiledRule: Sendable {
    package let id: String
    package let policyID: String
    package let title: String
    package let basis: Basis
    package let condition: CompiledCondition
    /// `condition` laid out for deciding.
    package let program: ConditionProgram
    package let decision: String
    package let severity: Int
    package let obligations: [String]
    package let mandatory: Bool
    package let effective: Instant?
    package let expires: Instant?
    package let scope: RuleScope
    package let reason: ReasonTemplate?
    package let location: SourceLocation
    /// Whether the condition screens names: every screen is then evaluated.
    package let screens: Bool
    /// `id` as a JSON string, quoted and escaped once: every record lists
    /// every rule that did not decide by its id.
    package let quotedID: [UInt8]

    package init(
        id: String, policyID: String, title: String, basis: Basis, condition: CompiledCondition, decision: String,
        severity: Int, obligations: [String], mandatory: Bool, effective: Instant?, expires: Instant?, scope: RuleScope,
        reason: ReasonTemplate?, location: SourceLocation
    ) {
        self.id = id
        self.policyID = policyID
        self.title = title
        self.basis = basis
        self.condition = condition
        program = ConditionProgram(condition)
        self.decision = decision
        self.severity = severity
        self.obligations = obligations
        self.mandatory = mandatory
        self.effective = effective
        self.expires = expires
        self.scope = scope
        self.reason = reason
        self.location = location
        screens = condition.screens
        var quoted = ByteBuffer(capacity: id.utf8.count + 8)
        JSONWriter.quote(id, into: &quoted)
        quotedID = quoted.array
    }
}

package final class CompiledException: Sendable {
    package let id: String
    package let policyID: String
    package let title: String
    package let suspends: [String]
    package let condition: CompiledCondition
    /// `condition` laid out for deciding.
    package let program: ConditionProgram
    package let basis: Basis
    package let effective: Instant?
    package let expires: Instant?
    package let location: SourceLocation
    package let screens: Bool

    package init(
        id: String, policyID: String, title: String, suspends: [String], condition: CompiledCondition, basis: Basis,
        effective: Instant?, expires: Instant?, location: SourceLocation
    ) {
        self.id = id
        self.policyID = policyID
        self.title = title
        self.suspends = suspends
        self.condition = condition
        program = ConditionProgram(condition)
        self.basis = basis
        self.effective = effective
        self.expires = expires
        self.location = location
        screens = condition.screens
    }
}

extension CompiledCondition {
    /// Whether any node is a `screen`.
    package var screens: Bool { ConditionWalk.contains(self) { if case .screen = $0 { return true } else { return false } } }
}

/// Rules and exceptions share one notion of being in force.
package protocol InForceWindow {
    var effective: Instant? { get }
    var expires: Instant? { get }
}

extension InForceWindow {
    /// In force from `effective` (inclusive) until `expires` (exclusive): the
    /// day an order is revoked, it no longer applies.
    package func isInForce(on date: Instant) -> Bool {
        if let effective, date < effective { return false }
        if let expires, date >= expires { return false }
        return true
    }

    /// Whether this is in force on every date `other` is (nil bounds unbounded).
    package func covers(_ other: some InForceWindow) -> Bool {
        if let effective {
            guard let start = other.effective, start >= effective else { return false }
        }
        if let expires {
            guard let end = other.expires, end <= expires else { return false }
        }
        return true
    }
}

package struct CompiledFollowUp: Sendable {
    package var id: String
    package var obligation: String
    /// Ladder position of `decision_at_least`.
    package var severity: Int
    package let condition: CompiledCondition?
    /// `condition` laid out for deciding.
    package let program: ConditionProgram?
    package var basis: Basis
    package var effective: Instant?
    package var expires: Instant?
    package var location: SourceLocation

    package init(
        id: String, obligation: String, severity: Int, condition: CompiledCondition?, basis: Basis, effective: Instant?,
        expires: Instant?, location: SourceLocation
    ) {
        self.id = id
        self.obligation = obligation
        self.severity = severity
        self.condition = condition
        program = condition.map(ConditionProgram.init)
        self.basis = basis
        self.effective = effective
        self.expires = expires
        self.location = location
    }
}

extension CompiledFollowUp: InForceWindow {}
extension CompiledRule: InForceWindow {}
extension CompiledException: InForceWindow {}
