import Testing

@testable import GavelEngine
@testable import GavelSyntax

/// The fifth probe's spellings of a listed host (2026-12-06): each left
/// `aqsatv.ps` unmatched. A dot look-alike and `view-source:` are read as
/// the host itself; a link in a path and a translation proxy's host lead
/// to it, and are `linked` variants, for review.
@Suite("Domain evasions, fifth probe")
struct FifthProbeDomainEvasionTests {
    /// Every character ICU 72's UTS #39 data gives the prototype `.` or `·`
    /// (the raised dots), between two labels.
    static let dottedByPrototype: [String] = [
        "aqsatv\u{16EB}ps", "www\u{16EB}aqsatv\u{16EB}ps", "https://aqsatv\u{16EB}ps/live",  // Runic single punctuation
        "aqsatv\u{2024}ps", "aqsatv\u{0701}ps", "aqsatv\u{0702}ps", "aqsatv\u{A60E}ps", "aqsatv\u{10A50}ps",
        "aqsatv\u{0387}ps", "aqsatv\u{2022}ps", "aqsatv\u{10101}ps", "aqsatv\u{2E31}ps", "aqsatv\u{22C5}ps", "aqsatv\u{30FB}ps",
        // Letters and digits drawn as a dot, between ASCII letters: Arabic-Indic zeros, Lisu tone, Canadian syllabics, sinological dot.
        "aqsatv\u{0660}ps", "aqsatv\u{06F0}ps", "aqsatv\u{A4F8}ps", "aqsatv\u{1427}ps", "aqsatv\u{A78F}ps",
    ]

    @Test("a character drawn as a dot between a host's labels is a dot", arguments: dottedByPrototype)
    func lookAlikeDot(_ value: String) {
        EvasionTests.expectMeetsAqsaAsItself(value)
    }

    @Test(
        "a dot-like character IDNA lets stand inside a label stays there: Catalan l·l, Japanese ・, a digit or letter of the label's own script",
        arguments: [
            ("col\u{00B7}legi.cat", 2), ("col\u{0387}legi.cat", 2), ("\u{30B8}\u{30E7}\u{30F3}\u{30FB}\u{30B9}\u{30DF}\u{30B9}.jp", 2),
            ("\u{5C71}\u{7530}\u{30FB}aqsatv.ps", 2), ("\u{0645}\u{062B}\u{0627}\u{0644}\u{0660}\u{0661}.ps", 2), ("aqsatv\u{0660}.ps", 2),
            ("10\u{0660}.ps", 2), ("aqsatv\u{A4F8}.ps", 2), ("\u{A4E0}\u{A4F8}\u{A4F2}.ps", 2),
        ] as [(String, Int)])
    func dotInsideALabel(_ value: String, labels: Int) {
        let host = IdentifierNormalizer.normalize(value, kind: "domain")
        #expect(host.split(separator: ".", omittingEmptySubsequences: false).count == labels, "\(value) → \(host)")
        #expect(EvasionTests.screen(domains: [value]).isEmpty)
    }

    @Test(
        "view-source: before a bare host or a URL is the host",
        arguments: [
            "view-source:aqsatv.ps", "VIEW-SOURCE:aqsatv.ps/live", "view-source:www.aqsatv.ps",
            "view-source:http:aqsatv.ps", "\"view-source:aqsatv.ps\"", "view-source:aqsatv[.]ps", "view-source:view-source:aqsatv.ps",
        ])
    func viewSource(_ value: String) {
        EvasionTests.expectMeetsAqsaAsItself(value)
    }

    @Test(
        "view-source inside a word or another scheme is not read off",
        arguments: ["myview-source:aqsatv.ps", "view-sourcex:aqsatv.ps", "view-source.example.org/aqsatv.ps", "x.view-source.example/aqsatv.ps"])
    func notViewSource(_ value: String) {
        #expect(EvasionTests.screen(domains: [value]).isEmpty, "\(value) → \(IdentifierNormalizer.normalize(value, kind: "domain"))")
        // A host whose first labels are the listed one is that host's mirror, not a view of it (`embeddedHost`).
        #expect(EvasionTests.screen(domains: ["aqsatv.ps.view-source.example"]).allSatisfy { $0.reading == .linked })
    }

    @Test(
        "a URL in an archive's path, or a host after the Wayback Machine's timestamp, is a linked variant, with the listed host it leads to",
        arguments: [
            "https://web.archive.org/web/2021/https://aqsatv.ps/", "web.archive.org/web/20210101000000*/aqsatv.ps",
            "archive.ph/https://aqsatv.ps", "https://web.archive.org/web/20210101000000id_/http://live.aqsatv.ps/x?y=1",
            "https://web.archive.org/web/2021/https:/aqsatv.ps", "https://archive.ph/https%3A%2F%2Faqsatv.ps%2F",
            "archive.today/2021.01.01-000000/https://www.aqsatv.ps/", "https://web.archive.org/web/*/aqsatv.ps/live",
            "https://web.archive.org/web/2021/https://google.com/url?q=https://aqsatv.ps",
            "view-source:https://web.archive.org/web/2021im_/aqsatv.ps/logo.png", "<https://web.archive.org/web/2021/aqsatv.ps>",
        ])
    func pathLink(_ value: String) {
        DomainEvasionTests.expectLinksToAqsa(value)
    }

