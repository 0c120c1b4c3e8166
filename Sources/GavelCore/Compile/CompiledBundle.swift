/// A bundle after loading and validation: what every evaluation runs on.
public struct CompiledBundle: Sendable {
    public var manifest: BundleManifest
    /// SPEC §1.1: SHA-256 over the sorted (relative path, SHA-256) of every file read.
    public var digest: String
    public var files: [BundleFile]
    /// Sorted by id, which is also the order of every record (SPEC §2 step 7).
    public var rules: [CompiledRule]
    public var exceptions: [CompiledException]
    public var lists: [CompiledList]
    public var schema: CaseSchema?
    /// Ladder position of each decision id; higher is more severe.
    public var severity: [String: Int]

    public func list(_ id: String) -> CompiledList? { lists.first { $0.id == id } }
}

public struct BundleFile: Sendable, Hashable {
    public var path: String
    public var digest: String
    public var bytes: [UInt8]
}

public struct CompiledRule: Sendable {
    public var id: String
    public var policyID: String
    public var title: String
    public var basis: [String]
    public var condition: CompiledCondition
    public var decision: String
    public var severity: Int
    public var obligations: [String]
    public var mandatory: Bool
    public var effective: Instant?
    public var expires: Instant?
    public var scope: RuleScope
    public var reason: ReasonTemplate?
    public var location: SourceLocation
}

public struct CompiledException: Sendable {
    public var id: String
    public var policyID: String
    public var title: String
    public var suspends: [String]
    public var condition: CompiledCondition
    public var basis: [String]
    public var effective: Instant?
    public var expires: Instant?
    public var location: SourceLocation
}

/// Rules and exceptions share one notion of being in force.
public protocol InForceWindow {
    var effective: Instant? { get }
    var expires: Instant? { get }
}

extension InForceWindow {
    /// In force from `effective` (inclusive) until `expires` (exclusive): the
    /// day an order is revoked, it no longer applies.
    public func isInForce(on date: Instant) -> Bool {
        if let effective, date < effective { return false }
        if let expires, date >= expires { return false }
        return true
    }
}

extension CompiledRule: InForceWindow {}
extension CompiledException: InForceWindow {}
