import GavelEngine
import GavelSyntax

/// The UN Security Council consolidated list (`CONSOLIDATED_LIST`, no namespace).
///
/// - `INDIVIDUAL` → individual, `ENTITY` → organization; id `un-` + the
///   `REFERENCE_NUMBER` in lower case with `-` for `.` (QDi.054 → un-qdi-054).
/// - name: `FIRST_NAME` … `FOURTH_NAME` joined; `NAME_ORIGINAL_SCRIPT` is the
///   first alias; `*_ALIAS` of `QUALITY` Low → weak_aliases, others aliases.
/// - `LISTED_ON` → listed (the source's own date); `UN_LIST_TYPE` → program
///   `UN-<TYPE>` in upper case (Al-Qaida → UN-AL-QAIDA).
/// - attributes: reference, nationality, birth_date (approximate ones as
///   "circa 1961", ranges as "1963 to 1968"), birth_place, address,
///   country (of the addresses), documents (passport, national_id, …), title.
/// - `dateGenerated` on the root dates the snapshot.
enum UNXML {
    static func read(
        _ path: String, progress: ImportProgress?, entry: (ImportedEntry) throws(DiagnosticError) -> Void
    ) throws(DiagnosticError) -> (date: String?, digest: String) {
        let file = try InputFile(path: path, progress: progress)
        let reader = XMLRecordReader(file: file, root: ("CONSOLIDATED_LIST", ""), records: ["INDIVIDUAL", "ENTITY"])
        var header = XMLHeader(file: path)
        try reader.read(header: { header = $0 }) { (node, _) throws(DiagnosticError) in
            try entry(map(node, file: path))
        }
        var date: String?
        if let generated = header["dateGenerated"] {
            let day = String(generated.prefix(10))
            guard Instant.parse(day) != nil else {
                throw DiagnosticError(
                    .error(.importFormat, "`dateGenerated` is `\(generated)`; expected an ISO 8601 date", at: header.location("dateGenerated")))
            }
            date = day
        }
        return (date, file.finishDigest())
    }

    static func map(_ node: XMLNode, file: String) throws(DiagnosticError) -> ImportedEntry {
        let at = SourceLocation(file: file, line: node.line, column: node.column)
        let reference = node.text("REFERENCE_NUMBER")
        guard !reference.isEmpty else {
            throw DiagnosticError(
                .error(.importFormat, "`\(node.name)` without `REFERENCE_NUMBER`; expected every entry to have one", at: at))
        }
        let name = ["FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME"].map { node.text($0) }
            .filter { !$0.isEmpty }.joined(separator: " ")
        guard !name.isEmpty else {
            throw DiagnosticError(.error(.importFormat, "`\(reference)` has no `FIRST_NAME`; expected a name", at: at))
        }
        let id = "un-" + reference.lowercased().replacingOccurrences(of: ".", with: "-")
        var entry = ImportedEntry(id: id, name: name, type: node.name == "INDIVIDUAL" ? .individual : .organization, at: at)
        entry.alias(node.text("NAME_ORIGINAL_SCRIPT"))
        for alias in node.children("INDIVIDUAL_ALIAS") + node.children("ENTITY_ALIAS") {
            entry.alias(alias.text("ALIAS_NAME"), weak: alias.text("QUALITY") == "Low")
        }
        let listed = String(node.text("LISTED_ON").prefix(10))
        if !listed.isEmpty {
            guard Instant.parse(listed) != nil else {
                let element = node.child("LISTED_ON").map { SourceLocation(file: file, line: $0.line, column: $0.column) } ?? at
                throw DiagnosticError(.error(.importFormat, "`LISTED_ON` of `\(reference)` is `\(listed)`; expected YYYY-MM-DD", at: element))
            }
            entry.listed = listed
        }
        let listType = node.text("UN_LIST_TYPE")
        if !listType.isEmpty { entry.programs = ["UN-" + listType.uppercased()] }
        entry.attribute("reference", reference)
        for value in node.child("TITLE")?.children("VALUE") ?? [] { entry.attribute("title", value.trimmedText) }
        for value in node.child("NATIONALITY")?.children("VALUE") ?? [] { entry.attribute("nationality", value.trimmedText) }
        for birth in node.children("INDIVIDUAL_DATE_OF_BIRTH") { entry.attribute("birth_date", birthDate(birth)) }
        for place in node.children("INDIVIDUAL_PLACE_OF_BIRTH") {
            entry.attribute("birth_place", joined(place, ["CITY", "STATE_PROVINCE", "COUNTRY"]))
        }
        for address in node.children("INDIVIDUAL_ADDRESS") + node.children("ENTITY_ADDRESS") {
            entry.attribute("address", joined(address, ["STREET", "CITY", "STATE_PROVINCE", "ZIP_CODE", "COUNTRY", "NOTE"]))
            entry.attribute("country", address.text("COUNTRY"))
        }
        for document in node.children("INDIVIDUAL_DOCUMENT") {
            let number = document.text("NUMBER")
            guard !number.isEmpty else { continue }
            entry.attribute(OFACIdentifiers.attributeKey(document.text("TYPE_OF_DOCUMENT")), number)
        }
        return entry
    }

    /// A date, a year or a `FROM_YEAR to TO_YEAR` range; approximate
    /// (`TYPE_OF_DATE` APPROXIMATELY, or a range whose `NOTE` says
    /// "Approximately") as "circa …", the form OFAC writes: read as exact, a
    /// year one off an approximate one disagreed and vetoed the match.
    static func birthDate(_ birth: XMLNode) -> String {
        let date = birth.text("DATE"), year = birth.text("YEAR")
        let from = birth.text("FROM_YEAR"), to = birth.text("TO_YEAR")
        let value: String
        if !date.isEmpty {
            value = String(date.prefix(10))
        } else if !year.isEmpty {
            value = year
        } else if !from.isEmpty || !to.isEmpty {
            value = "\(from) to \(to)".trimmingWhitespace()
        } else {
            return ""
        }
        let approximate = birth.text("TYPE_OF_DATE") == "APPROXIMATELY" || birth.text("NOTE").lowercased().hasPrefix("approximately")
        return approximate ? "circa " + value : value
    }

    static func joined(_ node: XMLNode, _ parts: [String]) -> String {
        parts.map { node.text($0) }.filter { !$0.isEmpty }.joined(separator: ", ")
    }
}
