import Testing

@testable import GavelEngine
@testable import GavelSyntax

/// A listed name respelt among added words (`RespeltContainment`): the
/// previous session's report listed `Hammas Media Office` (0.8526) and
/// `Hezbolla Radio` (0.8921) as still evading, below the review band
/// (against the shipped lists' `Hezbollah`: this test list spells it `HIZBALLAH`).
@Suite("Containment of a respelt name")
struct RespeltContainmentTests {
    static let probes: [EvasionTests.EntryProbe] = [
        .init(name: "Hammas Media Office", entry: "hamas", method: .contained, reading: .respelt, score: 0.90),
        .init(name: "Hammas Political Bureau", entry: "hamas", method: .contained, reading: .respelt, score: 0.90),
        .init(name: "Press Office of Hamaas", entry: "hamas", method: .contained, reading: .respelt, score: 0.90),
        .init(name: "Hizbolla Radio", entry: "hizballah", method: .contained, reading: .respelt, score: 0.90),
        .init(name: "Al Manar Hizbulla TV", entry: "hizballah", method: .contained, reading: .respelt, score: 0.90),
        .init(name: "Bokko Haram Media Office", entry: "boko", method: .contained, reading: .respelt, score: 0.90),
        .init(name: "Wagnerr Group Press Service", entry: "wagner", method: .contained, reading: .respelt, score: 0.90),
        // A Cyrillic а among Latin letters, read as a: the plain reading is respelt.
        .init(name: "H\u{430}mmas Media Office", entry: "hamas", method: .contained, reading: .respelt, score: 0.90),
        // Look-alikes that transliterate otherwise, and a respelling: within the skeleton reading.
        .init(name: "Наmaas Media Office", entry: "hamas", method: .contained, reading: .respelt, score: 0.90),
    ]

    @Test("a listed name respelt among added words is contained, in the review band", arguments: probes)
    func contained(_ probe: EvasionTests.EntryProbe) {
        EvasionTests.expectMeetsItsEntry(probe)
    }

    @Test(
        "not respelt: another consonant, a word too far from the listed one, a short word changed, an ending, the respelling alone",
        arguments: ["Hamad Trading Office", "Homs Media Center", "Hamza Media Office", "Boka Haram Media", "Hamasi Media Office", "Hammas"])
    func notContained(_ name: String) {
        let indexed = EvasionTests.screen(name, in: EvasionTests.fourthList, minScore: 0.5)
        #expect(indexed == EvasionTests.screen(name, in: EvasionTests.fourthList, minScore: 0.5, mode: .scan))
        #expect(!indexed.contains { $0.method == .contained }, "\(name): \(indexed)")
    }

    @Test("word classes: first letter and consonants, a run once, no final h")
    func wordClasses() {
        func wordClass(_ word: String) -> String {
            String(String.UnicodeScalarView(RespeltContainment.wordClass(word.unicodeScalars.map(\.value)).compactMap(Unicode.Scalar.init)))
        }
        #expect(wordClass("hammas") == "hms")
        #expect(wordClass("hamas") == "hms")
        #expect(wordClass("hizballah") == "hzbl")
        #expect(wordClass("hezbolla") == "hzbl")
        #expect(wordClass("hamad") == "hmd")
        #expect(wordClass("ah") == "a")
        #expect(wordClass("h") == "h")
        #expect(RespeltContainment.holds("hammas media", "hamas"))
        #expect(RespeltContainment.holds("hizbulla radio", "hizballah"), "a last h aside, the words end alike")
        #expect(!RespeltContainment.holds("khalid ahmed", "khalidi"), "an ending added is another name")
        #expect(!RespeltContainment.holds("hammas", "hamas"), "one word for one: no word added")
        #expect(!RespeltContainment.holds("hamas hamas", "hamas hamas hamas"))
        // Each listed word takes its own case word: `hasan` cannot stand for both.
        #expect(!RespeltContainment.holds("hasan ali media", "hassan hasan ali"))
        #expect(RespeltContainment.holds("hasan hassan ali media", "hassan hasan ali"))
        // A name of many equal words that one case word too few cannot hold: answered at once, not after
        // trying every assignment (12! of them).
        let many = Array(repeating: "hamas", count: 12).joined(separator: " ")
        let fewer = Array(repeating: "hammas", count: 11).joined(separator: " ") + " media office"
        #expect(!RespeltContainment.holds(fewer, many))
        #expect(RespeltContainment.holds(fewer + " hamas", many))
        // The matching moves an earlier word to free a case word for a later one.
        #expect(RespeltContainment.eachTakesItsOwn([[0, 1], [0]], among: 2))
        #expect(!RespeltContainment.eachTakesItsOwn([[0], [0]], among: 2))
    }
}
