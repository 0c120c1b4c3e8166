import Foundation
import Testing

@testable import GavelCLI
@testable import GavelEngine
@testable import GavelImport
@testable import GavelSyntax

/// UN and EU birth dates keep what the source says about their precision,
/// in the forms OFAC's importer already writes and corroboration reads:
/// "circa 1961", "1953 to 1958".
@Suite("gavel lists import keeps approximate birth dates and ranges")
struct ApproximateBirthDateTests {
    struct Expected: CustomTestStringConvertible, Sendable {
        var file: String
        var format: ImportFormat
        var entry: String
        var birthDates: [String]
        var source: String
        var testDescription: String { "\(entry): \(source)" }
    }

    /// Records cut from the UN list of 2024-05-15 and the EU file of 2024-05-13.
    static let expected: [Expected] = [
        Expected(file: "birth-dates/un_approximate.xml", format: .unXML, entry: "un-tai-005", birthDates: ["circa 1961"], source: "APPROXIMATELY, YEAR 1961"),
        Expected(
            file: "birth-dates/un_approximate.xml", format: .unXML, entry: "un-tai-038", birthDates: ["circa 1960 to 1962"],
            source: "BETWEEN 1960 and 1962, NOTE Approximately"),
        Expected(file: "birth-dates/un_approximate.xml", format: .unXML, entry: "un-tai-023", birthDates: ["1963 to 1968"], source: "BETWEEN 1963 and 1968"),
        Expected(file: "birth-dates/eu_circa.xml", format: .euFSFXML, entry: "eu-11-43", birthDates: ["circa 1957"], source: "circa, year 1957"),
        Expected(
            file: "birth-dates/eu_circa.xml", format: .euFSFXML, entry: "eu-502-12", birthDates: ["circa 1953 to 1958"],
            source: "circa, yearRangeFrom 1953, yearRangeTo 1958"),
        Expected(
            file: "birth-dates/eu_circa.xml", format: .euFSFXML, entry: "eu-312-72", birthDates: ["circa 1960 to 1962", "1960 to 1962"],
            source: "the same range once circa, once not"),
        Expected(
            file: "birth-dates/eu_circa.xml", format: .euFSFXML, entry: "eu-2618-92", birthDates: ["1973-04-03", "circa 1973-04-03"],
            source: "the same day once circa, once not"),
        Expected(file: "birth-dates/eu_circa.xml", format: .euFSFXML, entry: "eu-2909-48", birthDates: ["1961-08", "1960"], source: "monthOfYear 8, year 1961"),
        Expected(file: "birth-dates/eu_circa.xml", format: .euFSFXML, entry: "eu-4565-86", birthDates: ["to 1980"], source: "yearRangeTo 1980 alone"),
    ]

    static func entries(_ file: String, _ format: ImportFormat) throws -> [String: ListEntry] {
        let result = ImportFixtures.run { out in
            ImportOptions(format: format, snapshots: [.init(argument: ImportFixtures.path(file))], id: "dob", outputDirectory: out)
        }
        defer { try? FileManager.default.removeItem(atPath: result.directory) }
        #expect(result.status == 0, "\(result.errors)")
        let list = try ImportFixtures.load(result.directory, id: "dob")
        return Dictionary(uniqueKeysWithValues: list.entries.map { ($0.id, $0) })
    }

    static func birthDates(_ entry: ListEntry?) -> [String] {
        entry?.attributes.first { $0.key == "birth_date" }?.values ?? []
    }

    @Test("the birth date is written with its precision, as the source gives it", arguments: expected)
    func birthDate(_ expected: Expected) throws {
        let entries = try Self.entries(expected.file, expected.format)
        #expect(Self.birthDates(entries[expected.entry]) == expected.birthDates)
    }

    @Test("a case birth year one off an approximate listed year is not a disagreement; one far off still is")
    func corroboration() throws {
        let un = try Self.entries("birth-dates/un_approximate.xml", .unXML)
        let eu = try Self.entries("birth-dates/eu_circa.xml", .euFSFXML)
        // The probe's cases: MUHAMMAD TAHER ANWARI (circa 1961) and Abdel Hamid Mahmoud (circa 1957).
        let anwari = Self.birthDates(un["un-tai-005"]), mahmoud = Self.birthDates(eu["eu-11-43"])
        #expect(Corroborator.outcome(.birthDate, ["1962-05-01"], anwari) == .unknown)
        #expect(Corroborator.outcome(.birthDate, ["1961-05-01"], anwari) == .agree)
        #expect(Corroborator.outcome(.birthDate, ["1975-05-01"], anwari) == .disagree)
        #expect(Corroborator.outcome(.birthDate, ["1958-01-01"], mahmoud) == .unknown)
        #expect(Corroborator.outcome(.birthDate, ["1940-01-01"], mahmoud) == .disagree)
        // A range: a year inside agrees, one just outside is near the "circa".
        let range = Self.birthDates(eu["eu-502-12"])
        #expect(Corroborator.outcome(.birthDate, ["1955"], range) == .agree)
        #expect(Corroborator.outcome(.birthDate, ["1959-03-01"], range) == .unknown)
    }
}
