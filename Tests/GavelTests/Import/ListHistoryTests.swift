import Foundation
import Testing

@testable import GavelCLI
@testable import GavelEngine
@testable import GavelImport
@testable import GavelSyntax

/// An entry that leaves the list and comes back, and one that is renamed.
/// The list format holds one period per entry, so the importer keeps it
/// from the first snapshot on: never out of force on a date a snapshot
/// showed it listed.
@Suite("gavel lists import: relisted and renamed entries")
struct ListHistoryTests {
    /// The first three entries of the real sdn.xml, dated 2020 to 2023:
    /// AEROCARIBBEAN AIRLINES (ofac-36) is absent in 2021 and renamed in 2023.
    static func imported(_ years: [Int]) throws -> (list: DesignationList, errors: String) {
        let result = ImportFixtures.run { out in
            ImportOptions(
                format: .ofacSDNXML, snapshots: years.map { .init(argument: ImportFixtures.path("history-gap/sdn_\($0).xml")) }, id: "hist",
                outputDirectory: out)
        }
        defer { try? FileManager.default.removeItem(atPath: result.directory) }
        #expect(result.status == 0, "\(result.errors)")
        return (try ImportFixtures.load(result.directory, id: "hist"), result.errors)
    }

    @Test("present, absent, present again: in force from the first snapshot and through the gap, with a warning")
    func relisted() throws {
        let (list, errors) = try Self.imported([2022, 2020, 2023, 2021])
        let entry = try #require(list.entries.first { $0.id == "ofac-36" })
        #expect(entry.listed == nil && entry.delisted == nil)
        for day in ["2020-06-01", "2021-06-01", "2022-06-01", "2023-06-01"] {
            #expect(entry.isInForce(on: try #require(Instant.parse(day))), "\(day)")
        }
        #expect(
            errors.contains(
                "ofac-36: absent from the snapshot(s) of 2021-01-01 but in snapshots before and after; kept in force throughout, as one listing period"),
            "\(errors)")
    }

    @Test("absent from the first snapshot, then present, absent and present: listed from the first snapshot that has it")
    func relistedLater() throws {
        let (list, _) = try Self.imported([2021, 2022])
        let entry = try #require(list.entries.first { $0.id == "ofac-36" })
        #expect(entry.listed == Instant.parse("2022-01-01") && entry.listedSource == .snapshot)
    }

    @Test("a renamed entry keeps the name it had before as an alias, marked under earlier_names")
    func renamed() throws {
        let (list, _) = try Self.imported([2020, 2021, 2022, 2023])
        let entry = try #require(list.entries.first { $0.id == "ofac-36" })
        #expect(entry.name == "AEROCARIBBEAN AIRLINES RENAMED")
        #expect(entry.aliases.contains("AEROCARIBBEAN AIRLINES") && entry.aliases.contains("AERO-CARIBBEAN"))
        #expect(entry.attributes.first { $0.key == "earlier_names" }?.values == ["AEROCARIBBEAN AIRLINES"])
        // An entry whose names never changed has no earlier names.
        let other = try #require(list.entries.first { $0.id == "ofac-306" })
        #expect(!other.attributes.contains { $0.key == "earlier_names" })
    }

    @Test("a name that comes back is not marked as an earlier one; a dropped alias is not kept")
    func renamedBack() throws {
        let renamed = ImportedEntry(id: "ofac-36", name: "NEW", type: .organization)
        var original = ImportedEntry(id: "ofac-36", name: "OLD", type: .organization)
        original.alias("ALIAS")
        let carried = ListHistory.keepingEarlierNames(of: original, in: renamed)
        // An alias the source dropped is not kept; the earlier primary name is.
        #expect(carried.aliases == ["OLD"])
        let back = ListHistory.keepingEarlierNames(of: carried, in: original)
        #expect(back.name == "OLD" && back.aliases == ["ALIAS", "NEW"])
        #expect(back.attributes.first { $0.key == "earlier_names" }?.values == ["NEW"])
    }

    @Test("a name re-indented, broken at another place or in other case is the same name, not an earlier one", arguments: [
        ("Abu Muhammad Al-Kadari (original script: Абу\n                        Мухаммад Аль-Кадари)", "Abu Muhammad Al-Kadari (original script: Абу\nМухаммад Аль-Кадари)"),
        ("ISLAMIC STATE IN IRAQ AND THE LEVANT - KHORASAN (ISIL-\nK)", "ISLAMIC STATE IN IRAQ AND THE LEVANT - KHORASAN (ISIL-K)"),
        ("Noor Wali Mehsud", "NOOR WALI MEHSUD"),
    ])
    func sameName(_ before: String, _ after: String) {
        let old = ImportedEntry(id: "un-qdi-1", name: before, type: .individual)
        let new = ImportedEntry(id: "un-qdi-1", name: after, type: .individual)
        let kept = ListHistory.keepingEarlierNames(of: old, in: new)
        #expect(kept.aliases.isEmpty && kept.attributes.isEmpty)
    }
}
