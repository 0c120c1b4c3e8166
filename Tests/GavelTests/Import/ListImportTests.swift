import Foundation
import Testing

@testable import GavelCLI
@testable import GavelEngine
@testable import GavelImport
@testable import GavelSyntax

@Suite("gavel lists import")
struct ListImportTests {
    struct Fixture: CustomTestStringConvertible, Sendable {
        var name: String
        var formats: [ImportFormat]
        var files: [String]
        var programs: Set<String>? = nil
        var names: ImportOptions.Names = .strong
        var testDescription: String { name }
    }

    static let fixtures: [Fixture] = [
        Fixture(name: "ofac-sdn-xml", formats: [.ofacSDNXML], files: ["ofac-2024/sdn.xml"]),
        Fixture(name: "ofac-sdn-xml-weak", formats: [.ofacSDNXML], files: ["ofac-2024/sdn.xml"], programs: ["SDGT"], names: .weak),
        Fixture(name: "ofac-csv", formats: [.ofacCSV], files: ["ofac-2021/sdn.csv@2021-04-25"]),
        Fixture(name: "un-xml", formats: [.unXML], files: ["un/consolidated_2024-05-15.xml"]),
        Fixture(name: "un-xml-gzip", formats: [.unXML], files: ["un/consolidated_2020-11-24.xml.gz"]),
        Fixture(name: "eu-fsf-xml", formats: [.euFSFXML], files: ["eu/eu_fsf_full.xml"]),
        Fixture(name: "uk-csv", formats: [.ukCSV], files: ["uk/combined_sanction_lists_sample.csv@2022-05-05"]),
        Fixture(
            name: "history-ofac-sdgt", formats: [.ofacCSV, .ofacSDNXML],
            files: ["ofac-2021/sdn.csv@2021-04-25", "ofac-2024/sdn.xml"], programs: ["SDGT"]),
        Fixture(
            name: "history-un", formats: [.unXML], files: ["un/consolidated_2024-05-15.xml", "un/consolidated_2020-11-24.xml.gz"]),
    ]

    static func options(_ fixture: Fixture, into directory: String) -> ImportOptions {
        let snapshots = fixture.files.enumerated().map { i, file in
            ImportOptions.Snapshot(
                argument: ImportFixtures.path(file), format: fixture.formats.count == fixture.files.count ? fixture.formats[i] : nil)
        }
        var options = ImportOptions(format: fixture.formats[0], snapshots: snapshots, id: "imported", outputDirectory: directory)
        options.programs = fixture.programs
        options.names = fixture.names
        return options
    }

    @Test("each format's fixture imports to its golden list, which the loader reads", arguments: fixtures)
    func golden(_ fixture: Fixture) throws {
        let result = ImportFixtures.run { Self.options(fixture, into: $0) }
        defer { try? FileManager.default.removeItem(atPath: result.directory) }
        #expect(result.status == 0, "\(result.errors)")
        let yaml = ImportFixtures.read(result.directory + "/imported.yaml")
        let jsonl = ImportFixtures.read(result.directory + "/imported.jsonl")
        assertGolden(yaml + "---\n" + jsonl, "lists-import/\(fixture.name).txt")
        let list = try ImportFixtures.load(result.directory, id: "imported")
        #expect(list.entries.count == jsonl.split(separator: "\n").count)
        #expect(list.snapshots.count == fixture.files.count)
    }

    @Test("history: a new entry is listed from its first snapshot, a vanished one delisted at the first it is absent from")
    func history() throws {
        let fixture = Self.fixtures.first { $0.name == "history-ofac-sdgt" }!
        let result = ImportFixtures.run { Self.options(fixture, into: $0) }
        defer { try? FileManager.default.removeItem(atPath: result.directory) }
        #expect(result.status == 0, "\(result.errors)")
        let list = try ImportFixtures.load(result.directory, id: "imported")
        let byID = Dictionary(uniqueKeysWithValues: list.entries.map { ($0.id, $0) })
        // HAMAS: SDGT in both snapshots, no date anywhere: in force from the start.
        let hamas = try #require(byID["ofac-4695"])
        #expect(hamas.listed == nil && hamas.delisted == nil && hamas.listedSource == nil)
        // George HABBASH: SDGT in 2021, gone by 2024.
        let habbash = try #require(byID["ofac-2680"])
        #expect(habbash.delisted == Instant.parse("2024-05-07") && habbash.delistedSource == .snapshot)
        // Henry CASTELLANOS GARZON: SDNTK only in 2021, SDGT in 2024: joins this list in 2024.
        let castellanos = try #require(byID["ofac-8150"])
        #expect(castellanos.listed == Instant.parse("2024-05-07") && castellanos.listedSource == .snapshot)
        #expect(castellanos.weakAliases.contains("ROMANA"))
        // The first snapshot is the older file whatever the order given.
        #expect(list.snapshots.map(\.date.description) == ["2021-04-25", "2024-05-07"])
        #expect(list.asOf == Instant.parse("2024-05-07"))
    }

