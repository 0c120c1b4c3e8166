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

    @Test(
        "a host among others, cut at punctuation no host holds, or in brackets that are not an IPv6 literal's, is the host",
        arguments: [
            "aqsatv.ps, example.org", "example.org, aqsatv.ps", "example.org aqsatv.ps", "example.org|aqsatv.ps", "example.org;https://aqsatv.ps/x",
            "aqsatv.ps;jsessionid=1", "https://aqsatv.ps;x=1/", "jar:https://aqsatv.ps!/x", "https://[aqsatv.ps]", "https://[aqsatv.ps]:443/x",
        ])
    func separatedHosts(_ value: String) {
        EvasionTests.expectMeetsAqsaAsItself(value)
    }

    @Test(
        "a link to the host in a redirector's or link wrapper's query is a linked variant: reviewed, with the listed host it leads to",
        arguments: [
            "https://google.com/url?q=https://aqsatv.ps", "https://www.google.com/url?sa=t&url=https%3A%2F%2Faqsatv.ps%2F",
            "https://l.facebook.com/l.php?u=https%3A%2F%2Flive.aqsatv.ps%2F&h=AT0", "https://www.youtube.com/redirect?q=https://aqsatv.ps",
            "https://nam12.safelinks.protection.outlook.com/?url=https%3A%2F%2Fwww.google.com%2Furl%3Fq%3Dhttps%253A%252F%252Faqsatv.ps&data=05",
        ])
    func linkedHost(_ value: String) {
        Self.expectLinksToAqsa(value)
    }

    /// `value` leads to aqsatv.ps: a `linked` variant at 0.95 recording the listed host, and index and scan agree.
    static func expectLinksToAqsa(_ value: String) {
        let indexed = EvasionTests.screen(domains: [value])
        #expect(indexed == EvasionTests.screen(domains: [value], mode: .scan))
        let hit = indexed.first { $0.entry == "aqsa" }
        #expect(hit?.method == .variant, "\(value): \(String(describing: hit))")
        #expect(hit?.reading == .linked)
        #expect(hit?.score == 0.95)
        #expect(hit?.matchedSuffix == "aqsatv.ps")
    }

    @Test(
        "a Punycode label hiding ASCII, or dashes that look like a hyphen in a host ICU refuses, are look-alikes",
        arguments: [("xn--aqsatv-.ps", "aqsatv.ps"), ("https://xn--aqsatv-.ps/", "aqsatv.ps"), ("voice\u{2014}of\u{2014}europe.eu", "voice-of-europe.eu")])
    func punycodeAndDashes(_ value: String, listed: String) {
        let entry = ScreeningEntry(ListEntry(
            id: "e", name: "E", aliases: [], type: .organization, listed: nil, delisted: nil,
            identifiers: [(kind: "domain", values: [listed])], programs: [], location: .init(file: "t", line: 1, column: 1)))
        let hit = IdentifierMatcher.match(IdentifierMatcher.Prepared(kind: "domain", text: value), entry)
        #expect(hit == IdentifierMatcher.Hit(score: 0.95, method: .variant, suffix: nil, reading: .skeleton), "\(value)")
    }

    @Test("Punycode decodes what it encodes, and refuses what is not Punycode")
    func punycodeRoundTrip() throws {
        for label in ["bücher", "аqsatv", "voice—of—europe", "中文", "ab", "ﻫﺎ"] {
            let encoded = try #require(Punycode.encode(label.unicodeScalars))
            #expect(Punycode.decode(Substring(encoded)) == label)
        }
        #expect(Punycode.decode("aqsatv-") == "aqsatv")
        #expect(Punycode.decode("qsatv-3ve") == "аqsatv")
        #expect(Punycode.decode("a!b") == nil)
        #expect(Punycode.decode("99999999999") == nil)
        #expect(IdentifierNormalizer.asciiPunycodeRead("xn--qsatv-3ve.ps") == nil)
    }

    @Test("a host in a query that is not a link, or a value of one host, gives no other host")
    func notOtherHosts() {
        #expect(EvasionTests.screen(domains: ["https://example.org/?q=news+aqsatv.ps+today"]).isEmpty)
        #expect(EvasionTests.screen(domains: ["https://example.org/?q=aqsatv"]).isEmpty)
        #expect(EvasionTests.screen(domains: ["https://example.org/?tags=news,aqsatv.ps"]).isEmpty)
        #expect(EvasionTests.screen(domains: ["https://example.org/#a;aqsatv.ps|x"]).isEmpty)
        #expect(IdentifierNormalizer.separateHosts(in: "aqsatv.ps", kind: "domain", whole: "aqsatv.ps").isEmpty)
        #expect(IdentifierNormalizer.separateHosts(in: "aqsa tv", kind: "domain", whole: "aqsatv").isEmpty)
        #expect(IdentifierNormalizer.linkedHosts(in: "https://example.org/?a=1&b=2", kind: "domain").isEmpty)
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
