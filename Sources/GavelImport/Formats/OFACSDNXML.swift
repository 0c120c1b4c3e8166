import GavelEngine
import GavelSyntax

/// OFAC's SDN XML (`sdnList`, also used for the consolidated non-SDN list).
///
/// - id `ofac-<uid>`; name `firstName lastName` (entities: `lastName`);
///   `sdnType` Individual → individual, Entity → organization, Vessel → vessel,
///   Aircraft → other; `programList` → programs.
/// - `akaList`: `category` strong → aliases, weak → weak_aliases.
/// - `idList`: Website → identifiers.domain (host only, shared platforms
///   left out, see `OFACIdentifiers`), Email Address → identifiers.email;
///   every id is also an attribute (see `OFACIdentifiers.attributeKey`).
/// - attributes: address (its parts joined as published), country (of the
///   addresses), nationality, citizenship, birth_date, birth_place, title,
///   vessel details. The file has no listing dates; `Publish_Date` (under
///   OFAC's misspelt `publshInformation`) dates the snapshot.
enum OFACSDNXML {
    static let namespace = "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/XML"

    static func read(
        _ path: String, progress: ImportProgress?, warn: (String) -> Void, entry: (ImportedEntry) throws(DiagnosticError) -> Void
    ) throws(DiagnosticError) -> (date: String?, digest: String) {
        let file = try InputFile(path: path, progress: progress)
        var reader = XMLRecordReader(file: file, root: ("sdnList", namespace), records: ["sdnEntry"])
        reader.headerFields = ["Publish_Date", "Record_Count"]
        var header = XMLHeader(file: path)
        var records = 0
        try reader.read(header: { header = $0 }) { (node, _) throws(DiagnosticError) in
            records += 1
            try entry(map(node, file: path))
        }
        try checkRecordCount(header, records: records, path: path, warn: warn)
        var date: String?
        if let publishDate = header["Publish_Date"] {
            guard let iso = SourceDates.usDate(publishDate) else {
                throw DiagnosticError(
                    .error(.importFormat, "`Publish_Date` is `\(publishDate)`; expected a calendar date as MM/DD/YYYY", at: header.location("Publish_Date")))
            }
            date = iso
        }
        return (date, file.finishDigest())
    }

    /// OFAC states how many entries the file holds; a download cut short at
    /// an entry's end is still well-formed XML, and as a later snapshot it
    /// would delist every entry it lost.
    static func checkRecordCount(_ header: XMLHeader, records: Int, path: String, warn: (String) -> Void) throws(DiagnosticError) {
        guard let stated = header["Record_Count"] else {
            warn("\(path): no `Record_Count` in `publshInformation`; cannot check that the file is complete")
            return
        }
        guard let expected = Int(stated) else {
            throw DiagnosticError(
                .error(.importFormat, "`Record_Count` is `\(stated)`; expected a number", at: header.location("Record_Count")))
        }
        guard records == expected else {
            throw DiagnosticError(
                .error(
                    .importFormat,
                    "the file holds \(records) `sdnEntry` records; expected \(expected), as its `Record_Count` says",
                    at: header.location("Record_Count"), help: "a cut-short or damaged download? fetch the file again"))
        }
    }

    static func fullName(_ node: XMLNode) -> String {
        let first = node.text("firstName"), last = node.text("lastName")
        return first.isEmpty ? last : "\(first) \(last)"
    }

    static let types: [String: ListEntry.EntryType] = [
        "Individual": .individual, "Entity": .organization, "Vessel": .vessel, "Aircraft": .other,
    ]

