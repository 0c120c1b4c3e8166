import GavelEngine
import GavelLog
import GavelSyntax

/// `gavel audit list`: the logged decisions that pass the filters, oldest
/// first, streamed: a log of millions of entries lists in bounded memory.
/// Each row shows the decision in effect after any override or appeal
/// (those are few and read first), and `--decision` filters on it; an
/// override's or appeal's own row shows that of the decision it is about.
public struct AuditList: Sendable {
    public enum Format: String, Sendable, CaseIterable { case table, json }

    public var log: String?
    public var filter: EntryFilter
    public var format: Format

    public init(log: String?, filter: EntryFilter, format: Format) {
        self.log = log
        self.filter = filter
        self.format = format
    }

    /// `--since`/`--until` as the prefix of `logged_at` they compare with: a
    /// date stands for its whole day, a timestamp is taken in UTC, and one
    /// with a fraction of a second is compared at the milliseconds `logged_at`
    /// has (a finer `--since` rounded up, a finer `--until` down, so neither
    /// takes in an entry outside it); without a fraction it covers its second.
    public static func bound(_ text: String, roundingUp: Bool) -> String? {
        guard let instant = Instant.parse(text) else { return nil }
        guard let fraction = fraction(of: text) else { return utc(instant) }
        let first = String(fraction.prefix(3))
        var millis = Int(first + String(repeating: "0", count: 3 - first.count)) ?? 0
        if roundingUp, fraction.dropFirst(3).contains(where: { $0 != "0" }) { millis += 1 }
        guard millis < 1000 else { return utc(instant.adding(seconds: 1)) + ".000" }
        return utc(instant) + "." + (millis < 10 ? "00" : millis < 100 ? "0" : "") + String(millis)
    }

    private static func utc(_ instant: Instant) -> String {
        let text = instant.description
        return text.hasSuffix("Z") ? String(text.dropLast()) : text
    }

    /// The digits after the seconds' `.`, when the timestamp has them (`Instant` keeps whole seconds).
    private static func fraction(of text: String) -> Substring? {
        let chars = Array(text)
        guard chars.count > 20, chars[19] == "." else { return nil }
        let digits = chars[20...].prefix { $0.isASCII && $0.isNumber }
        return digits.isEmpty ? nil : Substring(String(digits))
    }

    /// `--since` and `--until` as bounds, or what is wrong with them: a value
    /// that is no date, or a range no entry can fall in (compared as the log
    /// compares, on as many characters as the shorter bound has).
    public static func range(since: String?, until: String?) -> Result<(since: String?, until: String?), RangeProblem> {
        var bounds: [String?] = []
        for (flag, text) in [("--since", since), ("--until", until)] {
            guard let text else {
                bounds.append(nil)
                continue
            }
            guard let bound = bound(text, roundingUp: flag == "--since") else {
                return .failure(RangeProblem(message: "\(flag) must be a date (YYYY-MM-DD) or an RFC 3339 timestamp, found `\(text)`"))
            }
            bounds.append(bound)
        }
        if let from = bounds[0], let to = bounds[1] {
            let shared = min(from.count, to.count)
            if from.prefix(shared) > to.prefix(shared) {
                return .failure(RangeProblem(message: "--since (\(from)) is after --until (\(to)): no entry can be in that range"))
            }
        }
        return .success((bounds[0], bounds[1]))
    }