    @Test("a source's own listing date wins over a curated one, with a warning; curated dates fill the rest")
    func curatedDates() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("gavel-dates-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        // One table per list: a row whose id is in no snapshot is an error (CuratedDatesTests).
        let table = directory + "/dates.csv", euTable = directory + "/eu-dates.csv"
        try Data("id,program,listed,note\nofac-4695,SDGT,2001-10-31,cited\nofac-4695,FTO,1997-10-08,cited\n".utf8)
            .write(to: URL(fileURLWithPath: table))
        try Data("id,program,listed,note\neu-3524-75,TERR,2001-12-27,cited\n".utf8).write(to: URL(fileURLWithPath: euTable))
        let eu = ImportFixtures.run { out in
            var options = ImportOptions(format: .euFSFXML, snapshots: [.init(argument: ImportFixtures.path("eu/eu_fsf_full.xml"))], id: "eu", outputDirectory: out)
            options.curatedDates = euTable
            return options
        }
        defer { try? FileManager.default.removeItem(atPath: eu.directory) }
        #expect(eu.errors.contains("eu-3524-75: curated listing date 2001-12-27 differs from the source's 2001-12-28"))
        let hamasEU = try #require(try ImportFixtures.load(eu.directory, id: "eu").entries.first { $0.id == "eu-3524-75" })
        #expect(hamasEU.listed == Instant.parse("2001-12-28") && hamasEU.listedSource == .source)
        let fto = ImportFixtures.run { out in
            var options = ImportOptions(format: .ofacSDNXML, snapshots: [.init(argument: ImportFixtures.path("ofac-2024/sdn.xml"))], id: "fto", outputDirectory: out)
            options.curatedDates = table
            options.programs = ["FTO"]
            return options
        }
        defer { try? FileManager.default.removeItem(atPath: fto.directory) }
        let hamas = try #require(try ImportFixtures.load(fto.directory, id: "fto").entries.first { $0.id == "ofac-4695" })
        #expect(hamas.listed == Instant.parse("1997-10-08") && hamas.listedSource == .curated)
    }

    @Test("a curated row whose note begins `override:` replaces the source's date, with a warning")
    func curatedOverride() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("gavel-override-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let table = directory + "/dates.csv"
        try Data("id,program,listed,note\neu-3524-75,TERR,2003-09-12,\"override: Hamas as a whole from Council Decision 2003/646/EC\"\n".utf8)
            .write(to: URL(fileURLWithPath: table))
        let eu = ImportFixtures.run { out in
            var options = ImportOptions(format: .euFSFXML, snapshots: [.init(argument: ImportFixtures.path("eu/eu_fsf_full.xml"))], id: "eu", outputDirectory: out)
            options.curatedDates = table
            return options
        }
        defer { try? FileManager.default.removeItem(atPath: eu.directory) }
        #expect(eu.status == 0)
        #expect(eu.errors.contains("eu-3524-75: the curated override 2003-09-12 replaces the source's listing date 2001-12-28"))
        let hamas = try #require(try ImportFixtures.load(eu.directory, id: "eu").entries.first { $0.id == "eu-3524-75" })
        #expect(hamas.listed == Instant.parse("2003-09-12") && hamas.listedSource == .curated)
    }

    struct Malformed: CustomTestStringConvertible, Sendable {
        var file: String
        var format: ImportFormat
        var expected: String
        var testDescription: String { file }
    }

