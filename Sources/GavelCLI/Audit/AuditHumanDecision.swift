import Foundation
import GavelEngine
import GavelLog
import GavelSyntax

extension DiagnosticCode {
    /// An override or appeal that cannot be recorded as given (a decision not on the ladder, an empty reason, …).
    package static let badHumanDecision = DiagnosticCode("bad-human-decision")
}

/// `gavel audit override ID` and `gavel audit appeal ID`: a human decision
/// about a logged one, appended as a new chained entry that refers to it.
/// The original entry is never changed.
public struct AuditHumanDecision: Sendable {
    public enum Action: Sendable {
        /// A discretionary decision that replaces the one in effect, with the basis it rests on.
        case override(decision: String, basis: String)
        /// An appeal's outcome; `modified` names the new decision.
        case appeal(outcome: HumanDecisionRecord.Outcome, decision: String?)
    }

    public var log: String?
    public var id: String
    public var action: Action
    public var by: String
    public var reason: String
    /// A log already open, used instead of opening `log` (tests).
    package var store: (any DecisionStore)?

    public init(log: String?, id: String, action: Action, by: String, reason: String) {
        self.log = log
        self.id = id
        self.action = action
        self.by = by
        self.reason = reason
    }

    /// 0 recorded; 1 no such entry; 2 it cannot be recorded as given, or the log cannot be read or written.
    public func run(output: (String) -> Void, errors: (String) -> Void) -> Int32 {
        do {
            let store = try self.store ?? DecisionLogAccess.forReading(log).get()
            guard let original = try AuditLookup.decision(id, store: store) else {
                errors(AuditLookup.unknown(id, store: store))
                return 1
            }
            let make = try self.record(original, store: store)
            let at = LogClock.timestamp()
            // The decision in effect before this one is read inside the append's
            // transaction: an override or appeal appended meanwhile by someone
            // else is then the one this record says it replaces.
            var recorded: HumanDecisionRecord?
            let head = try store.append(loggedAt: at) { humanEntries in
                let before = try HumanEntries(humanEntries, location: store.location).history(of: original).effectiveDecision
                let record = try make(before, at)
                recorded = record
                return [record.entry(original: original.entry)]
            }
            guard let head, let record = recorded else {
                throw Diagnostic.log(.logUnwritable, "the human decision was not appended", path: store.location)
            }
            var text = "\(record.kind.rawValue): entry \(head.seq) (\(record.id)) about entry \(original.seq) (\(original.entry.recordID)): "
            text += record.decisionBefore == record.decisionAfter ? "\(record.decisionAfter) stands" : "\(record.decisionBefore) → \(record.decisionAfter)"
            output(text + "\n")
            return 0
        } catch {
            errors(DecisionLogAccess.diagnostic(error).oneLine + "\n")
            return 2
        }
    }

    /// Checks what can be checked before the append (the texts, the ladder read
    /// from the stored bundle) and returns how the record is made from the
    /// decision in effect before it and the time it is recorded.
    private func record(_ original: ChainedEntry, store: any DecisionStore) throws -> (_ before: String, _ at: String) throws -> HumanDecisionRecord {
        func refuse(_ message: String, help: String? = nil) -> Diagnostic {
            .error(.badHumanDecision, message, at: nil, help: help)
        }
        for (flag, text) in [("--by", by), ("--reason", reason)] + (basisFlag.map { [$0] } ?? [])
        where text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            throw refuse("\(flag) is empty: a human decision says who took it and why")
        }
        guard let bundleKey = original.entry.bundle else { throw refuse("entry \(original.seq) has no bundle to read its ladder from") }
        let facts = try StoredBundle.facts(bundleKey, store: store).mapError {
            Diagnostic.log(.logReplay, "entry \(original.seq) (\(original.entry.recordID)): \($0.text)", path: store.location)
        }.get()
        func onLadder(_ decision: String) throws -> String {
            guard facts.severity(decision) != nil else {
                throw refuse(
                    "`\(decision)` is not a step of the ladder of bundle `\(facts.id)` that decided entry \(original.seq)",
                    help: (DidYouMean.help(for: decision, among: facts.ladder.map(\.id)).map { $0 + " " } ?? "")
                        + "The ladder is: \(facts.ladder.map(\.id).joined(separator: ", "))")
            }
            return decision
        }
        let (by, reason) = (by, reason)
        switch action {
        case .override(let decision, let basis):
            let after = try onLadder(decision)
            return { before, at in
                HumanDecisionRecord(
                    kind: .override, refersToSeq: original.seq, refersToRecordID: original.entry.recordID, caseID: original.entry.caseID,
                    outcome: nil, decisionBefore: before, decisionAfter: after, by: by, basis: basis, reason: reason, at: at)
            }
        case .appeal(let outcome, let decision):
            // nil: the decision in effect stands (upheld), known only inside the append.
            let after: String?
            switch (outcome, decision) {
            case (.modified, let d?): after = try onLadder(d)
            case (.modified, nil): throw refuse("an appeal with outcome `modified` needs --decision: the decision that replaces it")
            case (_, let d?): throw refuse("--decision \(d) is for an appeal with outcome `modified`, not `\(outcome.rawValue)`")
            case (.upheld, nil): after = nil
            case (.reversed, nil): after = facts.defaultDecision
            }
            return { before, at in
                HumanDecisionRecord(
                    kind: .appeal, refersToSeq: original.seq, refersToRecordID: original.entry.recordID, caseID: original.entry.caseID,
                    outcome: outcome, decisionBefore: before, decisionAfter: after ?? before, by: by, basis: nil, reason: reason, at: at)
            }
        }
    }

    private var basisFlag: (String, String)? {
        if case .override(_, let basis) = action { return ("--basis", basis) }
        return nil
    }
}

extension HumanEntries {
    /// One decision's history, read from the log.
    static func history(of original: ChainedEntry, store: any DecisionStore) throws -> DecisionHistory {
        try HumanEntries(store).history(of: original)
    }
}
