import Foundation
import GavelEngine
import GavelSyntax

/// OFAC's legacy CSV trio, joined on `ent_num` (= the XML `uid`):
///
/// - `sdn.csv` (12 columns, no header): id `ofac-<ent_num>`; `SDN_Name`
///   (individuals' `LAST, First` turned into the XML's `First LAST`);
///   `SDN_Type` individual/vessel/aircraft, `-0- ` for entities; `Program`
///   split at `] [` (`FTO] [SDGT` → FTO, SDGT); `Title`; vessel columns;
///   `Remarks` (cut at 1,000 characters by OFAC) read for DOB, POB,
///   nationality, citizenship, gender, passport, website (its first word)
///   and e-mail (`Email Address`, `Email`, `EMAIL`, `Email:`).
/// - `alt.csv` (5): every a.k.a./f.k.a./n.k.a. is an alias; the CSV has no
///   strong/weak grading, so none is weak.
/// - `add.csv` (6): address (parts joined as published) and country.
///
/// Nulls are the literal `-0- ` (with its space); the files end with a 0x1A
/// byte (handled by `CSVReader`), and a file without it is refused: it was
/// cut short, and as a later snapshot would delist every row it lost. `add.csv` and `alt.csv` are read from the
/// folder of `sdn.csv` and held in memory by `ent_num` (they are a few MB);
/// `sdn.csv` itself is streamed. Without them, entries have no aliases or
/// addresses and a warning says so. The files carry no date.
enum OFACCSV {
    static func companions(of path: String) -> [String?] {
        let folder = FileAccess.parent(of: path)
        let name = (path as NSString).lastPathComponent
        let upper = name.hasPrefix("SDN")
        return ["add.csv", "alt.csv"].map { companion in
            let candidate = (folder.isEmpty ? "" : folder + "/") + (upper ? companion.uppercased() : companion)
            return FileManager.default.fileExists(atPath: candidate) ? candidate : nil
        }
    }

    static func value(_ field: String) -> String {
        let trimmed = field.trimmingWhitespace()
        return trimmed == "-0-" ? "" : trimmed
    }

    /// `LAST, First` → `First LAST`; names without `, ` unchanged.
    static func personName(_ text: String) -> String {
        guard let comma = text.range(of: ", ") else { return text }
        let last = text[..<comma.lowerBound], first = text[comma.upperBound...]
        return first.isEmpty ? String(last) : "\(first) \(last)"
    }

    static func rows(
        _ path: String, columns: Int, progress: ImportProgress?, _ body: ([String], SourceLocation) throws(DiagnosticError) -> Void
    ) throws(DiagnosticError) -> (digest: String, rows: Int) {
        let file = try InputFile(path: path, progress: progress)
        var reader = CSVReader(file)
        var count = 0
        while let record = try reader.nextRecord() {
            if record.fields.count == 1 && record.fields[0].trimmingWhitespace().isEmpty { continue }
            count += 1
            let at = SourceLocation(file: path, line: record.line, column: 1)
            guard record.fields.count == columns else {
                throw DiagnosticError(
                    .error(.importFormat, "row has \(record.fields.count) fields; expected \(columns)", at: at))
            }
            try body(record.fields, at)
        }
        // A file without rows is reported as empty by whoever reads it.
        guard reader.sawEndOfFileByte || count == 0 else {
            throw DiagnosticError(
                .error(
                    .importFormat,
                    "`\((path as NSString).lastPathComponent)` ends without OFAC's end-of-file byte 0x1A; expected it after the last row",
                    at: reader.location, help: "OFAC ends every CSV file with it: a cut-short download? fetch the file again"))
        }
        return (file.finishDigest(), count)
    }

