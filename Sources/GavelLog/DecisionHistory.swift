import GavelSyntax

/// A logged decision with the overrides and appeals about its record, in
/// log order, and the decision in effect after them.
///
/// A human decision is about a record, not only about the entry it names:
/// deciding the same case again with the same bundle and `as_of` gives the
/// same record id (its id is a digest of exactly those), so a later entry of
/// that record is the same decision logged again, and an override or appeal
/// of any entry of it stays in effect for all of them (docs/decision-log.md,
/// "Deciding a case again").
public struct DecisionHistory: Sendable {
    public struct Human: Sendable {
        public var seq: Int64
        public var loggedAt: String
        public var record: HumanDecisionRecord
        /// The record's bytes as logged.
        public var bytes: [UInt8]
    }

    /// How far a human took part, in the DSA Transparency Database's terms.
    public enum Automation: String, Sendable {
        /// The engine decided and no human changed or reviewed it.
        case fully = "AUTOMATED_DECISION_FULLY"
        /// A human reviewed the engine's decision on appeal and upheld it.
        case partially = "AUTOMATED_DECISION_PARTIALLY"
        /// A human decided: an override, or an appeal that reversed or modified it.
        case notAutomated = "AUTOMATED_DECISION_NOT_AUTOMATED"
    }

    public var original: ChainedEntry
    public var human: [Human]

    /// Each human entry records the decision after it, so the last one's is in effect.
    public var effectiveDecision: String { human.last?.record.decisionAfter ?? original.entry.decision }

    public var automation: Automation {
        if human.contains(where: { $0.record.kind == .override || ($0.record.outcome ?? .upheld) != .upheld }) { return .notAutomated }
        return human.isEmpty ? .fully : .partially
    }

    /// When the decision in effect was taken: the last human entry that changed it, else the original's `as_of`.
    public var effectiveSince: String {
        for h in human.reversed() where h.record.decisionAfter != h.record.decisionBefore { return h.record.at }
        return original.entry.asOf
    }
}

/// Every override and appeal in a log, by the record id of the decision
/// each is about: read once (they are few), then joined to decisions as
/// those stream past.
public struct HumanEntries: Sendable {
    /// In log order, by the decision record id they are about (the record's `refers_to.id`).
    public private(set) var byRecord: [String: [DecisionHistory.Human]] = [:]
    /// The entry each human entry refers to, by the human entry's own seq.
    public private(set) var originalOf: [Int64: Int64] = [:]
    /// The decision record id each human entry is about, by the human entry's own seq.
    public private(set) var recordOf: [Int64: String] = [:]

    public init(_ store: any DecisionStore) throws {
        try self.init(store.humanEntries(), location: store.location)
    }

    /// From override and appeal entries already read, in sequence order.
    public init(_ entries: [ChainedEntry], location: String) throws {
        for entry in entries {
            guard let refersTo = entry.entry.refersTo, let record = HumanDecisionRecord.decode(entry.entry.record) else {
                throw Diagnostic.log(
                    .notADecisionLog, "entry \(entry.seq) is an \(entry.entry.kind.rawValue) without a readable record or the entry it refers to",
                    path: location, help: "run `gavel audit verify` to check the whole log")
            }
            let human = DecisionHistory.Human(seq: entry.seq, loggedAt: entry.loggedAt, record: record, bytes: entry.entry.record)
            byRecord[record.refersToRecordID, default: []].append(human)
            originalOf[entry.seq] = refersTo
            recordOf[entry.seq] = record.refersToRecordID
        }
    }

    /// `original`'s record's history: every override and appeal about any entry of that record id.
    public func history(of original: ChainedEntry) -> DecisionHistory {
        DecisionHistory(original: original, human: byRecord[original.entry.recordID] ?? [])
    }

    /// The decision in effect for a listed entry: a decision's, or for an
    /// override or appeal that of the record it is about.
    public func effectiveDecision(of e: EntrySummary) -> String {
        let record = e.kind == LogEntry.Kind.decision.rawValue ? e.recordID : recordOf[e.seq] ?? e.recordID
        return byRecord[record]?.last?.record.decisionAfter ?? e.decision
    }
}