    static let malformed: [Malformed] = [
        Malformed(file: "unterminated-quote.csv", format: .ofacCSV, expected: "malformed/unterminated-quote.csv:2:5: error[import-syntax] unterminated quoted field"),
        Malformed(file: "quote-runs-into-next-line.csv", format: .ofacCSV, expected: "malformed/quote-runs-into-next-line.csv:3:6: error[import-syntax] unexpected `B` after a closing quote (the quoted field opened at line 2, column 5)"),
        Malformed(file: "text-after-closing-quote.csv", format: .ofacCSV, expected: "malformed/text-after-closing-quote.csv:1:20: error[import-syntax] unexpected `A` after a closing quote"),
        Malformed(file: "missing-field.csv", format: .ofacCSV, expected: "malformed/missing-field.csv:2:1: error[import-format] row has 11 fields; expected 12"),
        Malformed(file: "data-after-eof-byte.csv", format: .ofacCSV, expected: "malformed/data-after-eof-byte.csv:3:2: error[import-syntax] unexpected data after the end-of-file byte 0x1A"),
        Malformed(file: "broken-tag.xml", format: .ofacSDNXML, expected: "malformed/broken-tag.xml:9:30: error[import-syntax] malformed XML (a closing tag that does not match the open one, libxml2 error 76)"),
        Malformed(file: "missing-uid.xml", format: .ofacSDNXML, expected: "malformed/missing-uid.xml:13:12: error[import-format] `sdnEntry` without `uid`"),
        Malformed(file: "no-namespace.xml", format: .ofacSDNXML, expected: "malformed/no-namespace.xml:2:9: error[import-format] expected root element `<sdnList>` in namespace"),
        Malformed(file: "uk-missing-columns.csv", format: .ukCSV, expected: "malformed/uk-missing-columns.csv:1:1: error[import-format] header has no `regime`"),
        Malformed(file: "corrupt.xml.gz", format: .unXML, expected: "error[unreadable-file] `"),
        Malformed(file: "uid-not-a-number.xml", format: .ofacSDNXML, expected: "malformed/uid-not-a-number.xml:13:12: error[import-format] `uid` is `../../etc`; expected a number"),
        Malformed(file: "two-uids.xml", format: .ofacSDNXML, expected: "malformed/two-uids.xml:7:12: error[import-format] `sdnEntry` uid 4695 has 2 `uid` elements; expected one"),
        Malformed(file: "duplicate-entry.xml", format: .ofacSDNXML, expected: "malformed/duplicate-entry.xml:13:12: error[import-format] entry `ofac-4695` appears twice; expected one entry per id\n  help: first at 7:12"),
        Malformed(file: "external-entity.xml", format: .ofacSDNXML, expected: "malformed/external-entity.xml:1:1: error[import-syntax] the file declares the external entity `x`; expected none"),
        Malformed(file: "entity-bomb.xml", format: .ofacSDNXML, expected: "error[import-syntax] malformed XML (entities that expand without bound, or refer to themselves; list files need none, libxml2 error 89)"),
        Malformed(file: "uk-nul-in-name.csv", format: .ukCSV, expected: "malformed/uk-nul-in-name.csv:2:1: error[import-format] entry `uk-12431` has a control character (U+0000)"),
    ]

    @Test("malformed input exits 2 at its file:line:column and leaves no list behind", arguments: malformed)
    func malformedInput(_ bad: Malformed) {
        let result = ImportFixtures.run { out in
            ImportOptions(format: bad.format, snapshots: [.init(argument: ImportFixtures.path("malformed/" + bad.file) + "@2024-01-01")], id: "bad", outputDirectory: out)
        }
        defer { try? FileManager.default.removeItem(atPath: result.directory) }
        #expect(result.status == 2)
        #expect(result.errors.contains(bad.expected), "\(result.errors)")
        #expect(!FileManager.default.fileExists(atPath: result.directory + "/bad.jsonl"))
        #expect(!FileManager.default.fileExists(atPath: result.directory + "/.bad.jsonl.partial"))
    }

    @Test("a value the bundle loader would refuse is refused at import, where the entry is")
    func overlongValue() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gavel-long-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let fixture = ImportFixtures.read(ImportFixtures.path("malformed/missing-uid.xml"))
        let long = fixture.replacingOccurrences(of: "<lastName>HAMAS</lastName>", with: "<lastName>\(String(repeating: "H", count: 1_100_000))</lastName>")
            .replacingOccurrences(of: "  <sdnEntry>\n    <lastName>NO UID FRONT</lastName>\n    <sdnType>Entity</sdnType>\n  </sdnEntry>\n", with: "")
        let path = folder.appendingPathComponent("long.xml").path
        try Data(long.utf8).write(to: URL(fileURLWithPath: path))
        let result = ImportFixtures.run { out in
            ImportOptions(format: .ofacSDNXML, snapshots: [.init(argument: path + "@2024-01-01")], id: "long", outputDirectory: out)
        }
        defer { try? FileManager.default.removeItem(atPath: result.directory) }
        #expect(result.status == 2)
        #expect(result.errors.contains("long.xml:7:12: error[import-format] entry `ofac-4695` has a value of 1100000 bytes; expected at most"), "\(result.errors)")
    }

    @Test("a file without a date of its own needs one after the path")
    func undatedFile() {
        let result = ImportFixtures.run { out in
            ImportOptions(format: .ofacCSV, snapshots: [.init(argument: ImportFixtures.path("ofac-2021/sdn.csv"))], id: "x", outputDirectory: out)
        }
        defer { try? FileManager.default.removeItem(atPath: result.directory) }
        #expect(result.status == 2)
        #expect(result.errors.contains("does not say when it was published"))
    }
}
