import Foundation
import Testing

@testable import GavelCLI
@testable import GavelEngine
@testable import GavelImport
@testable import GavelSyntax

/// Smaller checks of `gavel lists import`: errors at the line that is wrong,
/// dates that are no dates or from the future, nothing left behind by a
/// failure, and values a format does not have.
@Suite("gavel lists import: error places, dates and leftovers")
struct ImportChecksTests {
    static func importing(
        _ arguments: [String], format: ImportFormat, names: ImportOptions.Names = .strong, out: String? = nil
    ) -> (status: Int32, directory: String, output: String, errors: String) {
        ImportFixtures.run { directory in
            var options = ImportOptions(format: format, snapshots: arguments.map { .init(argument: $0) }, id: "t", outputDirectory: out ?? directory)
            options.names = names
            return options
        }
    }

    /// The 1-based line of the first occurrence of `text`.
    static func line(of text: String, in file: String) throws -> Int {
        let range = try #require(file.range(of: text))
        return file[..<range.lowerBound].filter { $0 == "\n" }.count + 1
    }

    @Test("a bad Publish_Date is reported at its own line")
    func publishDateLine() throws {
        let original = ImportFixtures.read(ImportFixtures.path("ofac-2024/sdn.xml"))
        let folder = try TemporaryBundle(["sdn.xml": original.replacingOccurrences(of: "05/07/2024", with: "13/45/2024")])
        let result = Self.importing([folder.path + "/sdn.xml"], format: .ofacSDNXML)
        defer { try? FileManager.default.removeItem(atPath: result.directory) }
        #expect(result.status == 2)
        let line = try Self.line(of: "<Publish_Date>", in: original)
        #expect(result.errors.contains("sdn.xml:\(line):18: error[import-format] `Publish_Date` is `13/45/2024`"), "\(result.errors)")
    }

    @Test("a bad LISTED_ON is reported at its own line, not at its record's")
    func listedOnLine() throws {
        let original = ImportFixtures.read(ImportFixtures.path("un/consolidated_2024-05-15.xml"))
        let listed = try #require(original.range(of: #"<LISTED_ON>[0-9-]+</LISTED_ON>"#, options: .regularExpression))
        let folder = try TemporaryBundle(["un.xml": original.replacingCharacters(in: listed, with: "<LISTED_ON>2001-13-45</LISTED_ON>")])
        let result = Self.importing([folder.path + "/un.xml"], format: .unXML)
        defer { try? FileManager.default.removeItem(atPath: result.directory) }
        #expect(result.status == 2)
        let line = try Self.line(of: "<LISTED_ON>", in: original)
        #expect(result.errors.contains("un.xml:\(line):"), "\(result.errors)")
        #expect(result.errors.contains("error[import-format] `LISTED_ON` of"), "\(result.errors)")
    }

    @Test("two snapshots of one date: an error at the second file, naming both paths")
    func duplicateDate() {
        let path = ImportFixtures.path("un/consolidated_2024-05-15.xml")
        let result = Self.importing([path, path], format: .unXML)
        defer { try? FileManager.default.removeItem(atPath: result.directory) }
        #expect(result.status == 2)
        #expect(
            result.errors.contains(
                "un/consolidated_2024-05-15.xml:1:1: error[import-format] `un/consolidated_2024-05-15.xml` is dated 2024-05-15, as `un/consolidated_2024-05-15.xml` is; expected one snapshot per date"),
            "\(result.errors)")
    }

    @Test("FILE@DATE with a date the calendar does not have is a bad date, not a missing file")
    func impossibleDate() {
        let result = Self.importing([ImportFixtures.path("ofac-2021/sdn.csv") + "@2024-02-30"], format: .ofacCSV)
        defer { try? FileManager.default.removeItem(atPath: result.directory) }
        #expect(result.status == 2)
        #expect(result.errors.contains("error[import-format] `2024-02-30` after `"), "\(result.errors)")
        #expect(result.errors.contains("sdn.csv@` is not a calendar date; expected YYYY-MM-DD"), "\(result.errors)")
        #expect(!result.errors.contains("No such file"))
    }

    @Test("a snapshot dated after today is imported with a warning")
    func futureDate() {
        let result = Self.importing([ImportFixtures.path("ofac-2021/sdn.csv") + "@2099-01-01"], format: .ofacCSV)
        defer { try? FileManager.default.removeItem(atPath: result.directory) }
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.errors.contains("sdn.csv: dated 2099-01-01, after today ("), "\(result.errors)")
    }

    @Test("a failed import removes the --out folders it made, and keeps one that was there")
    func noEmptyFolderLeft() throws {
        let parent = try TemporaryBundle(["keep.txt": "x"])
        let out = parent.path + "/new/deeper"
        let result = Self.importing([ImportFixtures.path("cut-short/sdn_2_of_14966.xml")], format: .ofacSDNXML, out: out)
        #expect(result.status == 2)
        #expect(!FileManager.default.fileExists(atPath: parent.path + "/new"))
        #expect(FileManager.default.fileExists(atPath: parent.path + "/keep.txt"))
    }

    @Test("--names weak on a list without weak aliases warns that the list is empty")
    func emptyWeakList() {
        let result = Self.importing([ImportFixtures.path("uk/combined_sanction_lists_sample.csv") + "@2022-05-05"], format: .ukCSV, names: .weak)
        defer { try? FileManager.default.removeItem(atPath: result.directory) }
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.output.contains(": 0 entries"))
        #expect(result.errors.contains("warning: no entry has a weak alias, so the list `t` is empty"), "\(result.errors)")
    }

    @Test("an OFAC a.k.a. category other than strong or weak is an error at the a.k.a.")
    func unknownCategory() throws {
        let original = ImportFixtures.read(ImportFixtures.path("ofac-2024/sdn.xml"))
        let aka = try #require(original.range(of: "<category>strong</category>"))
        let folder = try TemporaryBundle(["sdn.xml": original.replacingCharacters(in: aka, with: "<category>medium</category>")])
        let result = Self.importing([folder.path + "/sdn.xml"], format: .ofacSDNXML)
        defer { try? FileManager.default.removeItem(atPath: result.directory) }
        #expect(result.status == 2)
        // The second a.k.a. of BANCO NACIONAL DE CUBA (the first is weak) opens on line 21.
        #expect(try Self.line(of: "<category>strong</category>", in: original) == 24)
        #expect(result.errors.contains("sdn.xml:21:11: error[import-format]"), "\(result.errors)")
        #expect(result.errors.contains("error[import-format] `category` of an a.k.a. of uid 306 is `medium`; expected strong or weak"), "\(result.errors)")
    }

    @Test("an alt.csv alt_type other than aka, fka or nka is an error at its row")
    func unknownAltType() throws {
        let files = ["sdn.csv", "add.csv", "alt.csv"].map { ($0, ImportFixtures.read(ImportFixtures.path("ofac-2021/" + $0))) }
        var copies = Dictionary(uniqueKeysWithValues: files)
        copies["alt.csv"] = copies["alt.csv"]?.replacingOccurrences(of: "306,220,\"aka\"", with: "306,220,\"weird\"")
        let folder = try TemporaryBundle(copies)
        let result = Self.importing([folder.path + "/sdn.csv@2021-04-25"], format: .ofacCSV)
        defer { try? FileManager.default.removeItem(atPath: result.directory) }
        #expect(result.status == 2)
        #expect(result.errors.contains("alt.csv:1:1: error[import-format] `alt_type` is `weird`; expected aka, fka or nka"), "\(result.errors)")
    }
}
