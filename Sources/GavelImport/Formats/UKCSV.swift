import GavelEngine
import GavelSyntax

/// The UK consolidated list (HM Treasury / OFSI) as the FCA's combined
/// sanctions CSV carries it: the only machine-readable UK data available
/// (the original ConList CSV/XML is not). One row per name variant or
/// address, with a header row; rows whose `sanction_list` is `UK Cons` are
/// the UK list, grouped by `list_internal_id` (the OFSI Group ID).
///
/// - id `uk-<Group ID>`; name: the first row's `full_name` (the converter
///   dropped OFSI's primary/alias flag, so "first" is file order), other
///   names aliases; `entity_type` Individual → individual, Entity →
///   organization, Ship → vessel; `regime` → programs.
/// - `date_added` (DD/MM/YYYY; 31/12/2020 for regimes carried over at the
///   end of the Brexit transition) → listed.
/// - attributes: reference, title, birth_date (00 = unknown day or month),
///   birth_place, nationality, citizenship, position, address, country,
///   personal_id, as published.
///
/// Rows of one group need not be adjacent, so the UK rows are gathered in
/// memory (a few thousand groups) and emitted in first-seen order; the file
/// itself is streamed.
enum UKCSV {
    static let listName = "UK Cons"
    static let required = [
        "full_name", "entity_type", "regime", "date_added", "list_internal_id", "sanction_list",
    ]

    static func read(
        _ path: String, progress: ImportProgress?, entry: (ImportedEntry) throws(DiagnosticError) -> Void
    ) throws(DiagnosticError) -> (date: String?, digest: String) {
        let file = try InputFile(path: path, progress: progress)
        var reader = CSVReader(file)
        guard let header = try reader.nextRecord() else {
            throw DiagnosticError(.error(.importFormat, "empty file; expected a header row", at: SourceLocation(file: path, line: 1, column: 1)))
        }
        var column: [String: Int] = [:]
        for (i, name) in header.fields.enumerated() { column[name.trimmingWhitespace()] = i }
        let missing = required.filter { column[$0] == nil }
        guard missing.isEmpty else {
            throw DiagnosticError(
                .error(
                    .importFormat, "header has no \(missing.map { "`\($0)`" }.joined(separator: ", ")); expected the FCA combined sanctions CSV header",
                    at: SourceLocation(file: path, line: header.line, column: 1)))
        }
        var order: [String] = []
        var groups: [String: ImportedEntry] = [:]
        while let record = try reader.nextRecord() {
            let fields = record.fields
            if fields.count == 1 && fields[0].trimmingWhitespace().isEmpty { continue }
            let at = SourceLocation(file: path, line: record.line, column: 1)
            guard fields.count == header.fields.count else {
                throw DiagnosticError(
                    .error(.importFormat, "row has \(fields.count) fields; expected \(header.fields.count) as in the header", at: at))
            }
            func field(_ name: String) -> String { column[name].map { fields[$0].trimmingWhitespace() } ?? "" }
            guard field("sanction_list") == listName else { continue }
            let group = field("list_internal_id")
            guard !group.isEmpty else {
                throw DiagnosticError(.error(.importFormat, "`list_internal_id` is empty; expected the OFSI Group ID", at: at))
            }
            let name = field("full_name")
            var item: ImportedEntry
            if let existing = groups[group] {
                item = existing
                item.alias(name)
            } else {
                guard !name.isEmpty else {
                    throw DiagnosticError(.error(.importFormat, "`full_name` of group \(group) is empty; expected a name", at: at))
                }
                let type: ListEntry.EntryType
                switch field("entity_type") {
                case "Individual": type = .individual
                case "Entity": type = .organization
                case "Ship": type = .vessel
                default: type = .other
                }
                item = ImportedEntry(id: "uk-\(group)", name: name, type: type, at: at)
                item.attribute("reference", group)
                order.append(group)
            }
            let regime = field("regime")
            if !regime.isEmpty, !item.programs.contains(regime) { item.programs.append(regime) }
            let added = field("date_added")
            if !added.isEmpty {
                guard let date = SourceDates.ukDate(added) else {
                    throw DiagnosticError(.error(.importFormat, "`date_added` is `\(added)`; expected a calendar date as DD/MM/YYYY", at: at))
                }
                if date.count == 10, item.listed.map({ date < $0 }) ?? true { item.listed = date }
            }
            item.attribute("title", field("title"))
            let dob = field("DOB")
            if !dob.isEmpty { item.attribute("birth_date", SourceDates.ukDate(dob) ?? dob) }
            item.attribute("birth_place", [field("birth_location"), field("birth_country")].filter { !$0.isEmpty }.joined(separator: ", "))
            item.attribute("nationality", field("nationality"))
            item.attribute("citizenship", field("citizenship"))
            item.attribute("position", field("position"))
            item.attribute("address", field("address"))
            item.attribute("country", field("address_country"))
            item.attribute("personal_id", field("personal_id"))
            groups[group] = item
        }
        for group in order {
            if let item = groups[group] { try entry(item) }
        }
        return (nil, file.finishDigest())
    }
}
