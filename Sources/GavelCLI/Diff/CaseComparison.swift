import GavelEngine
import GavelSyntax

/// What `gavel diff` compares of one decision: the decision, the deciding
/// rules, the obligations, the matches and every rule's status. Everything
/// else in a record (digests, ids, traces) differs between bundles by design.
struct DecisionSummary: Sendable, Equatable {
    var decision: String
    var determinedBy: [String]
    /// `name (owed by)`, sorted.
    var obligations: [String]
    /// `list/entry method score`, sorted.
    var matches: [String]
    /// `matched (terminate)`, `suspended (terminate)`, `not_matched`, … by rule id.
    var statuses: [String: String]

    init(_ d: Decision) {
        decision = d.decision
        determinedBy = d.determinedBy.sorted()
        obligations = Array(Set(d.obligations.map { "\($0.name) (\($0.owedBy))" })).sorted()
        matches = Array(Set(d.matches.map {
            "\($0.list)/\($0.entry) \($0.method.rawValue) \(JSON.format($0.score))\($0.counted ? "" : " (not counted)")"
        })).sorted()
        var statuses: [String: String] = [:]
        // A rule that still matches but now decides something else has changed too.
        for outcome in d.rules {
            let decides = outcome.status == .matched || outcome.status == .suspended
            statuses[outcome.rule.id] = outcome.status.rawValue + (decides ? " (\(outcome.rule.decision))" : "")
        }
        self.statuses = statuses
    }
}

/// One case that decides differently under the two bundles.
struct CaseChange: Sendable {
    var id: String
    var location: SourceLocation
    var before: DecisionSummary
    var after: DecisionSummary
    /// Rules whose status differs (`absent` where a bundle lacks the rule), by rule id.
    var statusChanges: [(rule: String, before: String, after: String)]

    /// nil when nothing `gavel diff` reports changed.
    init?(id: String, location: SourceLocation, before: DecisionSummary, after: DecisionSummary) {
        guard before.decision != after.decision || before.determinedBy != after.determinedBy
            || before.obligations != after.obligations || before.matches != after.matches
        else { return nil }
        self.id = id
        self.location = location
        self.before = before
        self.after = after
        var changes: [(String, String, String)] = []
        for rule in Set(before.statuses.keys).union(after.statuses.keys).sorted() {
            let a = before.statuses[rule] ?? "absent"
            let b = after.statuses[rule] ?? "absent"
            if a != b { changes.append((rule, a, b)) }
        }
        statusChanges = changes
    }

    var transition: String { "\(before.decision) → \(after.decision)" }

    static func added(_ before: [String], _ after: [String]) -> [String] {
        let old = Set(before)
        return after.filter { !old.contains($0) }
    }
}
