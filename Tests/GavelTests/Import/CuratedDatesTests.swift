import Foundation
import Testing

@testable import GavelCLI
@testable import GavelEngine
@testable import GavelImport
@testable import GavelSyntax

/// `--listed-dates` rows are checked against the snapshots: a row that fits
/// no entry, or dates one twice, is an error at its line, and so is a date
/// that would take an entry out of force while the official file lists it.
@Suite("gavel lists import --listed-dates")
struct CuratedDatesTests {
    struct BadTable: CustomTestStringConvertible, Sendable {
        var name: String
        var rows: String
        var expected: String
        var testDescription: String { name }
    }

    /// Against the 2024-05-07 SDN fixture: ofac-306 (CUBA), ofac-4695 (FTO, SDGT), …
    static let bad: [BadTable] = [
        BadTable(
            name: "an id in no snapshot", rows: "ofac-999999,CUBA,2020-01-01,cited\n",
            expected: "dates.csv:2:1: error[import-format] `ofac-999999` is in no snapshot; expected the id of an entry of the files imported"),
        BadTable(
            name: "two rows for one id and programme", rows: "ofac-306,CUBA,2020-01-01,cited\nofac-306,CUBA,2019-01-01,cited\n",
            expected: "dates.csv:3:1: error[import-format] a second date for `ofac-306` and programme `CUBA` (2019-01-01; line 2 gives 2020-01-01 for programme `CUBA`); expected one date per entry and programme"),
        BadTable(
            name: "a row for every programme and one for a programme", rows: "ofac-4695,,2001-10-31,cited\nofac-4695,FTO,1997-10-08,cited\n",
            expected: "dates.csv:3:1: error[import-format] a second date for `ofac-4695` and programme `FTO` (1997-10-08; line 2 gives 2001-10-31 for every programme)"),
        BadTable(
            name: "a programme the entry does not have", rows: "ofac-306,SDGT,2020-01-01,cited\n",
            expected: "dates.csv:2:1: error[import-format] `ofac-306` has no programme `SDGT` in any snapshot; expected one of its programmes (CUBA)"),
        BadTable(
            name: "a date after the snapshot that lists the entry", rows: "ofac-306,CUBA,2030-01-01,future\n",
            expected: "dates.csv:2:1: error[import-format] `ofac-306` is dated 2030-01-01, after the snapshot of 2024-05-07 that already lists it; expected a date on or before 2024-05-07"),
    ]

    static func importing(_ rows: String, snapshots: [ImportOptions.Snapshot], programs: Set<String>? = nil) throws -> (
        status: Int32, directory: String, output: String, errors: String
    ) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gavel-dates-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let table = folder.appendingPathComponent("dates.csv")
        try Data(("id,program,listed,note\n" + rows).utf8).write(to: table)
        return ImportFixtures.run { out in
            var options = ImportOptions(format: .ofacSDNXML, snapshots: snapshots, id: "dated", outputDirectory: out)
            options.curatedDates = table.path
            options.programs = programs
            return options
        }
    }

    @Test("a bad row is an error at its line, and no list is written", arguments: bad)
    func refused(_ bad: BadTable) throws {
        let result = try Self.importing(bad.rows, snapshots: [.init(argument: ImportFixtures.path("ofac-2024/sdn.xml"))])
        defer { try? FileManager.default.removeItem(atPath: result.directory) }
        #expect(result.status == 2)
        #expect(result.errors.contains(bad.expected), "\(result.errors)")
        #expect(!FileManager.default.fileExists(atPath: result.directory + "/dated.jsonl"))
    }

    static let history: [ImportOptions.Snapshot] = [
        .init(argument: ImportFixtures.path("ofac-2021/sdn.csv@2021-04-25"), format: .ofacCSV),
        .init(argument: ImportFixtures.path("ofac-2024/sdn.xml"), format: .ofacSDNXML),
    ]

    @Test("with history, a date after the first snapshot that lists the entry is refused")
    func afterFirstSnapshot() throws {
        // HAMAS is SDGT in both snapshots: a 2022 date would have it out of force in 2021-04-25's list.
        let result = try Self.importing("ofac-4695,SDGT,2022-01-01,cited\n", snapshots: Self.history, programs: ["SDGT"])
        defer { try? FileManager.default.removeItem(atPath: result.directory) }
        #expect(result.status == 2)
        #expect(
            result.errors.contains("`ofac-4695` is dated 2022-01-01, after the snapshot of 2021-04-25 that already lists it"),
            "\(result.errors)")
    }

    @Test("a date between the snapshot without the entry and the first with it is taken")
    func withinTheWindow() throws {
        // CASTELLANOS GARZON joins SDGT in the 2024 snapshot; a cited 2022 date fits.
        let result = try Self.importing("ofac-8150,SDGT,2022-01-01,cited\n", snapshots: Self.history, programs: ["SDGT"])
        defer { try? FileManager.default.removeItem(atPath: result.directory) }
        #expect(result.status == 0, "\(result.errors)")
        let entry = try #require(try ImportFixtures.load(result.directory, id: "dated").entries.first { $0.id == "ofac-8150" })
        #expect(entry.listed == Instant.parse("2022-01-01") && entry.listedSource == .curated)
    }
}
