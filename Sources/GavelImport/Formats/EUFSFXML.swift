import GavelEngine
import GavelSyntax

/// The EU Financial Sanctions Files, full XML v1.1 (`export`, namespace
/// `http://eu.europa.ec/fpi/fsd/export`).
///
/// - id `eu-` + `euReferenceNumber` without `EU.` and with `-` for `.`
///   (EU.3524.75 → eu-3524-75); `subjectType/@code` person → individual,
///   enterprise → organization.
/// - names: every `nameAlias/@wholeName` once; the name is the first in
///   English or without a language, the others aliases (`@strong="false"`
///   → weak_aliases).
/// - `regulation/@programme` → programs; `@designationDate` → listed (the
///   source's date; the regulations' own dates are of the latest amending
///   act, not the listing, and are not used).
/// - attributes: reference, un_reference, birth_date (approximate ones as
///   "circa 1957", ranges as "1953 to 1958"), birth_place,
///   citizenship and country (ISO codes as published), address,
///   identification numbers (passport, national_id, registration, …).
/// - `@generationDate` on the root dates the snapshot.
enum EUFSFXML {
    static let namespace = "http://eu.europa.ec/fpi/fsd/export"

    static func read(
        _ path: String, progress: ImportProgress?, entry: (ImportedEntry) throws(DiagnosticError) -> Void
    ) throws(DiagnosticError) -> (date: String?, digest: String) {
        let file = try InputFile(path: path, progress: progress)
        let reader = XMLRecordReader(file: file, root: ("export", namespace), records: ["sanctionEntity"])
        var header = XMLHeader(file: path)
        // The file splits a few entities into two adjacent records with the
        // same reference (one per programme, e.g. EU.334.4 under AFG and
        // TAQA); they are one entry, merged here.
        var pending: ImportedEntry?
        try reader.read(header: { header = $0 }) { (node, _) throws(DiagnosticError) in
            guard let mapped = try map(node, file: path) else { return }
            if var held = pending, held.id == mapped.id {
                held.merge(mapped)
                pending = held
            } else {
                if let held = pending { try entry(held) }
                pending = mapped
            }
        }
        if let held = pending { try entry(held) }
        var date: String?
        if let generated = header["generationDate"] {
            let day = String(generated.prefix(10))
            guard Instant.parse(day) != nil else {
                throw DiagnosticError(
                    .error(.importFormat, "`generationDate` is `\(generated)`; expected an ISO 8601 date", at: header.location("generationDate")))
            }
            date = day
        }
        return (date, file.finishDigest())
    }

    /// `@birthdate`, else `@year` (with `@monthOfYear` when given), else the
    /// `@yearRangeFrom`/`@yearRangeTo` range, as the UN and OFAC importers
    /// write them ("1961-08", "1953 to 1958"); `@circa="true"` as "circa …",
    /// OFAC's form: read as exact, a year one off an approximate one
    /// disagreed and vetoed the match.
    static func birthDate(_ birth: XMLNode) -> String {
        let date = birth.attribute("birthdate"), year = birth.attribute("year"), month = birth.attribute("monthOfYear")
        let from = birth.attribute("yearRangeFrom"), to = birth.attribute("yearRangeTo")
        let value: String
        if !date.isEmpty {
            value = date
        } else if !year.isEmpty, let m = Int(month), (1...12).contains(m) {
            value = "\(year)-\(m < 10 ? "0" : "")\(m)"
        } else if !year.isEmpty {
            value = year
        } else if !from.isEmpty || !to.isEmpty {
            value = from == to ? from : "\(from) to \(to)".trimmingWhitespace()
        } else {
            return ""
        }
        return birth.attribute("circa") == "true" ? "circa " + value : value
    }

    static func country(_ code: String) -> String { code == "00" ? "" : code }

    /// Nil for an entity without any name (the file has none; it would be an error if it did).
    static func map(_ node: XMLNode, file: String) throws(DiagnosticError) -> ImportedEntry? {
        let at = SourceLocation(file: file, line: node.line, column: node.column)
        let reference = node.attribute("euReferenceNumber")
        let logical = node.attribute("logicalId")
        guard !reference.isEmpty || !logical.isEmpty else {
            throw DiagnosticError(
                .error(.importFormat, "`sanctionEntity` without `euReferenceNumber` or `logicalId`; expected an id", at: at))
        }
        let id = reference.isEmpty
            ? "eu-logical-\(logical)"
            : "eu-" + (reference.hasPrefix("EU.") ? String(reference.dropFirst(3)) : reference).replacingOccurrences(of: ".", with: "-")
        let aliases = node.children("nameAlias").filter { !$0.attribute("wholeName").isEmpty }
        guard let first = aliases.first else {
            throw DiagnosticError(.error(.importFormat, "`\(reference)` has no `nameAlias` with a `wholeName`; expected a name", at: at))
        }
        let primary = aliases.first { ["EN", ""].contains($0.attribute("nameLanguage")) } ?? first
        let code = node.child("subjectType")?.attribute("code") ?? ""
        let type: ListEntry.EntryType = code == "person" ? .individual : code == "enterprise" ? .organization : .other
        var entry = ImportedEntry(id: id, name: primary.attribute("wholeName"), type: type, at: at)
        for alias in aliases { entry.alias(alias.attribute("wholeName"), weak: alias.attribute("strong") == "false") }
        for regulation in node.children("regulation") {
            let programme = regulation.attribute("programme")
            if !programme.isEmpty, !entry.programs.contains(programme) { entry.programs.append(programme) }
        }
        let designated = node.attribute("designationDate")
        if !designated.isEmpty {
            guard Instant.parse(String(designated.prefix(10))) != nil else {
                throw DiagnosticError(.error(.importFormat, "`designationDate` of `\(reference)` is `\(designated)`; expected YYYY-MM-DD", at: at))
            }
            entry.listed = String(designated.prefix(10))
        }
        entry.attribute("reference", reference)
        entry.attribute("un_reference", node.attribute("unitedNationId"))
        for birth in node.children("birthdate") {
            entry.attribute("birth_date", birthDate(birth))
            let place = [birth.attribute("city"), birth.attribute("place"), birth.attribute("region"), birth.attribute("countryDescription")]
                .filter { !$0.isEmpty && $0 != "UNKNOWN" }.joined(separator: ", ")
            entry.attribute("birth_place", place)
        }
        for citizenship in node.children("citizenship") {
            entry.attribute("citizenship", country(citizenship.attribute("countryIso2Code")))
        }
        for address in node.children("address") {
            let parts = ["street", "poBox", "zipCode", "city", "region", "place", "countryDescription"]
                .map { address.attribute($0) }.filter { !$0.isEmpty && $0 != "UNKNOWN" }
            entry.attribute("address", parts.joined(separator: ", "))
            entry.attribute("country", country(address.attribute("countryIso2Code")))
        }
        for identification in node.children("identification") {
            let number = identification.attribute("number")
            guard !number.isEmpty else { continue }
            let key: String
            switch identification.attribute("identificationTypeCode") {
            case "passport": key = "passport"
            case "id": key = "national_id"
            case "regnumber": key = "registration"
            default: key = OFACIdentifiers.attributeKey(identification.attribute("identificationTypeDescription"))
            }
            entry.attribute(key, number)
        }
        return entry
    }
}
