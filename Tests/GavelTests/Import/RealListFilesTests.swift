import Foundation
import Testing

@testable import GavelCLI
@testable import GavelImport
@testable import GavelSyntax

/// Imports the full official files of the shared data folder and checks the
/// counts its README gives. Fails, never skips, when the folder is missing.
@Suite("gavel lists import on the real list files")
struct RealListFilesTests {
    static let data = Repository.sharedData.appendingPathComponent("lists")

    static func file(_ relative: String) throws -> String {
        let path = data.appendingPathComponent(relative).path
        guard FileManager.default.fileExists(atPath: path) else {
            Issue.record("\(path) is missing: the shared data folder must sit beside the repository (data/lists/README.md)")
            throw DiagnosticError([])
        }
        return path
    }

    struct Counts {
        var entries = 0, aliases = 0, weak = 0
        var types: [String: Int] = [:]
        var programs: [String: Int] = [:]
        var listedSource: [String: Int] = [:]
        var delisted = 0
        var domains = 0, emails = 0
        var ids: [String: [String: Any]] = [:]
    }

    static func imported(
        _ format: ImportFormat, _ files: [String], formats: [ImportFormat]? = nil, programs: Set<String>? = nil
    ) throws -> Counts {
        let snapshots = try files.enumerated().map { i, spec in
            let parts = spec.split(separator: "@", maxSplits: 1).map(String.init)
            let argument = try file(parts[0]) + (parts.count > 1 ? "@" + parts[1] : "")
            return ImportOptions.Snapshot(argument: argument, format: formats?[i])
        }
        let result = ImportFixtures.run { out in
            var options = ImportOptions(format: format, snapshots: snapshots, id: "real", outputDirectory: out)
            options.programs = programs
            return options
        }
        defer { try? FileManager.default.removeItem(atPath: result.directory) }
        #expect(result.status == 0, "\(result.errors)")
        var counts = Counts()
        for line in ImportFixtures.read(result.directory + "/real.jsonl").split(separator: "\n") {
            let entry = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            counts.entries += 1
            counts.aliases += (entry["aliases"] as? [String])?.count ?? 0
            counts.weak += (entry["weak_aliases"] as? [String])?.count ?? 0
            counts.types[entry["type"] as? String ?? "", default: 0] += 1
            for program in entry["programs"] as? [String] ?? [] { counts.programs[program, default: 0] += 1 }
            counts.listedSource[entry["listed_source"] as? String ?? "none", default: 0] += 1
            if entry["delisted"] is String { counts.delisted += 1 }
            let identifiers = entry["identifiers"] as? [String: [String]] ?? [:]
            counts.domains += identifiers["domain"]?.count ?? 0
            counts.emails += identifiers["email"]?.count ?? 0
            counts.ids[entry["id"] as? String ?? ""] = entry
        }
        return counts
    }

    @Test("OFAC SDN XML: 14,966 entries; 21,754 a.k.a.s of which 3,694 weak; 75 programmes")
    func sdnXML() throws {
        let c = try Self.imported(.ofacSDNXML, ["ofac/sdn.xml"])
        #expect(c.entries == 14_966)
        // Three a.k.a.s repeat their entry's name or another a.k.a. (uids 18721, 35979, 40268): kept once.
        #expect(c.aliases + c.weak == 21_754 - 3)
        #expect(c.weak == 3_694)
        #expect(c.types == ["individual": 6_855, "organization": 6_884, "vessel": 851, "other": 376])
        #expect(c.programs.count == 75)
        #expect(c.programs["SDGT"] == 2_386 && c.programs["FTO"] == 70 && c.programs["RUSSIA-EO14024"] == 4_439)
        #expect(c.emails > 0 && c.domains > 0)
    }

    @Test("OFAC legacy CSV 2021-04: 8,890 entries, aliases from alt.csv")
    func csv2021() throws {
        let c = try Self.imported(.ofacCSV, ["ofac/csv_2021-04/sdn.csv@2021-04-25"])
        #expect(c.entries == 8_890)
        #expect(c.aliases > 10_000 && c.weak == 0)
    }

    @Test("OFAC CSV of 2024-05-03 then XML of 2024-05-07: only uid 48603 is new, listed from the XML's date")
    func csvThenXML() throws {
        let c = try Self.imported(
            .ofacCSV, ["ofac/csv_2024-05-03/sdn.csv@2024-05-03", "ofac/sdn.xml"], formats: [.ofacCSV, .ofacSDNXML])
        #expect(c.entries == 14_966)
        #expect(c.listedSource["snapshot"] == 1)
        #expect(c.ids["ofac-48603"]?["listed"] as? String == "2024-05-07")
        #expect(c.delisted == 0)
    }

    @Test("UN consolidated 2024: 682 individuals and 193 entities; with 2020, the entries since removed are delisted")
    func un() throws {
        let latest = try Self.imported(.unXML, ["un/consolidated_2024-05-15.xml"])
        #expect(latest.types == ["individual": 682, "organization": 193])
        #expect(latest.programs["UN-AL-QAIDA"] == 345 && latest.programs["UN-TALIBAN"] == 140)
        let old = try Self.imported(.unXML, ["un/consolidated_2020-11-24.xml.gz"])
        #expect(old.types == ["individual": 713, "organization": 305])
        let both = try Self.imported(.unXML, ["un/consolidated_2020-11-24.xml.gz", "un/consolidated_2024-05-15.xml"])
        #expect(both.entries - both.delisted == 875)
        #expect(both.delisted > 0)
        #expect(both.listedSource["source"] == both.entries)
    }

    @Test("EU FSF 2024: 4,811 sanctionEntity records, three of them second records of the entity before; TERR 37")
    func eu() throws {
        let c = try Self.imported(.euFSFXML, ["eu/eu_fsf_20240513_full_1_1.xml"])
        // EU.334.4, EU.294.84 and EU.5121.69 each come as two adjacent records (one per programme).
        #expect(c.entries == 4_811 - 3)
        #expect(c.types == ["individual": 3_755 - 2, "organization": 1_056 - 1])
        #expect(c.programs["TERR"] == 37)
        #expect((c.ids["eu-334-4"]?["programs"] as? [String]).map(Set.init) == ["AFG", "TAQA"])
    }

    @Test("UK (FCA converted CSV): 3,430 OFSI groups")
    func uk() throws {
        let c = try Self.imported(.ukCSV, ["converted/combined_sanction_lists_20220505_main.csv.gz@2022-05-05"])
        #expect(c.entries == 3_430)
    }
}