    public struct RangeProblem: Error, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }

    public func run(output: (String) -> Void, errors: (String) -> Void) -> Int32 {
        do {
            let store = try DecisionLogAccess.forReading(log).get()
            let human = try HumanEntries(store)
            // The decision filter is on the decision in effect, which SQL does not know.
            var stored = filter
            stored.decision = nil
            func effective(_ e: EntrySummary) -> String { human.effectiveDecision(of: e) }
            // Widths fixed before the first row, which is printed before the last is read.
            let seqWidth = max(3, String(try store.head()?.seq ?? 0).count)
            let widths = [seqWidth, 36, 32, 12, 12, 10, 24]
            var buffer = ""
            var first = true
            func flush(_ force: Bool) {
                if force || buffer.utf8.count > 1 << 16 {
                    output(buffer)
                    buffer = ""
                }
            }
            switch format {
            case .table: buffer = Self.line(["SEQ", "ID", "CASE", "DECISION", "EFFECTIVE", "AS OF", "LOGGED AT", "IN ERROR"], widths: widths)
            case .json: buffer = "["
            }
            try store.summaries(stored) { e in
                let now = effective(e)
                if let wanted = filter.decision, now != wanted { return true }
                switch format {
                case .table:
                    // Case ids come from case files, and every column from a file anyone may edit: escaped, so none can forge a row.
                    buffer += Self.line(
                        [String(e.seq)] + [e.recordID, e.caseID, e.decision, now, e.asOf, e.loggedAt].map(Self.escaped) + [Self.inError(e)], widths: widths)
                case .json:
                    buffer += (first ? "\n  " : ",\n  ") + Self.json(e, effective: now, refersTo: human.originalOf[e.seq])
                }
                first = false
                flush(false)
                return true
            }
            if format == .json { buffer += first ? "]\n" : "\n]\n" }
            // A misspelt decision would list nothing, which reads as "none such": say so when it is no step of any
            // ladder the log's bundles have, before the empty table's header reaches standard output. A step that
            // nothing has now is a valid question with an empty answer. (Nothing was flushed: no row was read.)
            if first, let wanted = filter.decision {
                let steps = try Self.decisions(store)
                if !steps.contains(wanted) {
                    let help = DidYouMean.help(for: wanted, among: steps.sorted())
                        ?? "the decisions of the log's bundles are: \(steps.sorted().joined(separator: ", "))"
                    errors("gavel: `\(wanted)` is not a step of the ladder of any bundle in the log; \(help)\n")
                    return 64
                }
            }
            flush(true)
            return 0
        } catch {
            errors(DecisionLogAccess.diagnostic(error).oneLine + "\n")
            return 2
        }
    }

    /// Every decision `--decision` can ask about: the steps of the ladders of
    /// the bundles stored in the log (an empty log: the standard ladder,
    /// which a bundle without `bundle.yaml` has), and any logged decision.
    static func decisions(_ store: any DecisionStore) throws -> Set<String> {
        var steps: Set<String> = []
        for key in try store.bundleKeys() {
            if case .success(let facts) = try StoredBundle.facts(key, store: store) { steps.formUnion(facts.ladder.map(\.id)) }
        }
        try store.summaries(EntryFilter()) { e in
            steps.insert(e.decision)
            return true
        }
        if steps.isEmpty { steps = Set(BundleManifest.standardLadder.map(\.id)) }
        return steps
    }

    static func line(_ cells: [String], widths: [Int]) -> String {
        let text = cells.enumerated().map { i, cell in
            i < widths.count ? cell + String(repeating: " ", count: max(0, widths[i] - cell.count)) : cell
        }.joined(separator: "  ")
        // An empty last cell leaves no padding behind.
        return String(text.reversed().drop { $0 == " " }.reversed()) + "\n"
    }

    /// The table's mark for a decision with rules in `error`: a decision taken
    /// without every fact its rules read, which an auditor must not miss.
    /// Their ids are in the record (and in `--format json`); a strict run on
    /// a sparse case can have dozens, too many for a column.
    static func inError(_ e: EntrySummary) -> String {
        let count = e.rulesInError.count
        return count == 0 ? "" : "\(count) \(count == 1 ? "rule" : "rules")"
    }

    static func json(_ e: EntrySummary, effective: String, refersTo: Int64?) -> String {
        var w = JSONWriter()
        w.beginObject()
        w.field("seq")
        w.int(Int(e.seq))
        w.field("kind")
        w.string(e.kind)
        if let refersTo {
            w.field("refers_to")
            w.int(Int(refersTo))
        }
        w.field("id")
        w.string(e.recordID)
        w.field("case")
        w.string(e.caseID)
        w.field("decision")
        w.string(e.decision)
        w.field("effective_decision")
        w.string(effective)
        w.field("as_of")
        w.string(e.asOf)
        w.field("logged_at")
        w.string(e.loggedAt)
        w.field("matched")
        w.strings(e.matchedRules)
        w.field("rules_in_error")
        w.strings(e.rulesInError)
        w.field("hash")
        if let hash = e.hash { w.string(hash.description) } else { w.null() }
        w.endObject()
        return String(decoding: w.bytes, as: UTF8.self)
    }

    /// Text from a case or a human as the trail prints it (record.md,
    /// "Escaping"): controls, line separators and bidi controls as `\u{…}`,
    /// so one cannot forge a row, a history line or who decided what.
    static func escaped(_ text: String) -> String { text.shown }
}
