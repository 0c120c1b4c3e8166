import Testing

@testable import GavelEngine
@testable import GavelSyntax

/// What the ninth probe (2026-12-07: 1,478 spellings of 59 listed names)
/// found that a fix in the engine answers: padding of 4,096 invisible
/// characters or spaces before a name pushed the whole name past the cut
/// of long values, so nothing was screened.
@Suite("Screening: the ninth probe's padded names and titles")
struct NinthProbeReportTests {
    @Test(
        "padding that normalising removes no longer hides the name after it",
        arguments: [
            String(repeating: "\u{200B}", count: 4_100) + "Hamas",  // zero-width space
            String(repeating: "\u{034F}", count: 4_100) + "Hamas",  // combining grapheme joiner
            String(repeating: "\u{FE0F}", count: 4_100) + "Hamas",  // variation selector 16
            String(repeating: " ", count: 4_100) + "Hamas",
            String(repeating: "\u{00A0}", count: 4_100) + "Hamas",  // no-break space
            String(repeating: "\u{200E}", count: 4_100) + "Hamas",  // left-to-right mark
            String(repeating: "\u{E0078}", count: 4_100) + "Hamas",  // tag character
            "H" + String(repeating: "\u{0301}", count: 20_000) + "amas",  // accents stacked on one letter
        ])
    func padded(_ name: String) {
        let query = Screener.Query(text: name, field: "customer.name")
        #expect(query.uncut == name)
        #expect(query.text.hasSuffix("Hamas…") || query.text.hasSuffix("amas…"))
        #expect(query.text.unicodeScalars.count < 20)
        let best = EvasionTests.screenedBothWays(name, in: EvasionTests.fourthList).max { $0.score < $1.score }
        #expect(best?.entry == "hamas" && best?.score == 1.0, "\(String(describing: best))")
    }

    @Test("a long value is still cut at 4,096 kept scalars; visible padding still pushes a name out; a short one is untouched")
    func cut() {
        let letters = String(repeating: "a b ", count: 3_000) + "Hamas"
        let (kept, cut) = LongValueCut.cut(letters, limit: 4_096)
        #expect(cut && kept.unicodeScalars.count == 4_096 && !kept.contains("Hamas"))
        let digits = String(repeating: "1", count: 5_000) + "Hamas"
        #expect(!Screener.Query(text: digits, field: "customer.name").text.contains("Hamas"))
        // Within the limit nothing is dropped: normalising reads the value as given.
        let short = "Ha\u{200B}mas  \u{FE0F}x"
        #expect(LongValueCut.cut(short, limit: 4_096) == (short, false))
        // Marks up to four on one letter stay (Vietnamese and Devanagari need them).
        let marked = String(repeating: "e\u{0302}\u{0301}\u{0323}\u{0300}", count: 1_000)
        #expect(LongValueCut.cut(marked, limit: 4_096).text.unicodeScalars.count == 4_096)
    }

    static let azhar = CompiledList(id: "p9", digest: "sha256:probe9", entries: [
        FourthProbeReportTests.entry("azhar", "MOHAMMED MASOOD AZHAR ALVI", type: .individual)
    ])

    @Test(
        "South Asian spellings of a religious title need no counterpart, as `Maulana` does",
        arguments: ["Maulana Masood Azhar", "Molvi Masood Azhar", "Moulvi Masood Azhar", "Moulana Masood Azhar", "Hazrat Masood Azhar", "Mufti Masood Azhar"])
    func title(_ name: String) {
        EvasionTests.expectMeetsItsEntry(
            EvasionTests.EntryProbe(name: name, entry: "azhar", method: .aligned, reading: nil, score: 0.92), in: Self.azhar)
    }
}
