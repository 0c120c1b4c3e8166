import Foundation
import Testing

@testable import GavelEngine
@testable import GavelSyntax

/// A listed site's registered name under another public suffix
/// (`aqsatv.com` for a listed `aqsatv.ps`), as sites move when a domain is
/// seized or refused (Press TV from presstv.com to presstv.ir in 2021, the
/// Daily Stormer from .com to .ru in 2017): a `registered` variant, for
/// review. The Public Suffix List decides where the registered name is.
@Suite("Registered names under another suffix")
struct RegisteredNameTests {
    /// The Public Suffix List's own test vectors (`tests/test_psl.txt` of
    /// github.com/publicsuffix/list, public domain): `checkPublicSuffix(host, registrable domain)`.
    static let vectors: [(host: String, registrable: String?)] = {
        let path = Repository.fixtures.appendingPathComponent("public-suffix/test_psl.txt").path
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return [] }
        var out: [(String, String?)] = []
        for line in text.split(separator: "\n") where line.hasPrefix("checkPublicSuffix(") {
            let arguments = line.dropFirst("checkPublicSuffix(".count).prefix { $0 != ")" }.split(separator: ",").map {
                $0.trimmingCharacters(in: .whitespaces)
            }
            guard arguments.count == 2, arguments[0] != "null" else { continue }
            func unquoted(_ s: String) -> String? { s == "null" ? nil : String(s.dropFirst().dropLast()) }
            if let host = unquoted(arguments[0]) { out.append((host, unquoted(arguments[1]))) }
        }
        return out
    }()

    /// Lower case, each label outside ASCII in its `xn--` form: what a normalised host is.
    static func ascii(_ host: String) -> String {
        host.lowercased().split(separator: ".", omittingEmptySubsequences: false).map { label in
            label.unicodeScalars.allSatisfy(\.isASCII) ? String(label) : "xn--" + (Punycode.encode(label.unicodeScalars) ?? "")
        }.joined(separator: ".")
    }

    @Test("the Public Suffix List's test vectors")
    func vectors() {
        #expect(Self.vectors.count > 70)
        for (host, registrable) in Self.vectors {
            let found = PublicSuffixes.registered(Self.ascii(host)).map { "\($0.name).\($0.suffix)" }
            #expect(found == registrable.map(Self.ascii), "\(host)")
        }
    }

    @Test(
        "where the registered name is",
        arguments: [
            ("live.aqsatv.ps", "aqsatv", "ps"), ("x.persiabank.co.uk", "persiabank", "co.uk"),
            ("someone.github.io", "someone", "github.io"), ("inma-maldives.business.site", "business", "site"), ("www.presstv.ir", "presstv", "ir"),
            ("en.tmgic.ir", "tmgic", "ir"), ("a.b.example", "b", "example"),
        ])
    func registered(_ host: String, name: String, suffix: String) {
        let found = PublicSuffixes.registered(host)
        #expect(found?.name == Substring(name) && found?.suffix == Substring(suffix), "\(host) → \(String(describing: found))")
    }

    @Test("a suffix, an address or an empty label has no registered name", arguments: ["ps", "co.uk", "github.io", "blogspot.com", "10.0.0.1", "a..ps", ".ps", "ps."])
    func noRegisteredName(_ host: String) {
        #expect(PublicSuffixes.registered(host) == nil)
    }

    static func expectRegistered(_ value: String, listed: String = "aqsatv.ps") {
        let indexed = EvasionTests.screen(domains: [value])
        #expect(indexed == EvasionTests.screen(domains: [value], mode: .scan))
        let hit = indexed.first { $0.entry == "aqsa" }
        #expect(hit?.method == .variant, "\(value): \(String(describing: hit))")
        #expect(hit?.reading == .registered)
        #expect(hit?.score == 0.95)
        #expect(hit?.matchedSuffix == listed)
    }

    @Test(
        "the listed name under another suffix, hyphenated otherwise, with a letter doubled, run together with its suffix, or in look-alike letters is a registered variant",
        arguments: [
            "aqsatv.com", "https://www.aqsatv.net/live", "aqsatv.co.uk", "live.aqsatv.tv", "aqsa-tv.ps", "aqsa-tv.com", "AQSATV.ORG",
            "aqsatv.com.ps", "aqsatv.github.io", "\u{430}qsatv.com", "aqsattv.ps", "aqqsatv.net", "aqsatv-ps.com", "aqsatvps.net",
            "www.aqsa-tv-ps.org",
        ])
    func registeredVariant(_ value: String) {
        Self.expectRegistered(value)
    }

    @Test(
        "a link to a look-alike of the listed host, or to its name under another suffix, is a linked variant",
        arguments: [
            "https://google.com/url?q=https://live.\u{430}qsatv.ps", "https://google.com/url?q=https://aqsatv.net",
            "web.archive.org/web/2021/https://aqsa-tv.com/", "aqsatv-net.translate.goog",
        ])
    func linkedVariant(_ value: String) {
        DomainEvasionTests.expectLinksToAqsa(value)
    }

    @Test(
        "another name, the listed host's own registrable domain, or the name inside a longer label is not",
        arguments: [
            "aqsatvx.com", "xaqsatv.com", "aqstv.ps", "aqsatv-news.com", "aqsatv.ps.evil.example", "evil.example/aqsatv.com", "aqsatv",
            "aqsatv.evil.example",
        ])
    func notRegistered(_ value: String) {
        #expect(EvasionTests.screen(domains: [value]).allSatisfy { $0.reading != .registered }, "\(value)")
    }

    static func entry(_ domains: [String]) -> ScreeningEntry {
        ScreeningEntry(ListEntry(
            id: "e", name: "E", aliases: [], type: .organization, listed: nil, delisted: nil,
            identifiers: [(kind: "domain", values: domains)], programs: [], location: .init(file: "t", line: 1, column: 1)))
    }

    @Test(
        "a listed subdomain's siblings and parent share its registrable domain: not another registration",
        arguments: ["fr.tmgic-online.ir", "tmgic-online.ir", "www.tmgic-online.ir"])
    func sameRegistrableDomain(_ value: String) {
        #expect(IdentifierMatcher.match(IdentifierMatcher.Prepared(kind: "domain", text: value), Self.entry(["en.tmgic-online.ir"])) == nil)
    }

    @Test(
        "a listed host under its registrable domain is not compared by that domain's name (the domain may be a platform's), but with `www.` it is",
        arguments: [
            ("en.tmgic-online.ir", "tmgic-online.com", false), ("inma-maldives.business.site", "business.com", false),
            ("inma-maldives.business.site", "inma-maldives.com", false), ("www.presstv.ir", "presstv.com", true),
        ])
    func listedSubdomain(_ listed: String, value: String, meets: Bool) {
        let hit = IdentifierMatcher.match(IdentifierMatcher.Prepared(kind: "domain", text: value), Self.entry([listed]))
        // Listed hosts are normalised as case values are: `www.` is left out.
        let shown = IdentifierNormalizer.normalize(listed, kind: "domain")
        #expect(hit == (meets ? IdentifierMatcher.Hit(score: 0.95, method: .variant, suffix: shown, reading: .registered) : nil))
    }

    @Test(
        "names of five letters or fewer are not compared under other suffixes",
        arguments: [("bmi.com", "bmi.ir"), ("msc.com", "en.msc.ir"), ("davos.ch", "davos.exchange"), ("sadra.com", "sadra.ir"), ("rt.de", "rt.com")])
    func shortNames(_ value: String, listed: String) {
        #expect(IdentifierMatcher.match(IdentifierMatcher.Prepared(kind: "domain", text: value), Self.entry([listed])) == nil)
    }

    @Test("a site on a platform's suffix is its owner's: another site on it is not the listed one, the same name elsewhere is")
    func privateSuffix() {
        let listed = Self.entry(["inma-maldives.github.io"])
        #expect(IdentifierMatcher.match(IdentifierMatcher.Prepared(kind: "domain", text: "other-shop.github.io"), listed) == nil)
        let moved = IdentifierMatcher.match(IdentifierMatcher.Prepared(kind: "domain", text: "inma-maldives.com"), listed)
        #expect(moved?.reading == .registered)
    }

    /// Sites anyone may run, against every list of the shipped bundle.
    static let wellKnown = [
        "google.com", "youtube.com", "facebook.com", "wikipedia.org", "amazon.com", "twitter.com", "instagram.com", "linkedin.com",
        "netflix.com", "microsoft.com", "apple.com", "github.com", "stackoverflow.com", "wordpress.com", "blogspot.com", "medium.com",
        "bbc.co.uk", "theguardian.com", "nytimes.com", "aljazeera.com", "aljazeera.net", "reuters.com", "dw.com", "lemonde.fr",
        "spiegel.de", "yandex.ru", "mail.ru", "vk.com", "baidu.com", "qq.com", "alibaba.com", "booking.com", "paypal.com", "hsbc.com",
        "emiratesnbd.com", "alrajhibank.com.sa", "shell.com", "aramco.com", "gazprom.com", "samsung.com", "huawei.com", "toyota.com",
        "emirates.com", "turkishairlines.com", "un.org", "who.int", "europa.eu", "gov.uk", "harvard.edu", "ox.ac.uk", "sharif.edu",
        "ut.ac.ir", "aub.edu.lb", "cloudflare.com", "akamai.com", "godaddy.com", "hetzner.de", "ikea.com", "zara.com", "carrefour.fr",
        "bmi.com", "msc.com", "isc.org", "davos.ch", "sadra.com", "rt.de", "tass.ru", "business.com",
    ]

    @Test("well-known sites meet no listed site of the shipped bundle")
    func wellKnownSites() throws {
        let bundle = try ShippedBundle.get()
        let spec = ScreenSpec(
            lists: bundle.lists.map(\.id), names: [], identifiers: [], minScore: 0.9, below: nil, types: nil,
            location: SourceLocation(file: "t", line: 1, column: 1))
        let screener = Screener(lists: bundle.lists)
        for site in Self.wellKnown {
            let found = screener.screen(
                names: [], identifiers: [(kind: "domain", query: Screener.Query(text: site, field: "site.domain"))], spec: spec,
                asOf: ShippedBundle.fallbackAsOf, rule: "r")
            #expect(found.isEmpty, "\(site): \(found.map { "\($0.list)/\($0.entry) \($0.matchedSuffix ?? "")" })")
        }
    }
}
