import Foundation
import Testing

@testable import GavelCLI
@testable import GavelEngine
@testable import GavelSyntax

/// `gavel screen --domain`: how a domain is read and the entries whose
/// domains it meets, on the shipped bundle, against golden files and
/// against what a screen of the same value finds.
@Suite("gavel screen --domain")
struct ScreenDomainRunTests {
    static let domains = [
        "www.aqsatv.net", "live.aqsatv.ps", "аqsatv.ps", "https://google.com/url?q=https://aqsatv.ps", "presstv.co.uk",
        "example.org, aqsatv.ps", "example.org", "",
    ]
    static let asOf = Instant.parse("2024-01-01")

    func screen(_ domains: [String], names: [String] = [], format: ScreenRun.Format = .text) -> (status: Int32, output: String) {
        let run = ScreenRun(
            names: names, policies: Repository.policies, lists: ["us-sdgt", "us-sdn-other"], asOf: Self.asOf,
            now: Instant(secondsSinceEpoch: 0, isDateOnly: false), top: 3, format: format, domains: domains
        ).inTestCache()
        var output = ""
        let status = run.run(output: { output += $0 }, errors: { _ in })
        return (status, output)
    }

    @Test("text: each domain's readings and the entries it meets")
    func text() {
        let result = screen(Self.domains)
        #expect(result.status == 0)
        assertGolden(result.output, "screen/domains.txt")
    }

    @Test("JSON: readings and matches, with the listed host and the reading")
    func json() throws {
        let result = screen(Self.domains, format: .json)
        #expect(result.status == 0)
        assertGolden(result.output, "screen/domains.json")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        #expect((object["names"] as? [Any])?.isEmpty == true)
        let domains = try #require(object["domains"] as? [[String: Any]])
        #expect(domains.count == Self.domains.count)
        let readings = try #require(domains[0]["readings"] as? [String: Any])
        #expect(readings["host"] as? String == "aqsatv.net")
        let registered = try #require((readings["registered"] as? [[String: Any]])?.first)
        #expect(registered["domain"] as? String == "aqsatv.net" && registered["compared_as"] as? String == "aqsatv")
        let match = try #require((domains[0]["matches"] as? [[String: Any]])?.first)
        #expect(match["entry"] as? String == "ofac-11911")
        #expect(match["reading"] as? String == "registered" && match["matched_suffix"] as? String == "aqsatv.ps")
        #expect((domains.last?["readings"] as? [String: Any])?["host"] is NSNull)
    }

    @Test("names and domains together: the names first, as without --domain")
    func namesAndDomains() {
        let both = screen(["Hamas"], names: ["Al-Aqsa TV"]).output
        let names = screen([], names: ["Al-Aqsa TV"]).output
        #expect(both.hasPrefix(names.dropLast()))
        #expect(both.contains("DOMAIN  `Hamas`"))
    }

    @Test("the entries shown in force are those a screen of the same value finds", arguments: domains)
    func sameAsAScreen(_ value: String) throws {
        let bundle = try ShippedBundle.get()
        let lists = bundle.lists.filter { ["us-sdgt", "us-sdn-other"].contains($0.id) }
        let asOf = try #require(Self.asOf)
        let shown = ScreenLookup.domainRows(value, lists: lists, asOf: asOf).filter(\.inForce)
        let spec = ScreenSpec(
            lists: lists.map(\.id), names: [], identifiers: [], minScore: 0.9, below: nil, types: nil,
            location: SourceLocation(file: "t", line: 1, column: 1))
        let screened = Screener(lists: lists).screen(
            names: [], identifiers: [(kind: "domain", query: Screener.Query(text: value, field: "site.domain"))], spec: spec, asOf: asOf,
            rule: "r")
        func key(_ list: String, _ entry: String, _ method: ScreenMatch.Method, _ reading: NameReading?, _ score: Double, _ suffix: String?) -> String {
            "\(list)/\(entry) \(method) \(reading?.rawValue ?? "-") \(score) \(suffix ?? "-")"
        }
        #expect(
            Set(shown.map { key($0.list, $0.entry, $0.method, $0.reading, $0.score, $0.matchedSuffix) })
                == Set(screened.map { key($0.list, $0.entry, $0.method, $0.reading, $0.score, $0.matchedSuffix) }), "\(value)")
    }
}