    static func map(_ node: XMLNode, file: String) throws(DiagnosticError) -> ImportedEntry {
        let at = SourceLocation(file: file, line: node.line, column: node.column)
        let uid = node.text("uid")
        guard !uid.isEmpty else {
            throw DiagnosticError(.error(.importFormat, "`sdnEntry` without `uid`; expected every entry to have one", at: at))
        }
        guard uid.allSatisfy(\.isASCIIDigit) else {
            throw DiagnosticError(.error(.importFormat, "`uid` is `\(uid)`; expected a number", at: at))
        }
        guard node.children("uid").count == 1 else {
            throw DiagnosticError(.error(.importFormat, "`sdnEntry` uid \(uid) has \(node.children("uid").count) `uid` elements; expected one", at: at))
        }
        let name = fullName(node)
        guard !name.isEmpty else {
            throw DiagnosticError(.error(.importFormat, "`sdnEntry` uid \(uid) has no `lastName`; expected a name", at: at))
        }
        let sdnType = node.text("sdnType")
        guard let type = types[sdnType] else {
            throw DiagnosticError(
                .error(.importFormat, "`sdnType` of uid \(uid) is `\(sdnType)`; expected Individual, Entity, Vessel or Aircraft", at: at))
        }
        var entry = ImportedEntry(id: "ofac-\(uid)", name: name, type: type, at: at)
        entry.programs = node.child("programList")?.children("program").map(\.trimmedText).filter { !$0.isEmpty } ?? []
        for aka in node.child("akaList")?.children("aka") ?? [] {
            // Anything but OFAC's two grades is refused: read as strong, a misspelt "weak" would be screened as a full name.
            let category = aka.text("category")
            guard category == "strong" || category == "weak" else {
                throw DiagnosticError(
                    .error(
                        .importFormat, "`category` of an a.k.a. of uid \(uid) is `\(category)`; expected strong or weak",
                        at: SourceLocation(file: file, line: aka.line, column: aka.column)))
            }
            entry.alias(fullName(aka), weak: category == "weak")
        }
        entry.attribute("title", node.text("title"))
        for address in node.child("addressList")?.children("address") ?? [] {
            let parts = ["address1", "address2", "address3", "city", "stateOrProvince", "postalCode", "country"]
                .map { address.text($0) }.filter { !$0.isEmpty }
            entry.attribute("address", parts.joined(separator: ", "))
            entry.attribute("country", address.text("country"))
        }
        for item in node.child("nationalityList")?.children("nationality") ?? [] {
            entry.attribute("nationality", item.text("country"))
        }
        for item in node.child("citizenshipList")?.children("citizenship") ?? [] {
            entry.attribute("citizenship", item.text("country"))
        }
        for item in node.child("dateOfBirthList")?.children("dateOfBirthItem") ?? [] {
            entry.attribute("birth_date", SourceDates.ofacBirthDate(item.text("dateOfBirth")))
        }
        for item in node.child("placeOfBirthList")?.children("placeOfBirthItem") ?? [] {
            entry.attribute("birth_place", item.text("placeOfBirth"))
        }
        for id in node.child("idList")?.children("id") ?? [] {
            OFACIdentifiers.add(type: id.text("idType"), number: id.text("idNumber"), country: id.text("idCountry"), to: &entry)
        }
        if let vessel = node.child("vesselInfo") {
            for (element, key) in [
                ("callSign", "call_sign"), ("vesselType", "vessel_type"), ("vesselFlag", "vessel_flag"),
                ("vesselOwner", "vessel_owner"),
            ] {
                entry.attribute(key, vessel.text(element))
            }
        }
        return entry
    }
}

/// OFAC `idType`s: web and e-mail identifiers, and attribute names for the rest.
enum OFACIdentifiers {
    /// Domains that identify a platform, not the listed party; never used as
    /// identifiers (kept as the `website` attribute).
    static let sharedPlatforms: Set<String> = [
        "facebook.com", "twitter.com", "x.com", "t.me", "telegram.me", "youtube.com", "instagram.com", "vk.com",
        "linkedin.com", "gmail.com", "yahoo.com", "hotmail.com", "blogspot.com", "wordpress.com",
    ]

    static func add(type: String, number: String, country: String, to entry: inout ImportedEntry) {
        guard !number.isEmpty else { return }
        switch type {
        case "Website":
            entry.attribute("website", number)
            let host = domain(of: number)
            if !host.isEmpty, !sharedPlatforms.contains(host) { entry.identifier("domain", host) }
        case "Email Address":
            entry.identifier("email", number.lowercased())
        default:
            entry.attribute(attributeKey(type), number)
        }
    }

    /// The host of a website id as the list gives it: scheme, path, userinfo
    /// and port removed, lowercased, without a leading `www.` or a trailing dot.
    static func domain(of value: String) -> String {
        // A host has no spaces; what follows one is not part of it.
        var v = value.trimmingWhitespace().split(whereSeparator: \.isWhitespace).first ?? ""
        if let scheme = v.range(of: "://"), v[v.startIndex..<scheme.lowerBound].allSatisfy({ $0.isLetter || $0.isNumber || "+.-".contains($0) }),
            v.first?.isLetter == true
        {
            v = v[scheme.upperBound...]
        }
        v = v.split(separator: "/", omittingEmptySubsequences: false).first ?? ""
        v = v.split(separator: "@", omittingEmptySubsequences: false).last ?? ""
        v = v.split(separator: ":", omittingEmptySubsequences: false).first ?? ""
        var host = String(v).lowercased().trimmingWhitespace()
        while host.hasPrefix(".") { host.removeFirst() }
        while host.hasSuffix(".") { host.removeLast() }
        if host.hasPrefix("www.") { host.removeFirst(4) }
        return host
    }

    /// Registration-like ids share one key (`registration`) for corroboration;
    /// passports and national ids have their own; anything else keeps its
    /// own name in snake case (`swift_bic`, `digital_currency_address_xbt`).
    static func attributeKey(_ type: String) -> String {
        let lower = type.lowercased()
        if lower.contains("registration") || lower.contains("registered") || lower.contains("company number")
            || lower.contains("business number") || lower.contains("tax id") || lower.contains("legal entity number")
        {
            return "registration"
        }
        if lower.hasPrefix("passport") { return "passport" }
        if lower.hasPrefix("national id") { return "national_id" }
        var key = ""
        for scalar in lower.unicodeScalars {
            if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                key.unicodeScalars.append(scalar)
            } else if !key.isEmpty, !key.hasSuffix("_") {
                key += "_"
            }
        }
        while key.hasSuffix("_") { key.removeLast() }
        return key.isEmpty ? "id" : key
    }
}
