import Testing

@testable import GavelCLI
@testable import GavelEngine
@testable import GavelLint
@testable import GavelSyntax

/// Screening as a rule sees it (SPEC §3): methods, bands, dates, types.
@Suite("Screening in rules")
struct ScreeningEvaluationTests {
    static let list = """
        kind: List
        id: designations
        source: https://example.gov/list
        as_of: 2024-01-01
        entries:
          - id: hamas
            name: HAMAS
            aliases: [Islamic Resistance Movement]
            type: organization
            listed: 1997-10-08
            identifiers: { domain: [hamas.ps] }
          - id: wagner
            name: PMC Wagner
            aliases: [Vagner, Wagner Group]
            type: organization
            listed: 2023-01-26
          - id: old-party
            name: Example Liberation Front
            listed: 2001-10-31
            delisted: 2015-06-01
          - id: person
            name: Ismail Ahmed Haji
            type: individual
            listed: 2010-01-01
        """
    static let rules = """
          - id: exact
            title: Exact or identifier evidence
            decision: terminate
            reason: "{customer.name} matches {match.name} ({match.method}, {match.score}) on {match.list}"
            when: { screen: { lists: [designations], names: [customer.name, customer.aliases], identifiers: { domain: [site.domain] }, min_score: 1.0 } }
          - id: review
            title: Near match
            decision: escalate
            when: { screen: { lists: [designations], names: [customer.name, customer.aliases], min_score: 0.85, below: 1.0 } }
          - id: people-only
            title: Individuals only
            decision: monitor
            when: { screen: { lists: [designations], names: [customer.name], types: [individual], min_score: 0.85 } }
        """

    func bundle() throws -> CompiledBundle { try policyBundle(rules: Self.rules, lists: ["designations": Self.list]) }

    func decide(_ customer: String, site: String = "{ domain: example.org }", asOf: String = "2024-06-01") throws -> Decision {
        try evaluate(try bundle(), "kind: Case\nid: c\nas_of: \(asOf)\ncustomer: \(customer)\nsite: \(site)")
    }

    @Test("an exact name decides, with method exact and score 1.0")
    func exact() throws {
        let d = try decide("{ name: Hamas }")
        #expect(d.decision == "terminate")
        let m = try #require(d.matches.first { $0.rule == "exact" })
        #expect((m.entry, m.method, m.score, m.field) == ("hamas", .exact, 1.0, "customer.name"))
        #expect(d.rules.first { $0.rule.id == "exact" }?.reason == "Hamas matches HAMAS (exact, 1.0) on designations")
        #expect(d.status("review") == .notMatched)
    }

    @Test("a misspelling lands in the review band as a fuzzy match: Hammas → HAMAS")
    func fuzzy() throws {
        let d = try decide("{ name: Hammas }")
        #expect(d.decision == "escalate")
        let m = try #require(d.matches.first { $0.rule == "review" })
        #expect(m.entry == "hamas")
        #expect(m.method == .fuzzy)
        #expect(m.score >= 0.92 && m.score < 1.0)
        #expect(d.status("exact") == .notMatched)
    }

    @Test("Cyrillic Вагнер is found through the transliterated alias Vagner")
    func transliterated() throws {
        let d = try decide("{ name: Вагнер }")
        #expect(d.decision == "terminate")
        let m = try #require(d.matches.first { $0.rule == "exact" })
        #expect((m.entry, m.name, m.method) == ("wagner", "Vagner", .alias))
    }

    @Test("a namesake scores in the escalate band, never in the terminate one")
    func namesake() throws {
        let d = try decide("{ name: Ismail Ahmed }")
        #expect(d.decision == "escalate")
        #expect(d.matches.allSatisfy { $0.rule != "exact" })
        #expect(d.matches.contains { $0.rule == "review" && $0.entry == "person" })
    }

    @Test("an entry does not match after its delisting, nor before its listing")
    func listingDates() throws {
        #expect(try decide("{ name: Example Liberation Front }", asOf: "2015-05-31").decision == "terminate")
        #expect(try decide("{ name: Example Liberation Front }", asOf: "2015-06-01").decision == "no_action")
        #expect(try decide("{ name: PMC Wagner }", asOf: "2023-01-25").decision == "no_action")
        #expect(try decide("{ name: PMC Wagner }", asOf: "2023-01-26").decision == "terminate")
    }

    @Test("a domain identifier hits after normalisation, with score 1.0 and the entry's primary name")
    func identifier() throws {
        let d = try decide("{ name: Some Hosting Customer }", site: "{ domain: \"https://WWW.Hamas.ps/en/\" }")
        #expect(d.decision == "terminate")
        let m = try #require(d.matches.first)
        #expect((m.method, m.name, m.score, m.field) == (.identifier, "HAMAS", 1.0, "site.domain"))
    }

    @Test("the band applies to an entry's best score over all the case's names")
    func bandPerEntry() throws {
        // The alias misspells, the name is exact: the entry is an exact hit, not a near one.
        let d = try decide("{ name: Hamas, aliases: [Islamic Resistanse Movement] }")
        #expect(d.status("review") == .notMatched)
        #expect(d.status("exact") == .matched)
    }

    @Test("types restrict which entries can match")
    func types() throws {
        #expect(try decide("{ name: Hamas }").status("people-only") == .notMatched)
        #expect(try decide("{ name: Ismail Ahmed Haji }").status("people-only") == .matched)
    }

    @Test("every match is recorded, and the brute-force scan finds exactly the same ones twice")
    func recorded() throws {
        let d = try decide("{ name: Hamas, aliases: [Islamic Resistance Movement] }")
        let exact = d.matches.filter { $0.rule == "exact" }
        #expect(Set(exact.map(\.method)) == [.exact, .alias])
        let again = try decide("{ name: Hamas, aliases: [Islamic Resistance Movement] }")
        #expect(again.matches == d.matches)
    }
}
