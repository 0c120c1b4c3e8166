import GavelEngine
import GavelSyntax

/// Listing dates kept by hand for entries whose source publishes none (the
/// OFAC SDN files carry no designation dates). A CSV with the header
/// `id,program,listed,note`: the Gavel entry id, the programme the date is
/// for (empty: any), the date, and where it comes from (say `unverified`
/// when it is). A row applies when its programme is empty, no `--programs`
/// filter is given, or its programme is in the filter; the earliest
/// applying date wins. The source's own date wins over a curated one, unless
/// the note begins `override:` — counsel's reading of when the listing that
/// matters began (the EU lists "Hamas" from 2001 in its file, but the group
/// as a whole only from September 2003).
package struct CuratedDates: Sendable {
    struct Row: Sendable {
        var program: String
        var listed: String
        var overridesSource: Bool
    }

    private var rows: [String: [Row]] = [:]

    package init() {}

    package static func read(_ path: String) throws(DiagnosticError) -> CuratedDates {
        let file = try InputFile(path: path, progress: nil)
        var reader = CSVReader(file)
        let expected = ["id", "program", "listed", "note"]
        guard let header = try reader.nextRecord(), header.fields.map({ $0.trimmingWhitespace() }) == expected else {
            throw DiagnosticError(
                .error(.importFormat, "expected the header `id,program,listed,note`", at: SourceLocation(file: path, line: 1, column: 1)))
        }
        var dates = CuratedDates()
        while let record = try reader.nextRecord() {
            if record.fields.count == 1 && record.fields[0].trimmingWhitespace().isEmpty { continue }
            let at = SourceLocation(file: path, line: record.line, column: 1)
            guard record.fields.count == 4 else {
                throw DiagnosticError(.error(.importFormat, "row has \(record.fields.count) fields; expected 4 (id,program,listed,note)", at: at))
            }
            let id = record.fields[0].trimmingWhitespace(), listed = record.fields[2].trimmingWhitespace()
            guard !id.isEmpty else { throw DiagnosticError(.error(.importFormat, "empty `id`; expected an entry id", at: at)) }
            guard Instant.parse(listed) != nil, listed.count == 10 else {
                throw DiagnosticError(.error(.importFormat, "`listed` is `\(listed)`; expected YYYY-MM-DD", at: at))
            }
            guard !record.fields[3].trimmingWhitespace().isEmpty else {
                throw DiagnosticError(.error(.importFormat, "`note` is empty; expected where the date comes from", at: at))
            }
            let note = record.fields[3].trimmingWhitespace()
            dates.rows[id, default: []].append(
                Row(program: record.fields[1].trimmingWhitespace(), listed: listed, overridesSource: note.hasPrefix("override:")))
        }
        return dates
    }

    func listed(_ id: String, programs filter: Set<String>?) -> (date: String, overridesSource: Bool)? {
        let applying = (rows[id] ?? []).filter { $0.program.isEmpty || filter == nil || filter?.contains($0.program) == true }
        guard let earliest = applying.map(\.listed).min() else { return nil }
        return (earliest, applying.contains { $0.listed == earliest && $0.overridesSource })
    }
}
