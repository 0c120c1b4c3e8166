import GavelEngine
import GavelLog
import GavelSyntax

/// `gavel audit show ID`: a logged decision as `evaluate` printed it. The
/// JSON form is the stored record itself; the text trail is rendered from
/// the decision taken again from the stored case and bundle files
/// (`StoredDecision`), which must reproduce the stored record exactly.
/// When humans have overridden or appealed it, the text begins with its
/// history and the decision in effect.
public struct AuditShow: Sendable {
    public enum Format: String, Sendable, CaseIterable { case text, json }

    public var log: String?
    /// A record id (`gvl-…`, its latest entry) or an entry's sequence number.
    public var id: String
    public var format: Format
    /// `full`: the full trace, re-derived by replaying the stored case and
    /// bundle, whatever level the decision was logged at. nil: as logged.
    public var trace: TraceLevel?

    public init(log: String?, id: String, format: Format, trace: TraceLevel? = nil) {
        self.log = log
        self.id = id
        self.format = format
        self.trace = trace
    }

    /// 0 shown; 1 no such entry; 2 the log or the entry cannot be read.
    public func run(output: (String) -> Void, errors: (String) -> Void) -> Int32 {
        do {
            let store = try DecisionLogAccess.forReading(log).get()
            guard let entry = try AuditLookup.decision(id, store: store) else {
                errors(AuditLookup.unknown(id, store: store))
                return 1
            }
            let rederive = trace.map { $0.rawValue != entry.entry.traceLevel } ?? false
            if rederive, let trace {
                // The record was logged at another level: say where this trace comes from.
                errors(
                    "gavel: trace `\(trace.rawValue)` re-derived by replaying entry \(entry.seq)'s stored case and bundle as of \(entry.entry.asOf) "
                        + "(logged at trace `\(entry.entry.traceLevel)`; the logged record reproduced byte for byte first)\n")
            }
            switch format {
            case .json:
                guard rederive else {
                    output(String(decoding: entry.entry.record, as: UTF8.self) + "\n")
                    return 0
                }
                let stored = try StoredDecision.redecide(entry, store: store, trace: trace)
                output(DecisionRecord.text(stored.decision, bundle: stored.bundle, pretty: false) + "\n")
            case .text:
                let history = try HumanEntries.history(of: entry, store: store)
                let stored = try StoredDecision.redecide(entry, store: store, trace: trace)
                if !history.human.isEmpty {
                    let decided = try Self.decisionEntries(of: entry, store: store)
                    output(Self.history(history, decided: decided) + "\n" + String(repeating: "─", count: 72) + "\n\n")
                }
                output(AuditTrailRenderer.render(stored.decision, bundle: stored.bundle))
            }
            return 0
        } catch {
            errors(DecisionLogAccess.diagnostic(error).oneLine + "\n")
            return 2
        }
    }

    /// Every decision entry of `entry`'s record (the case decided again with
    /// the same bundle and `as_of`), in log order. The log has no index on
    /// record ids; the case id narrows the scan.
    static func decisionEntries(of entry: ChainedEntry, store: any DecisionStore) throws -> [EntrySummary] {
        var found: [EntrySummary] = []
        try store.summaries(EntryFilter(caseID: entry.entry.caseID)) { e in
            if e.kind == LogEntry.Kind.decision.rawValue && e.recordID == entry.entry.recordID { found.append(e) }
            return true
        }
        return found
    }

    /// The decision in effect, then, in log order, every entry of its record
    /// (`decided`: the record's decision entries, when known) and every
    /// override and appeal about it: who, when, why. A record logged more
    /// than once says which entry's trail follows, so a human decision about
    /// an earlier entry is never out of sight.
    static func history(_ h: DecisionHistory, decided: [EntrySummary] = []) -> String {
        var text = "EFFECTIVE DECISION  \(AuditList.escaped(h.effectiveDecision.uppercased()))"
        if let last = h.human.last { text += "  (after \(last.record.kind.rawValue) #\(last.seq))" }
        text += "\n\nHISTORY\n"
        let shown = h.original
        let again = decided.filter { $0.seq != shown.seq }
        var lines: [(seq: Int64, text: String)] = [
            (shown.seq, "  #\(shown.seq)  \(shown.loggedAt)  decision  \(shown.entry.decision)  "
                + "(gavel \(shown.entry.engineVersion), as of \(shown.entry.asOf))  \(shown.entry.recordID)\n")
        ]
        for e in again {
            let cells = [e.loggedAt, e.decision, e.asOf, e.recordID].map(AuditList.escaped)
            lines.append((e.seq, "  #\(e.seq)  \(cells[0])  decision  \(cells[1])  (as of \(cells[2]))  \(cells[3])\n"))
        }
        for human in h.human {
            let r = human.record
            var line = "  #\(human.seq)  \(AuditList.escaped(r.at))  \(r.kind.rawValue)  "
            if !again.isEmpty { line += "of #\(r.refersToSeq)  " }
            if let outcome = r.outcome { line += "\(outcome.rawValue): " }
            let (before, after) = (AuditList.escaped(r.decisionBefore), AuditList.escaped(r.decisionAfter))
            line += before == after ? "\(after) stands" : "\(before) → \(after)"
            line += "  by \(AuditList.escaped(r.by))  \(AuditList.escaped(r.id))\n"
            if let basis = r.basis { line += "        basis:  \(AuditList.escaped(basis))\n" }
            line += "        reason: \(AuditList.escaped(r.reason))\n"
            lines.append((human.seq, line))
        }
        text += lines.sorted { $0.seq < $1.seq }.map(\.text).joined()
        if !again.isEmpty {
            let all = (again.map(\.seq) + [shown.seq]).sorted()
            text += "  The record was logged \(all.count) times (\(all.map { "#\($0)" }.joined(separator: ", "))): "
            text += "the same case, bundle and as_of decided again. "
            text += "An override or appeal of any of them applies to the record. The trail below is entry #\(shown.seq)'s.\n"
        }
        return text
    }
}
