import Foundation
import Testing

@testable import GavelCLI
@testable import GavelImport
@testable import GavelSyntax

/// A partly downloaded file is the commonest way an import goes wrong, and
/// as a later snapshot it would delist every entry it lost: such files are
/// refused, not imported.
@Suite("gavel lists import refuses cut-short snapshots")
struct CutShortSnapshotTests {
    struct CutShort: CustomTestStringConvertible, Sendable {
        var file: String
        var format: ImportFormat
        var expected: String
        var testDescription: String { file }
    }

    static let cutShort: [CutShort] = [
        // The first two entries of the real sdn.xml, its header saying 14,966.
        CutShort(
            file: "cut-short/sdn_2_of_14966.xml", format: .ofacSDNXML,
            expected: "cut-short/sdn_2_of_14966.xml:5:18: error[import-format] the file holds 2 `sdnEntry` records; expected 14966, as its `Record_Count` says"),
        // The first six rows of the real 2021 sdn.csv, cut at a line's end: no 0x1A.
        CutShort(
            file: "cut-short/csv/sdn.csv@2021-04-25", format: .ofacCSV,
            expected: "cut-short/csv/sdn.csv:7:1: error[import-format] `sdn.csv` ends without OFAC's end-of-file byte 0x1A; expected it after the last row"),
        // The real header with no entry after it.
        CutShort(
            file: "cut-short/sdn_no_entries.xml", format: .ofacSDNXML,
            expected: "cut-short/sdn_no_entries.xml:1:1: error[import-format] `sdn_no_entries.xml` holds no entries; expected the list's records"),
    ]

    @Test("a file that is shorter than it says, or has no entries, exits 2 and writes nothing", arguments: cutShort)
    func refused(_ bad: CutShort) {
        let result = ImportFixtures.run { out in
            ImportOptions(format: bad.format, snapshots: [.init(argument: ImportFixtures.path(bad.file))], id: "cut", outputDirectory: out)
        }
        defer { try? FileManager.default.removeItem(atPath: result.directory) }
        #expect(result.status == 2)
        #expect(result.errors.contains(bad.expected), "\(result.errors)")
        #expect(!FileManager.default.fileExists(atPath: result.directory + "/cut.jsonl"))
    }

    @Test("as a later snapshot, a cut-short file is refused rather than delisting what it lacks")
    func cutShortLaterSnapshot() {
        let result = ImportFixtures.run { out in
            ImportOptions(
                format: .ofacCSV,
                snapshots: [
                    .init(argument: ImportFixtures.path("ofac-2021/sdn.csv@2021-04-25")),
                    .init(argument: ImportFixtures.path("cut-short/sdn_2_of_14966.xml"), format: .ofacSDNXML),
                ], id: "cut", outputDirectory: out)
        }
        defer { try? FileManager.default.removeItem(atPath: result.directory) }
        #expect(result.status == 2)
        #expect(result.errors.contains("expected 14966, as its `Record_Count` says"), "\(result.errors)")
    }

    static func shrinking(allow: Bool) -> (status: Int32, directory: String, output: String, errors: String) {
        ImportFixtures.run { out in
            // Five rows on 2021-04-25, then two of them (a well-formed file, 0x1A and all).
            var options = ImportOptions(
                format: .ofacCSV,
                snapshots: [
                    .init(argument: ImportFixtures.path("ofac-2021/sdn.csv@2021-04-25")),
                    .init(argument: ImportFixtures.path("shrunk/sdn.csv@2021-05-01")),
                ], id: "shrunk", outputDirectory: out)
            options.allowShrink = allow
            return options
        }
    }

    @Test("a later snapshot with fewer than half the entries of the one before is refused, naming both counts")
    func shrinkRefused() {
        let result = Self.shrinking(allow: false)
        defer { try? FileManager.default.removeItem(atPath: result.directory) }
        #expect(result.status == 2)
        #expect(
            result.errors.contains(
                "shrunk/sdn.csv:1:1: error[import-format] `sdn.csv` (2021-05-01) gives the list 2 entries; the snapshot before it, `sdn.csv` (2021-04-25), gave 5; expected a later snapshot to keep at least half of them"),
            "\(result.errors)")
        #expect(result.errors.contains("--allow-shrink"))
        #expect(!FileManager.default.fileExists(atPath: result.directory + "/shrunk.jsonl"))
    }

    @Test("--allow-shrink accepts it, with a warning, and delists the entries it lacks")
    func shrinkAllowed() throws {
        let result = Self.shrinking(allow: true)
        defer { try? FileManager.default.removeItem(atPath: result.directory) }
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.errors.contains("gave 5; accepted (--allow-shrink), the 3 missing entries are delisted"), "\(result.errors)")
        let list = try ImportFixtures.load(result.directory, id: "shrunk")
        #expect(list.entries.filter { $0.delisted != nil }.count == 3)
    }
}
