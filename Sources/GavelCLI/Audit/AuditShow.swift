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
                if !history.human.isEmpty { output(Self.history(history) + "\n" + String(repeating: "─", count: 72) + "\n\n") }
                output(AuditTrailRenderer.render(stored.decision, bundle: stored.bundle))
            }
            return 0
        } catch {
            errors(DecisionLogAccess.diagnostic(error).oneLine + "\n")
            return 2
        }
    }

    /// The decision in effect, then every entry about it in log order: who, when, why.
    static func history(_ h: DecisionHistory) -> String {
        var text = "EFFECTIVE DECISION  \(h.effectiveDecision.uppercased())"
        if let last = h.human.last { text += "  (after \(last.record.kind.rawValue) #\(last.seq))" }
        text += "\n\nHISTORY\n"
        text += "  #\(h.original.seq)  \(h.original.loggedAt)  decision  \(h.original.entry.decision)  "
            + "(gavel \(h.original.entry.engineVersion), as of \(h.original.entry.asOf))  \(h.original.entry.recordID)\n"
        for human in h.human {
            let r = human.record
            var line = "  #\(human.seq)  \(r.at)  \(r.kind.rawValue)  "
            if let outcome = r.outcome { line += "\(outcome.rawValue): " }
            line += r.decisionBefore == r.decisionAfter ? "\(r.decisionAfter) stands" : "\(r.decisionBefore) → \(r.decisionAfter)"
            line += "  by \(AuditList.escaped(r.by))  \(r.id)\n"
            if let basis = r.basis { line += "        basis:  \(AuditList.escaped(basis))\n" }
            line += "        reason: \(AuditList.escaped(r.reason))\n"
            text += line
        }
        return text
    }
}
