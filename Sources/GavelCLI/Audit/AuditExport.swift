import GavelEngine
import GavelLog
import GavelSyntax

/// `gavel audit export`: the log for a warehouse (`jsonl`: every decision
/// record with its overrides, appeals and effective decision) or for the
/// EU DSA Transparency Database (`dsa-sor`: a statement of reasons for each
/// decision that restricts service). Streams the log a page at a time.
public struct AuditExport: Sendable {
    public enum Format: String, Sendable, CaseIterable {
        case jsonl
        case dsaSOR = "dsa-sor"
    }

    public var log: String?
    public var format: Format
    /// Bounds on the decision entry's `logged_at`, as `AuditList.bound` gives them.
    public var since: String?
    public var until: String?

    public init(log: String?, format: Format, since: String? = nil, until: String? = nil) {
        self.log = log
        self.format = format
        self.since = since
        self.until = until
    }

    /// 0 exported; 2 the log, or a bundle a statement needs, cannot be read.
    public func run(output: (String) -> Void, errors: (String) -> Void) -> Int32 {
        do {
            let store = try DecisionLogAccess.forReading(log).get()
            let human = try HumanEntries(store)
            // One statement per decision: a case decided again with the same bundle and as_of has the same record id.
            var latest: [String: Int64] = [:]
            if format == .dsaSOR {
                try store.summaries(EntryFilter()) { e in
                    if e.kind == LogEntry.Kind.decision.rawValue { latest[e.recordID] = e.seq }
                    return true
                }
            }
            var bundles: [SHA256Key: StoredBundleFacts] = [:]
            var buffer = ""
            var skipped: [String: Int] = [:]
            var after: Int64 = 0
            while true {
                let page = try store.entries(after: after, limit: 1024)
                guard let last = page.last else { break }
                after = last.seq
                for entry in page where entry.entry.kind == .decision && inWindow(entry.loggedAt) {
                    let history = human.history(of: entry)
                    switch format {
                    case .jsonl:
                        // Records are spliced in as stored: one that is not JSON would make the line invalid, and a
                        // warehouse load fail or skip it later; refused here, as dsa-sor refuses it.
                        guard RecordJSON(entry.entry.record) != nil else {
                            throw Diagnostic.log(
                                .logReplay, "entry \(entry.seq) (\(entry.entry.recordID)) cannot be exported: its record is not JSON gavel can read",
                                path: store.location, help: "run `gavel audit verify` to check the whole log")
                        }
                        buffer += Self.line(history)
                    case .dsaSOR:
                        guard latest[entry.entry.recordID] == entry.seq else { continue }
                        switch try statement(history, store: store, bundles: &bundles) {
                        case .success(let json): buffer += json.compact() + "\n"
                        case .failure(.notRestricting): break
                        case .failure(.order):
                            skipped[
                                "it gave effect to an EEA court's or authority's order (its record owes \(DSAVocabulary.orderInformation), DSA Art. 9), "
                                    + "for which Art. 17(5) owes no statement of reasons", default: 0] += 1
                        case .failure(.outsideEEA): skipped["geo-blocked outside the EU and EEA only", default: 0] += 1
                        case .failure(.beforeDatabase): skipped["applied before 2020-01-01, which the Transparency Database does not accept", default: 0] += 1
                        }
                    }
                    if buffer.utf8.count > 1 << 16 {
                        output(buffer)
                        buffer = ""
                    }
                }
            }
            output(buffer)
            for (reason, count) in skipped.sorted(by: { $0.key < $1.key }) {
                errors("gavel: \(count) restricting \(count == 1 ? "decision" : "decisions") not exported: \(reason)\n")
            }
            return 0
        } catch {
            errors(DecisionLogAccess.diagnostic(error).oneLine + "\n")
            return 2
        }
    }

    private func inWindow(_ loggedAt: String) -> Bool {
        // As `audit list` compares: on as many characters as the bound has, so a bare date covers its day.
        if let since, String(loggedAt.prefix(since.count)) < since { return false }
        if let until, String(loggedAt.prefix(until.count)) > until { return false }
        return true
    }

    private func statement(
        _ history: DecisionHistory, store: any DecisionStore, bundles: inout [SHA256Key: StoredBundleFacts]
    ) throws -> Result<JSON, DSAStatement.Skip> {
        let e = history.original.entry
        func problem(_ text: String) -> Diagnostic {
            .log(.logReplay, "entry \(history.original.seq) (\(e.recordID)) cannot be exported: \(text)", path: store.location)
        }
        guard let key = e.bundle else { throw problem("it has no bundle") }
        if bundles[key] == nil { bundles[key] = try StoredBundle.facts(key, store: store).mapError { problem($0.text) }.get() }
        guard let facts = bundles[key], let record = RecordJSON(e.record) else { throw problem("its record is not JSON gavel can read") }
        // Only decisions that owe a statement need the case (its requests and customer.since).
        let draft = DSAStatement(history: history, record: record, bundle: facts, caseData: nil)
        if let skip = draft.owedNone() { return .failure(skip) }
        let source = try StoredCase.source(e, store: store).mapError { problem($0.text) }.get()
        let caseRecord = try StoredCase.read(source, schema: nil).mapError { problem($0.text) }.get()
        return DSAStatement(history: history, record: record, bundle: facts, caseData: caseRecord.data).json()
    }

    /// `{"seq":…,"logged_at":…,"effective_decision":…,"automated_decision":…,"record":{…},"human":[{"seq":…,"logged_at":…,"record":{…}}]}`
    /// with each record spliced in as logged, byte for byte.
    static func line(_ h: DecisionHistory) -> String {
        var text = "{\"seq\":\(h.original.seq),\"logged_at\":" + JSON.string(h.original.loggedAt).compact()
        text += ",\"effective_decision\":" + JSON.string(h.effectiveDecision).compact()
        text += ",\"automated_decision\":" + JSON.string(h.automation.rawValue).compact()
        text += ",\"record\":" + String(decoding: h.original.entry.record, as: UTF8.self) + ",\"human\":["
        for (i, human) in h.human.enumerated() {
            text += (i == 0 ? "" : ",") + "{\"seq\":\(human.seq),\"logged_at\":" + JSON.string(human.loggedAt).compact()
            text += ",\"record\":" + String(decoding: human.bytes, as: UTF8.self) + "}"
        }
        return text + "]}\n"
    }
}
