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

    package func list(_ id: String) -> CompiledList? { lists.first { $0.id == id } }
}

package struct BundleFile: Sendable, Hashable {
    package var path: String
    public var digest: String
    package var bytes: [UInt8]
}

package struct CompiledRule: Sendable {
    package var id: String
    package var policyID: String
    package var title: String
    package var basis: [String]
    package var condition: CompiledCondition
    package var decision: String
    package var severity: Int
    package var obligations: [String]
    package var mandatory: Bool
    package var effective: Instant?
    package var expires: Instant?
    package var scope: RuleScope
    package var reason: ReasonTemplate?
    package var location: SourceLocation
    /// Whether the condition screens names: every screen is then evaluated.
    package var screens: Bool { ConditionWalk.contains(condition) { if case .screen = $0 { return true } else { return false } } }
}

package struct CompiledException: Sendable {
    package var id: String
    package var policyID: String
    package var title: String
    package var suspends: [String]
    package var condition: CompiledCondition
    package var basis: [String]
    package var effective: Instant?
    package var expires: Instant?
    package var location: SourceLocation
    package var screens: Bool { ConditionWalk.contains(condition) { if case .screen = $0 { return true } else { return false } } }
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
}

package struct CompiledFollowUp: Sendable {
    package var id: String
    package var obligation: String
    /// Ladder position of `decision_at_least`.
    package var severity: Int
    package var condition: CompiledCondition?
    package var basis: [String]
    package var effective: Instant?
    package var expires: Instant?
    package var location: SourceLocation
}

extension CompiledFollowUp: InForceWindow {}
extension CompiledRule: InForceWindow {}
extension CompiledException: InForceWindow {}