    @Test(
        "a path that only names a host, or a link past the path, is no link",
        arguments: [
            "https://example.org/docs/aqsatv.ps-report.html", "https://example.org/aqsatv.ps", "example.org/web/latest/aqsatv.ps",
            "https://web.archive.org/web/2021/aqsatv", "https://web.archive.org/web/123456789012345/aqsatv.ps",
            "https://example.org/?next=/web/2021/https://aqsatv.ps", "https://example.org/x#/https://aqsatv.ps",
            "https://example.org/contact/mailto:press@aqsatv.ps", "https://example.org/wiki/note:/aqsatv.ps", "https://example.org/web/2021/",
        ])
    func notPathLink(_ value: String) {
        #expect(EvasionTests.screen(domains: [value]).isEmpty, "\(value)")
        #expect(IdentifierNormalizer.pathLink(in: value) == nil, "\(value)")
    }

    @Test(
        "a translation proxy's host is a linked variant of the site it serves",
        arguments: [
            "aqsatv-ps.translate.goog", "live-aqsatv-ps.translate.goog", "https://aqsatv-ps.translate.goog/live?_x_tr_sl=ar&_x_tr_tl=en",
            "www-aqsatv-ps.translate.goog", "AQSATV-PS.TRANSLATE.GOOG.", "https://google.com/url?q=https://aqsatv-ps.translate.goog/",
            "example.org, aqsatv-ps.translate.goog",
        ])
    func translationProxy(_ value: String) {
        DomainEvasionTests.expectLinksToAqsa(value)
    }

    @Test(
        "a translation proxy's label decodes each lone hyphen as a dot and each pair as a hyphen; other hosts are not decoded",
        arguments: [
            ("aqsatv-ps.translate.goog", "aqsatv.ps"), ("my--site-ps.translate.goog", "my-site.ps"),
            ("xn----bcher--kva-de.translate.goog", "xn--bcher-kva.de"), ("a---b-c.translate.goog", "a-.b.c"),
            ("translate.goog", nil), ("aqsatv.translate.goog", nil), ("my--site.translate.goog", nil),
            ("x.aqsatv-ps.translate.goog", nil), ("-aqsatv-ps.translate.goog", nil), ("aqsatv-ps-.translate.goog", nil),
            ("aqsatv-ps.translate.goog.evil.example", nil), ("aqsatv-ps.com", nil), ("aqsatv-ps.translate.google", nil),
        ] as [(String, String?)])
    func translatedHost(_ host: String, original: String?) {
        #expect(IdentifierNormalizer.translatedHost(host, kind: "domain") == original)
    }

    @Test(
        "a host whose first labels name a listed host (a mirror's, a proxy's, a bucket's) is a linked variant of it",
        arguments: [
            "aqsatv.ps.evil.com", "live.aqsatv.ps.example.net", "aqsatv.ps.s3.amazonaws.com", "aqsatv.ps.cdn.cloudflare.net",
            "https://aqsatv.ps.mirror.example.org/live", "AQSATV.PS.EVIL.COM.", "аqsatv.ps.evil.com",  // Cyrillic а
        ])
    func embeddedHost(_ value: String) {
        DomainEvasionTests.expectLinksToAqsa(value)
    }

    @Test(
        "the hosts a host's first labels name end in a listed top-level suffix, and never inside the host's own registered domain",
        arguments: [
            ("aqsatv.ps.evil.com", ["aqsatv.ps"]), ("live.aqsatv.ps.example.net", ["live.aqsatv.ps"]),
            ("aqsatv.ps.s3.amazonaws.com", ["aqsatv.ps"]), ("www.aqsatv.ps", []), ("aqsatv.ps", []), ("live.aqsatv.ps", []),
            ("a.b.example.co.uk", []), ("mirror.aqsatv.evil.com", []),
        ] as [(String, [String])])
    func embeddedHosts(_ host: String, expected: [String]) {
        #expect(IdentifierNormalizer.embeddedHosts(host) == expected)
    }

    @Test(
        "hosts whose first labels are a listed host's subdomain or name only, or a sibling's, are not read so",
        arguments: ["www.aqsatv.ps", "mirror.aqsatv.evil.com", "aqsatv.evil.com", "ps.aqsatv.evil.com", "aqsatv.psx.evil.com"])
    func notEmbedded(_ value: String) {
        #expect(!EvasionTests.screen(domains: [value]).contains { $0.reading == .linked }, "\(value)")
    }

    @Test("a proxy's host meets a listed host with a hyphen; a hyphen alone is no proxy")
    func proxiedHyphen() {
        let entry = ScreeningEntry(ListEntry(
            id: "e", name: "E", aliases: [], type: .organization, listed: nil, delisted: nil,
            identifiers: [(kind: "domain", values: ["my-site.ps"])], programs: [], location: .init(file: "t", line: 1, column: 1)))
        let proxied = IdentifierMatcher.match(IdentifierMatcher.Prepared(kind: "domain", text: "my--site-ps.translate.goog"), entry)
        #expect(proxied == IdentifierMatcher.Hit(score: 0.95, method: .variant, suffix: "my-site.ps", reading: .linked))
        // Not a proxy's: the listed name run together with its suffix, under another (`RegisteredNameTests`).
        #expect(IdentifierMatcher.match(IdentifierMatcher.Prepared(kind: "domain", text: "my-site-ps.example"), entry)?.reading == .registered)
        let found = EvasionTests.screen(domains: ["aqsatv-ps.com", "translate.goog", "aqsatv-ps.goog"])
        #expect(found.map(\.query) == ["aqsatv-ps.com", "aqsatv-ps.goog"])
        #expect(found.allSatisfy { $0.reading == .registered })
    }
}
