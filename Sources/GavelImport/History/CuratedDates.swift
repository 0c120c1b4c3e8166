import GavelEngine
import GavelSyntax

/// Listing dates kept by hand for entries whose source publishes none (the
/// OFAC SDN files carry no designation dates). A CSV with the header
/// `id,program,listed,note`: the Gavel entry id, the programme the date is
/// for (empty: any), the date, and where it comes from (say `unverified`
/// when it is). A row applies when its programme is empty, no `--programs`
/// filter is given, or its programme is in the filter; the earliest
/// applying date wins. Each row must name an entry of the snapshots and one
/// of its programmes, and no two rows may date one entry and programme; a
/// date after the first snapshot that lists the entry is refused (it would
/// take a listed entry out of force). The source's own date wins over a curated one, unless
/// the note begins `override:` — counsel's reading of when the listing that
/// matters began (the EU lists "Hamas" from 2001 in its file, but the group
/// as a whole only from September 2003).
package struct CuratedDates: Sendable {
    struct Row: Sendable {
        var program: String
        var listed: String
        var overridesSource: Bool
        var line: Int
    }

    /// A date that applies to an entry, and the row that gives it.
    struct Applied: Sendable {
        var date: String
        var overridesSource: Bool
        var at: SourceLocation
    }

    private var path = ""
    private var rows: [String: [Row]] = [:]
    /// Ids in the order of their first row, for errors in file order.
    private var order: [String] = []

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
        dates.path = path
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
            let note = record.fields[3].trimmingWhitespace(), program = record.fields[1].trimmingWhitespace()
            // A row without a programme applies to every one, so it clashes with any other row of its id.
            if let first = dates.rows[id]?.first(where: { $0.program == program || $0.program.isEmpty || program.isEmpty }) {
                func named(_ p: String) -> String { p.isEmpty ? "every programme" : "programme `\(p)`" }
                throw DiagnosticError(
                    .error(
                        .importFormat,
                        "a second date for `\(id)` and \(named(program)) (\(listed); line \(first.line) gives \(first.listed) for \(named(first.program))); expected one date per entry and programme",
                        at: at, help: "keep the row whose citation holds and delete the other"))
            }
            if dates.rows[id] == nil { dates.order.append(id) }
            dates.rows[id, default: []].append(
                Row(program: program, listed: listed, overridesSource: note.hasPrefix("override:"), line: record.line))
        }
        return dates
    }

    func listed(_ id: String, programs filter: Set<String>?) -> Applied? {
        let applying = (rows[id] ?? []).filter { $0.program.isEmpty || filter == nil || filter?.contains($0.program) == true }
        guard let earliest = applying.min(by: { $0.listed < $1.listed }) else { return nil }
        return Applied(
            date: earliest.listed, overridesSource: applying.contains { $0.listed == earliest.listed && $0.overridesSource },
            at: SourceLocation(file: path, line: earliest.line, column: 1))
    }

    /// Every row must date an entry the snapshots have (`programs`: each id
    /// read, before `--programs` chose, with its programmes in any snapshot),
    /// for one of its programmes: a row that fits none would otherwise be
    /// ignored without a word, and a typo in an id go unnoticed.
    func check(against programs: [String: Set<String>]) throws(DiagnosticError) {
        for id in order {
            for row in rows[id] ?? [] {
                let at = SourceLocation(file: path, line: row.line, column: 1)
                guard let has = programs[id] else {
                    throw DiagnosticError(
                        .error(
                            .importFormat, "`\(id)` is in no snapshot; expected the id of an entry of the files imported", at: at,
                            help: "a typo, or an entry of another list? ids are as the imported list writes them (`ofac-4695`, `un-qdi-054`)"))
                }
                guard row.program.isEmpty || has.contains(row.program) else {
                    throw DiagnosticError(
                        .error(
                            .importFormat,
                            "`\(id)` has no programme `\(row.program)` in any snapshot; expected one of its programmes (\(has.sorted().joined(separator: ", ")))",
                            at: at, help: "leave `program` empty for a date that holds for every programme"))
                }
            }
        }
    }

    /// A cited date after the first snapshot that lists the entry
    /// contradicts the official file, and would take the entry out of force
    /// while the file lists it (a 2032 typed for 2023 disables screening
    /// against it).
    static func checkNotAfter(_ applied: Applied, id: String, firstListedIn snapshot: String) throws(DiagnosticError) {
        guard applied.date > snapshot else { return }
        throw DiagnosticError(
            .error(
                .importFormat,
                "`\(id)` is dated \(applied.date), after the snapshot of \(snapshot) that already lists it; expected a date on or before \(snapshot)",
                at: applied.at, help: "a later date would put the entry out of force while the official file lists it"))
    }
}
