import Foundation
import GavelEngine
import GavelSyntax

/// The record of an override or an appeal outcome: a human decision about a
/// logged decision, appended as an entry of its own that refers to the
/// original, which is never changed. Compact JSON with the keys in a fixed
/// order (docs/decision-log.md, "Overrides and appeals").
public struct HumanDecisionRecord: Sendable, Hashable {
    public enum Outcome: String, Sendable, CaseIterable {
        /// The decision stands.
        case upheld
        /// It is undone: the bundle's default decision applies.
        case reversed
        /// Another decision replaces it.
        case modified
    }

    /// `gvo-` (override) or `gva-` (appeal) and 32 hex digits of the SHA-256 of the record written without it.
    public var id: String
    public var kind: LogEntry.Kind
    /// The original decision's entry and record id.
    public var refersToSeq: Int64
    public var refersToRecordID: String
    public var caseID: String
    /// Appeals only.
    public var outcome: Outcome?
    /// The effective decision when this one was recorded, and after it.
    public var decisionBefore: String
    public var decisionAfter: String
    public var by: String
    /// Overrides only: what the decision rests on, outside the written policy or within it.
    public var basis: String?
    public var reason: String
    /// When it was recorded (UTC, RFC 3339, milliseconds): the entry's `logged_at`.
    public var at: String

    public init(
        kind: LogEntry.Kind, refersToSeq: Int64, refersToRecordID: String, caseID: String, outcome: Outcome?, decisionBefore: String,
        decisionAfter: String, by: String, basis: String?, reason: String, at: String
    ) {
        self.kind = kind
        self.refersToSeq = refersToSeq
        self.refersToRecordID = refersToRecordID
        self.caseID = caseID
        self.outcome = outcome
        self.decisionBefore = decisionBefore
        self.decisionAfter = decisionAfter
        self.by = by
        self.basis = basis
        self.reason = reason
        self.at = at
        id = ""
        let body = bytes(withID: false)
        id = (kind == .appeal ? "gva-" : "gvo-") + String(SHA256Key.of(body).hex.prefix(32))
    }

    /// The record's bytes, as logged.
    public var bytes: [UInt8] { bytes(withID: true) }

    private func bytes(withID: Bool) -> [UInt8] {
        var w = JSONWriter()
        w.beginObject()
        if withID {
            w.field("id")
            w.string(id)
        }
        w.field("kind")
        w.string(kind.rawValue)
        w.field("refers_to")
        w.beginObject()
        w.field("seq")
        w.int(Int(refersToSeq))
        w.field("id")
        w.string(refersToRecordID)
        w.endObject()
        w.field("case")
        w.string(caseID)
        if let outcome {
            w.field("outcome")
            w.string(outcome.rawValue)
        }
        w.field("decision_before")
        w.string(decisionBefore)
        w.field("decision_after")
        w.string(decisionAfter)
        w.field("by")
        w.string(by)
        if let basis {
            w.field("basis")
            w.string(basis)
        }
        w.field("reason")
        w.string(reason)
        w.field("at")
        w.string(at)
        w.endObject()
        return w.bytes
    }

    /// The log entry that carries it. The columns a search needs repeat its
    /// facts: `record_id` is its own id, `case_id` the original's case, and
    /// `decision` the decision after it. It has no case or bundle of its own;
    /// `as_of` and its source are the original's, the trace level `none`.
    public func entry(original: LogEntry) -> LogEntry {
        LogEntry(
            kind: kind, refersTo: refersToSeq, recordID: id, caseID: caseID, decision: decisionAfter, asOf: original.asOf,
            asOfSource: original.asOfSource, traceLevel: TraceLevel.none.rawValue, engineVersion: DecisionRecord.engineVersion,
            strict: original.strict, matchedRules: [], record: bytes, caseSource: nil, bundle: nil)
    }

    private struct Stored: Decodable {
        struct RefersTo: Decodable {
            var seq: Int64
            var id: String
        }
        var id: String
        var kind: String
        var refers_to: RefersTo
        var `case`: String
        var outcome: String?
        var decision_before: String
        var decision_after: String
        var by: String
        var basis: String?
        var reason: String
        var at: String
    }

    /// The record of an override or appeal entry; nil when its bytes are not one.
    public static func decode(_ bytes: [UInt8]) -> HumanDecisionRecord? {
        guard let s = try? JSONDecoder().decode(Stored.self, from: Data(bytes)),
            let kind = LogEntry.Kind(rawValue: s.kind), kind != .decision
        else { return nil }
        var outcome: Outcome?
        if let text = s.outcome {
            guard let o = Outcome(rawValue: text) else { return nil }
            outcome = o
        }
        var record = HumanDecisionRecord(
            kind: kind, refersToSeq: s.refers_to.seq, refersToRecordID: s.refers_to.id, caseID: s.case, outcome: outcome,
            decisionBefore: s.decision_before, decisionAfter: s.decision_after, by: s.by, basis: s.basis, reason: s.reason, at: s.at)
        // The id is kept as stored: a record whose id does not match is damage `verify` reports, not something to hide here.
        record.id = s.id
        return record
    }
}
