import Testing

@testable import GavelEngine
@testable import GavelSyntax

/// The fourth probe's spellings of a listed host (2026-12-05): each left
/// `aqsatv.ps` unmatched, and each is now read as the host it shows.
@Suite("Domain evasions, fourth probe")
struct DomainEvasionTests {
    @Test(
        "a host shown reversed, cut by a full-width or look-alike slash, dotted in another script, escaped in HTML or after decoding, is the host",
        arguments: [
            "\u{202E}sp.vtasqa",  // a right-to-left override: shows as aqsatv.ps
            "https://aqsatv.ps\u{FF0F}x", "aqsatv\u{3002}ps\u{FF0F}", "https://aqsatv.ps\u{FF1F}", "https://aqsatv.ps\u{2044}x",
            "https://aqsatv.ps\u{2215}x", "https://aqsatv.ps\u{29F8}x",
            "aqsatv\u{06D4}ps", "aqsatv\u{0589}ps", "aqsatv\u{1362}ps", "aqsatv\u{A4FF}ps", "aqsatv\u{2E3C}ps",
            "aqsatv.ps%3A8080", "aqsatv.ps%3a8080/x", "aqsatv%20.ps",
            "aqsatv&#46;ps", "aqsatv&#x2e;ps", "aqsatv&#X2E;ps", "aqsatv&period;ps", "aqsatv%u002eps", "https&colon;//aqsatv.ps",
        ])
    func readAsTheHost(_ value: String) {
        EvasionTests.expectMeetsAqsaAsItself(value)
    }

    @Test("a host drawn with small capitals or stroked letters is a look-alike: reviewed, not acted on", arguments: ["\u{1D00}qsatv.ps", "live.\u{1D00}qsatv.ps"])
    func smallCapitals(_ value: String) {
        let hit = EvasionTests.screen(domains: [value]).first { $0.entry == "aqsa" }
        #expect(hit?.method == .variant, "\(value): \(String(describing: hit))")
        #expect(hit?.score == 0.95)
    }

    @Test("what is not the host stays apart: a reference to a letter is not read, a reversed host without an override is another host")
    func notTheHost() {
        #expect(IdentifierNormalizer.normalize("aqsatv&#x430;ps", kind: "domain") != "aqsatv.ps")
        #expect(EvasionTests.screen(domains: ["sp.vtasqa"]).isEmpty)
        #expect(EvasionTests.screen(domains: ["aqsatv.ps%40evil.example"]).isEmpty)
        #expect(IdentifierNormalizer.normalize("https://aqsatv.ps%2Fx.evil.example", kind: "domain") == "aqsatv.ps")
        #expect(IdentifierNormalizer.displayed("abc") == nil)
        #expect(IdentifierNormalizer.displayed("x\u{202E}cba\u{202C}y") == "xabcy")
    }
}
