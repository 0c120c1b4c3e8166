import Foundation
import Testing

@testable import GavelCLI
@testable import GavelImport
@testable import GavelSyntax

/// Snapshots of one list must be copies of one official list: given as a
/// later snapshot, another list's file would delist every entry and file
/// its own entries under the first one's authority.
@Suite("gavel lists import: snapshots of one official list only")
struct SnapshotSourceTests {
    struct Mix: CustomTestStringConvertible, Sendable {
        var name: String
        var files: [(String, ImportFormat)]
        var expected: String
        var testDescription: String { name }
    }

    static let mixes: [Mix] = [
        Mix(
            name: "OFAC CSV then UN XML", files: [("ofac-2021/sdn.csv@2021-04-25", .ofacCSV), ("un/consolidated_2024-05-15.xml", .unXML)],
            expected: "error[import-format] `consolidated_2024-05-15.xml` (un-xml) is a copy of the UN Security Council consolidated list, but `sdn.csv` (ofac-csv) of the OFAC SDN list; expected every file to be a snapshot of one list"),
        Mix(
            name: "EU XML then UK CSV", files: [("eu/eu_fsf_full.xml", .euFSFXML), ("uk/combined_sanction_lists_sample.csv@2024-06-01", .ukCSV)],
            expected: "error[import-format] `combined_sanction_lists_sample.csv` (uk-csv) is a copy of the UK consolidated list, but `eu_fsf_full.xml` (eu-fsf-xml) of the EU financial sanctions list"),
        Mix(
            name: "OFAC SDN XML then OFAC's non-SDN consolidated XML",
            files: [("ofac-2024/sdn.xml", .ofacSDNXML), ("ofac-consolidated/consolidated.xml", .ofacSDNXML)],
            expected: "error[import-format] `consolidated.xml` (ofac-sdn-xml) is a copy of the OFAC consolidated (non-SDN) list, but `sdn.xml` (ofac-sdn-xml) of the OFAC SDN list"),
    ]

    @Test("files of different official lists are refused as one list's history", arguments: mixes)
    func refused(_ mix: Mix) {
        let result = ImportFixtures.run { out in
            ImportOptions(
                format: mix.files[0].1, snapshots: mix.files.map { .init(argument: ImportFixtures.path($0.0), format: $0.1) }, id: "mix",
                outputDirectory: out)
        }
        defer { try? FileManager.default.removeItem(atPath: result.directory) }
        #expect(result.status == 2)
        #expect(result.errors.contains(mix.expected), "\(result.errors)")
        #expect(!FileManager.default.fileExists(atPath: result.directory + "/mix.jsonl"))
    }

    @Test("OFAC's non-SDN consolidated list gets its own source URL in the header, not SDN.XML's")
    func consolidatedSource() {
        let result = ImportFixtures.run { out in
            ImportOptions(
                format: .ofacSDNXML, snapshots: [.init(argument: ImportFixtures.path("ofac-consolidated/consolidated.xml"))], id: "nonsdn",
                outputDirectory: out)
        }
        defer { try? FileManager.default.removeItem(atPath: result.directory) }
        #expect(result.status == 0, "\(result.errors)")
        let yaml = ImportFixtures.read(result.directory + "/nonsdn.yaml")
        #expect(yaml.contains("\nauthority: \"US-OFAC\"\nsource: \"https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/CONSOLIDATED.XML\"\n"), "\(yaml)")
    }
}
