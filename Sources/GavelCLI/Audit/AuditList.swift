import GavelEngine
import GavelLog
import GavelSyntax

/// `gavel audit list`: the logged decisions that pass the filters, oldest first.
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
    /// date stands for its whole day, a timestamp is taken in UTC.
    public static func bound(_ text: String) -> String? {
        guard let instant = Instant.parse(text) else { return nil }
        let utc = instant.description
        return utc.hasSuffix("Z") ? String(utc.dropLast()) : utc
    }

    public func run(output: (String) -> Void, errors: (String) -> Void) -> Int32 {
        let entries: [ChainedEntry]
        do {
            entries = try DecisionLogAccess.forReading(log).get().entries(filter)
        } catch {
            errors(DecisionLogAccess.diagnostic(error).oneLine + "\n")
            return 2
        }
        switch format {
        case .json:
            var w = JSONWriter(pretty: true)
            w.beginArray()
            for e in entries {
                w.beginObject()
                w.field("seq")
                w.int(Int(e.seq))
                w.field("kind")
                w.string(e.entry.kind.rawValue)
                w.field("id")
                w.string(e.entry.recordID)
                w.field("case")
                w.string(e.entry.caseID)
                w.field("decision")
                w.string(e.entry.decision)
                w.field("as_of")
                w.string(e.entry.asOf)
                w.field("logged_at")
                w.string(e.loggedAt)
                w.field("matched")
                w.strings(e.entry.matchedRules)
                w.field("hash")
                w.string(e.hash.description)
                w.endObject()
            }
            w.endArray()
            output(String(decoding: w.bytes, as: UTF8.self) + "\n")
        case .table:
            let header = ["SEQ", "ID", "CASE", "DECISION", "AS OF", "LOGGED AT"]
            // Case ids come from case files: escaped, so one cannot forge a row.
            let rows = entries.map { e in
                [String(e.seq), e.entry.recordID, Self.escaped(e.entry.caseID), e.entry.decision, e.entry.asOf, e.loggedAt]
            }
            var widths = header.map(\.count)
            for row in rows { for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.count) } }
            func line(_ cells: [String]) -> String {
                cells.enumerated().map { i, cell in
                    i == cells.count - 1 ? cell : cell + String(repeating: " ", count: widths[i] - cell.count)
                }.joined(separator: "  ") + "\n"
            }
            var text = line(header)
            for row in rows { text += line(row) }
            output(text)
        }
        return 0
    }

    static func escaped(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            if scalar.value < 0x20 || scalar.value == 0x7F {
                out += "\\u{" + String(scalar.value, radix: 16) + "}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
