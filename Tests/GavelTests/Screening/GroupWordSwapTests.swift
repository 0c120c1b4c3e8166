import Testing

@testable import GavelEngine
@testable import GavelSyntax

/// SPEC §3 "Evasion": a listed organisation's name with its word for a
/// kind of group or outlet swapped for another (`Houthi Movement` for
/// HOUTHI GROUP, `Al Manar Television` for AL MANAR TV)
/// is contained (0.91, reading `groupless`), through the index and the scan
/// alike, and only beside such a word: a surname or a shop with the name
/// is not.
@Suite("Screening evasion: a group's name with another word for a group")
struct GroupWordSwapTests {
    static let list = CompiledList(id: "gw", digest: "sha256:groupwords", entries: [
        FourthProbeReportTests.entry("houthi", "HOUTHI GROUP"),
        FourthProbeReportTests.entry("wagner", "WAGNER GROUP"),
        FourthProbeReportTests.entry("sayyaf", "ABU SAYYAF GROUP"),
        FourthProbeReportTests.entry("nusra", "AL-NUSRAH FRONT"),
        FourthProbeReportTests.entry("lifg", "LIBYAN ISLAMIC FIGHTING GROUP"),
        FourthProbeReportTests.entry("army", "ISLAMIC ARMY"),
        FourthProbeReportTests.entry("aig", "ARMED ISLAMIC GROUP"),
        FourthProbeReportTests.entry("wagner-person", "WAGNER, Dieter", type: .individual),
        FourthProbeReportTests.entry("manar", "AL MANAR TV"),
    ])

    typealias Probe = EvasionTests.EntryProbe

    static let probes: [Probe] = [
        Probe(name: "Houthi Movement", entry: "houthi", method: .contained, reading: .groupless, score: 0.91),
        Probe(name: "The Houthi Organization", entry: "houthi", method: .contained, reading: .groupless, score: 0.91),
        Probe(name: "Wagner Network", entry: "wagner", method: .contained, reading: .groupless, score: 0.91),
        Probe(name: "Abu Sayyaf Movement", entry: "sayyaf", method: .contained, reading: .groupless, score: 0.91),
        Probe(name: "Al-Nusrah Brigade", entry: "nusra", method: .contained, reading: .groupless, score: 0.91),
        Probe(name: "Libyan Islamic Fighting Movement", entry: "lifg", method: .contained, reading: .groupless, score: 0.91),
        // In another language: the translated reading supplies the word for a group.
        Probe(name: "Movimiento Houthi", entry: "houthi", method: .contained, reading: .groupless, score: 0.91),
        Probe(name: "Mouvement Houthi", entry: "houthi", method: .contained, reading: .groupless, score: 0.91),
        // The same word for a group in another language is the listed name itself, translated.
        Probe(name: "Gruppa Houthi", entry: "houthi", method: .variant, reading: .translated, score: 0.95),
        // An outlet's name with another word for an outlet, in Latin letters and in Arabic ("the al-Manar channel").
        Probe(name: "Al Manar Television", entry: "manar", method: .contained, reading: .groupless, score: 0.91),
        Probe(name: "Al-Manar Channel", entry: "manar", method: .contained, reading: .groupless, score: 0.91),
        Probe(name: "قناة المنار", entry: "manar", method: .contained, reading: .groupless, score: 0.91),
    ]

    @Test("each swap meets its entry", arguments: probes)
    func probe(_ probe: Probe) {
        EvasionTests.expectMeetsItsEntry(probe, in: Self.list)
    }

    @Test(
        "names without a word for a group, or only describing one, stay out",
        arguments: ["Houthi Restaurant", "Wagner Bakery", "Вагнер", "Dieter Wagner Network Services", "Islamic Movement", "Islamic Group", "Armed Forces Group", "Islamic Network",
            // A word for an outlet beside a group's name, or for a group beside an outlet's: another kind of name.
            "Houthi Media", "Wagner Media", "Al Manar Group", "قناة الجزيرة"])
    func ordinaryName(_ name: String) {
        let indexed = EvasionTests.screenedBothWays(name, in: Self.list)
        #expect(!indexed.contains { $0.reading == .groupless }, "\(indexed.map { "\($0.entry) \($0.method) \($0.score)" })")
    }

    @Test("the listed name without its word for a group")
    func readings() {
        #expect(EvasionForms.withoutGroupWords("houthi group") == "houthi")
        #expect(EvasionForms.withoutGroupWords("al nusrah front") == "al nusrah")
        #expect(EvasionForms.withoutGroupWords("libyan islamic fighting group") == "libyan islamic fighting")
        // Only describing words left, too short, or no word for a group.
        #expect(EvasionForms.withoutGroupWords("islamic army") == nil)
        #expect(EvasionForms.withoutGroupWords("army of islam") == nil)
        #expect(EvasionForms.withoutGroupWords("palestinian organization") == nil)
        #expect(EvasionForms.withoutGroupWords("kurdistan brigades") == nil)
        // Two describing words together are a name.
        #expect(EvasionForms.withoutGroupWords("armed islamic group") == "armed islamic")
        #expect(EvasionForms.withoutGroupWords("isis group") == nil)
        #expect(EvasionForms.withoutGroupWords("wagner") == nil)
        #expect(EvasionForms.withoutGroupWords("wagner trading") == nil)
        #expect(EvasionForms.withoutOutletWords("al manar tv") == "al manar")
        #expect(EvasionForms.consonantsOfStripped(["al manar"], type: .organization) == ["lmnr"])
        #expect(EvasionForms.consonantsOfStripped(["al manar"], type: .individual).isEmpty)
    }
}