    static func read(
        _ path: String, progress: ImportProgress?, warn: (String) -> Void,
        entry: (ImportedEntry) throws(DiagnosticError) -> Void
    ) throws(DiagnosticError) -> (date: String?, digest: String) {
        let found = companions(of: path)
        var aliases: [String: [(type: String, name: String)]] = [:]
        var addresses: [String: [(address: String, country: String)]] = [:]
        if let add = found[0] {
            let read = try rows(add, columns: 6, progress: progress) { (f, _) throws(DiagnosticError) in
                let parts = [value(f[2]), value(f[3]), value(f[4])].filter { !$0.isEmpty }
                addresses[value(f[0]), default: []].append((parts.joined(separator: ", "), value(f[4])))
            }
            if read.rows == 0 { warn("\(add) is empty; entries will have no addresses") }
        } else {
            warn("\(path): no add.csv beside it; entries will have no addresses")
        }
        if let alt = found[1] {
            let read = try rows(alt, columns: 5, progress: progress) { (f, at) throws(DiagnosticError) in
                // OFAC's three kinds of name; anything else is not this file (or not this column).
                guard ["aka", "fka", "nka"].contains(value(f[2])) else {
                    throw DiagnosticError(.error(.importFormat, "`alt_type` is `\(value(f[2]))`; expected aka, fka or nka", at: at))
                }
                aliases[value(f[0]), default: []].append((value(f[2]), value(f[3])))
            }
            if read.rows == 0 { warn("\(alt) is empty; entries will have no aliases") }
        } else {
            warn("\(path): no alt.csv beside it; entries will have no aliases")
        }
        let (digest, _) = try rows(path, columns: 12, progress: progress) { (f, at) throws(DiagnosticError) in
            let number = value(f[0])
            guard !number.isEmpty, number.allSatisfy(\.isASCIIDigit) else {
                throw DiagnosticError(.error(.importFormat, "`ent_num` is `\(f[0])`; expected a number", at: at))
            }
            let sdnType = value(f[2])
            let type: ListEntry.EntryType
            switch sdnType {
            case "": type = .organization
            case "individual": type = .individual
            case "vessel": type = .vessel
            case "aircraft": type = .other
            default:
                throw DiagnosticError(
                    .error(.importFormat, "`SDN_Type` is `\(sdnType)`; expected individual, vessel, aircraft or `-0- `", at: at))
            }
            let rawName = value(f[1])
            guard !rawName.isEmpty else {
                throw DiagnosticError(.error(.importFormat, "`SDN_Name` of ent_num \(number) is empty; expected a name", at: at))
            }
            var item = ImportedEntry(id: "ofac-\(number)", name: type == .individual ? personName(rawName) : rawName, type: type, at: at)
            item.programs = value(f[3]).split(separator: "] [").map {
                String($0).trimmingCharacters(in: CharacterSet(charactersIn: "[] "))
            }.filter { !$0.isEmpty }
            for alias in aliases[number] ?? [] {
                item.alias(type == .individual ? personName(alias.name) : alias.name)
            }
            item.attribute("title", value(f[4]))
            for address in addresses[number] ?? [] {
                item.attribute("address", address.address)
                item.attribute("country", address.country)
            }
            for (column, key) in [(5, "call_sign"), (6, "vessel_type"), (9, "vessel_flag"), (10, "vessel_owner")] {
                item.attribute(key, value(f[column]))
            }
            remarks(value(f[11]), into: &item)
            try entry(item)
        }
        return (nil, digest)
    }

    /// The structured parts of `Remarks` (`DOB 1938; alt. DOB 1936; POB …`).
    static func remarks(_ text: String, into entry: inout ImportedEntry) {
        for part in text.split(separator: ";") {
            var item = String(part).trimmingWhitespace()
            if item.hasPrefix("alt. ") { item.removeFirst(5) }
            if item.hasSuffix(".") { item.removeLast() }
            func after(_ prefix: String) -> String? {
                item.hasPrefix(prefix) ? String(item.dropFirst(prefix.count)).trimmingWhitespace() : nil
            }
            if let v = after("DOB ") {
                entry.attribute("birth_date", SourceDates.ofacBirthDate(v))
            } else if let v = after("POB ") {
                entry.attribute("birth_place", v)
            } else if let v = after("nationality ") {
                entry.attribute("nationality", v)
            } else if let v = after("citizen ") {
                entry.attribute("citizenship", v)
            } else if let v = after("Gender ") {
                entry.attribute("gender", v)
            } else if let v = after("Passport ") {
                entry.attribute("passport", v)
            } else if let v = after("Website ") {
                OFACIdentifiers.add(type: "Website", number: firstWord(v), country: "", to: &entry)
            } else if let v = email(item) {
                OFACIdentifiers.add(type: "Email Address", number: firstWord(v), country: "", to: &entry)
            }
        }
    }

    /// An address or a host ends at the first space: the remark may go on
    /// with a sentence (`Website www.alturath.org. Revival of …`), and a
    /// full stop after it is the sentence's.
    static func firstWord(_ text: String) -> String {
        var word = String(text.split(whereSeparator: \.isWhitespace).first ?? "")
        while word.hasSuffix(".") { word.removeLast() }
        return word
    }

    /// What follows `Email Address`, or OFAC's other spellings of it
    /// (`Email`, `EMAIL`, `Email:`); nil for any other remark.
    static func email(_ item: String) -> String? {
        guard item.lowercased().hasPrefix("email") else { return nil }
        var rest = Substring(item.dropFirst(5))
        if rest.lowercased().hasPrefix(" address") { rest = rest.dropFirst(8) }
        guard let first = rest.first, first == " " || first == ":" else { return nil }
        let value = rest.drop { $0 == " " || $0 == ":" }
        return value.contains("@") ? String(value) : nil
    }
}
