import Foundation
import Testing

@testable import GavelEngine
@testable import GavelSyntax

/// SPEC §3: what the eighth probe (2026-12-07: 400 listed individuals of the
/// SDGT and UN ISIL/al-Qaida lists, each name respelt as romanisations of
/// Arabic respell it) found below the review band — a given name spelt as
/// another country romanises it (`Mohamed SARUR` against `Muhammad
/// SARUR`: 0.835), the names made with `abd` written run together or apart
/// (`Abdelrahman` against `Abd al-Rahman`), and a name romanised with an
/// apostrophe for the ayin (`Sa'id NAJAFPUR`), which normalising read as
/// the legal form `sa` and dropped (`id najafpur`), so that `Said
/// Najafpur` and the Cyrillic `Саид Наджафпур` met nothing — each through
/// the index and the scan alike; and the names those readings must leave
/// alone.
@Suite("Screening: the eighth probe's romanised given names")
struct EighthProbeReportTests {
    static func person(_ id: String, _ name: String, _ aliases: [String] = []) -> ListEntry {
        FourthProbeReportTests.entry(id, name, aliases, type: .individual)
    }

    static let list = CompiledList(id: "p8", digest: "sha256:probe8", entries: [
        person("sarur", "Muhammad SARUR"),
        person("najafpur", "Sa'id NAJAFPUR"),
        person("saidi", "Mohammad Hosein SA'IDI"),
        person("anizi", "‘Abd al-Rahman Khalaf al-Anizi"),
        person("pakpour", "Mohammad PAKPOUR"),
        person("ubaydi", "Khalid Sa'id Ghabish AL-UBAYDI"),
        person("binladin", "Usama bin Muhammad bin Awad BIN LADIN", ["Usama BIN LADEN"]),
        person("jabar", "Abdul JABAR"),
        person("thini", "Abdalla As'ad THINI"),
        FourthProbeReportTests.entry("jem", "JAISH-I-MOHAMMED", ["MOHAMMED'S ARMY"]),
        FourthProbeReportTests.entry("lpr", "LUGANSK PEOPLE'S REPUBLIC"),
    ])

    typealias Probe = EvasionTests.EntryProbe

    static let probes: [Probe] = [
        // A given name as another country romanises it, on the case's side, the list's, or both.
        Probe(name: "Mohamed SARUR", entry: "sarur", method: .variant, reading: .givenNames, score: 0.95),
        Probe(name: "Mohammed Sarur", entry: "sarur", method: .variant, reading: .givenNames, score: 0.95),
        Probe(name: "Mohd Sarur", entry: "sarur", method: .variant, reading: .givenNames, score: 0.95),
        Probe(name: "Mahomed Sarour", entry: "sarur", method: .variant, reading: .givenNames, score: 0.9373),
        Probe(name: "Mohamed Pakpour", entry: "pakpour", method: .variant, reading: .givenNames, score: 0.95),
        Probe(name: "Muhammed PAKPOUR", entry: "pakpour", method: .variant, reading: .givenNames, score: 0.95),
        Probe(name: "Osama Ben Laden", entry: "binladin", method: .variant, reading: .givenNames, score: 0.95),
        Probe(name: "Khaled Said Ghabish al-Ubaydi", entry: "ubaydi", method: .fuzzy, reading: nil, score: 0.9226),
        // The names made with `abd`, run together or apart.
        Probe(name: "Abdelrahman Khalaf al-Anizi", entry: "anizi", method: .variant, reading: .givenNames, score: 0.95),
        Probe(name: "Abdulrahman Khalaf Al Anizi", entry: "anizi", method: .variant, reading: .givenNames, score: 0.95),
        Probe(name: "Abd-al-Jabar", entry: "jabar", method: .variant, reading: .givenNames, score: 0.95),
        Probe(name: "Abdeljabar", entry: "jabar", method: .variant, reading: .givenNames, score: 0.95),
        // An apostrophe for the ayin: the piece before it is no legal form.
        Probe(name: "Said NAJAFPUR", entry: "najafpur", method: .fuzzy, reading: nil, score: 0.9604),
        Probe(name: "Саид Наджафпур", entry: "najafpur", method: .fuzzy, reading: .romanised, score: 0.9604),
        Probe(name: "Mohammad Hosein Saidi", entry: "saidi", method: .fuzzy, reading: nil, score: 0.9909),
        Probe(name: "мохаммад хосеин саиди", entry: "saidi", method: .fuzzy, reading: nil, score: 0.9909),
        Probe(name: "Abdalla Asad Thini", entry: "thini", method: .fuzzy, reading: nil, score: 0.9784),
        // The English possessive is dropped on both sides; written without its apostrophe, close.
        Probe(name: "Mohammed's Army", entry: "jem", method: .alias, reading: nil, score: 1.0),
        Probe(name: "Mohammeds Army", entry: "jem", method: .fuzzy, reading: nil, score: 0.9857),
        // The lists' qualifier of an entity no state recognises needs no counterpart (it met the
        // possessive's `s` as a word of its own before).
        Probe(name: "so-called Lugansk People's Republic", entry: "lpr", method: .aligned, reading: .joined, score: 0.99),
    ]

    @Test("each romanisation of the eighth probe meets its entry", arguments: probes)
    func probe(_ probe: Probe) {
        EvasionTests.expectMeetsItsEntry(probe, in: Self.list)
    }

    @Test(
        "names the given-name reading must leave alone",
        arguments: [
            // Other names, not other spellings: Hasan is not Husayn, Salah not Salih, Nasr not Nasir.
            "Hasan SARUR", "Salah Pakpour", "Nasr Najafpour",
            // The table's words beside other names: only the whole name compared decides.
            "Hassan Salah", "Ben Jones", "Omar Sharif", "Ali Baba Travel", "El Paso Trading",
            // A word that only begins like `abdul`.
            "Abdoulaye Wade",
            // Common names beside `MOHAMMED'S ARMY`, whose possessive `s` read as a second name's initial.
            "Mohammed Samir", "Mohammed Smith", "Mohamed Salim",
        ])
    func ordinaryName(_ name: String) {
        let indexed = EvasionTests.screenedBothWays(name, in: Self.list)
        #expect(indexed.isEmpty, "\(indexed.map { "\($0.entry) \($0.method) \($0.score)" })")
    }

    @Test("the reading, word by word", arguments: [
        ("mohamed sarur", "muhammad sarur"),
        ("youssef ben omar", "yusuf bin umar"),
        ("abd al rahman", "abdul rahman"),
        ("abd ar rahman", "abdul rahman"),
        ("abdelrahman", "abdul rahman"),
        ("abderrahmane", "abdul rahmane"),
        ("abd allah", "abdullah"),
        ("abdallah", "abdullah"),
    ] as [(String, String)])
    func reading(_ normalized: String, _ read: String) {
        #expect(EvasionForms.givenNamesRead(normalized) == read)
    }

    @Test("names without the table's words have no such reading", arguments: ["john smith", "el umairah", "abdo x", "sarur"])
    func noReading(_ normalized: String) {
        #expect(EvasionForms.givenNamesRead(normalized) == nil)
    }

    @Test("a name spelt so already has the reading too: it is what the other side's is compared with")
    func readingUnchanged() {
        #expect(EvasionForms.givenNamesRead("muhammad sarur") == "muhammad sarur")
        #expect(NameForms.listed("Muhammad SARUR", normalized: "muhammad sarur").givenNames.map(\.text) == ["muhammad sarur"])
        #expect(NameForms.query("John Smith").givenNames.isEmpty)
    }
}
