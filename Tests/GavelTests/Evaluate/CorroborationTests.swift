import Foundation
import Testing

@testable import GavelEngine
@testable import GavelLint
@testable import GavelSyntax

/// Corroboration (SPEC §3 v1.1): what agrees, disagrees and is unknown, and
/// when a match counts.
@Suite("Corroboration")
struct CorroborationTests {
    static let list = """
        kind: List
        id: people
        source: https://example.gov/list
        as_of: 2024-01-01
        entries:
          - id: fadhil
            name: Mustafa Mohamed FADHIL
            aliases: [Hassan ALI]
            type: individual
            attributes: { citizenship: [Egypt, Kenya], birth_date: [1976-06-23], passport: [A 123-456] }
          - id: circa
            name: Abu Example
            type: individual
            attributes: { country: ["Region: Gaza"], birth_date: [circa 1962] }
          - id: front
            name: Example Front
            type: organization
            identifiers: { domain: [example-front.ps] }
            attributes: { country: [PS], registration: [52-1943868] }
        """
    static let rules = """
          - id: counted
            title: Corroborated individual
            decision: terminate
            when:
              screen:
                lists: [people]
                names: [customer.name]
                identifiers: { domain: [site.domain] }
                min_score: 1.0
                corroborate:
                  country: [customer.country]
                  nationality: [customer.nationality]
                  birth_date: [customer.birth_date]
                  passport: [customer.passport]
                  registration: [customer.registration]
                min_corroboration: 1
          - id: none-disagrees
            title: No detail may disagree
            decision: escalate
            when:
              screen:
                lists: [people]
                names: [customer.name]
                min_score: 1.0
                corroborate: { nationality: [customer.nationality], birth_date: [customer.birth_date] }
                min_corroboration: 0
          - id: recorded-only
            title: Corroboration recorded, never deciding
            decision: monitor
            when:
              screen:
                lists: [people]
                names: [customer.name]
                min_score: 1.0
                corroborate: { birth_date: [customer.birth_date] }
          - id: plain
            title: No corroboration at all
            decision: monitor
            when: { screen: { lists: [people], names: [customer.name], min_score: 1.0 } }
        """

    func decide(_ customer: String, site: String = "{ domain: example.org }", trace: TraceLevel = .full) throws -> Decision {
        let bundle = try policyBundle(rules: Self.rules, lists: ["people": Self.list])
        return try evaluate(bundle, "kind: Case\nid: c\nas_of: 2024-06-01\ncustomer: \(customer)\nsite: \(site)", trace: trace)
    }

    func match(_ d: Decision, _ rule: String) throws -> ScreenMatch {
        try #require(d.matches.first { $0.rule == rule })
    }

    @Test("a disagreeing birth date and nationality stop the match from counting; it is still recorded")
    func disagreement() throws {
        let d = try decide("{ name: Hassan Ali, nationality: [GB], birth_date: 1991-03-14 }")
        #expect(d.status("counted") == .notMatched)
        #expect(d.status("none-disagrees") == .notMatched)
        let m = try match(d, "counted")
        #expect(!m.counted)
        let c = try #require(m.corroboration)
        #expect(c.disagree.map(\.attribute) == ["nationality", "birth_date"])
        #expect(c.agree.isEmpty)
        #expect(c.unknown.map(\.attribute) == ["country", "passport", "registration"])
        #expect(c.disagree.first?.entryValues == ["Egypt", "Kenya"])
        // Without `min_corroboration` the same comparison is recorded and the match counts.
        #expect(d.status("recorded-only") == .matched)
        #expect(try match(d, "recorded-only").counted)
        #expect(try match(d, "plain").corroboration == nil)
    }

    @Test("agreeing details make the match count: nationality by ISO code, birth date, passport number as normalised")
    func agreement() throws {
        let d = try decide("{ name: Hassan Ali, nationality: [KE], birth_date: 1976-06-23, passport: [a123456] }")
        #expect(d.decision == "terminate")
        let c = try #require(try match(d, "counted").corroboration)
        #expect(c.agree.map(\.attribute) == ["nationality", "birth_date", "passport"])
        #expect(c.disagree.isEmpty)
        #expect(d.rules.first { $0.rule.id == "counted" }?.status == .matched)
    }

    @Test("nothing to compare: unknown everywhere, so `min_corroboration: 1` is not met but `0` is")
    func unknownOnly() throws {
        let d = try decide("{ name: Hassan Ali }")
        #expect(d.status("counted") == .notMatched)
        #expect(d.status("none-disagrees") == .matched)
        #expect(try match(d, "counted").corroboration?.unknown.count == 5)
    }

    @Test("an identifier hit on the same entry agrees as identifier:KIND")
    func identifierAgrees() throws {
        let d = try decide("{ name: Example Front, country: DE }", site: "{ domain: https://www.example-front.ps/ }")
        let c = try #require(try match(d, "counted").corroboration)
        #expect(c.agree.map(\.attribute) == ["identifier:domain"])
        #expect(c.disagree.map(\.attribute) == ["country"])
        // The country disagrees, so even the identifier hit does not count.
        #expect(d.status("counted") == .notMatched)
        let agreeing = try decide("{ name: Example Front, country: PS, registration: \"521943868\" }", site: "{ domain: example-front.ps }")
        #expect(try match(agreeing, "counted").corroboration?.agree.map(\.attribute) == ["country", "registration", "identifier:domain"])
        #expect(agreeing.status("counted") == .matched)
    }

    @Test("a reason's {match.*} takes a match that counted, and the trail marks the one that did not")
    func trail() throws {
        let d = try decide("{ name: Hassan Ali, nationality: [GB], birth_date: 1991-03-14 }", trace: .decisive)
        let bundle = try policyBundle(rules: Self.rules, lists: ["people": Self.list])
        let text = AuditTrailRenderer.render(d, bundle: bundle)
        #expect(text.contains("counted: people/fadhil `Hassan ALI` (no listing date) ← customer.name `Hassan Ali`, alias, score 1.0  — not counted"))
        #expect(
            text.contains(
                "corroboration: disagrees nationality (case GB, entry Egypt, Kenya); disagrees birth_date (case 1991-03-14, entry 1976-06-23); "
                    + "unknown country, passport, registration (not in the case) (needs 1 agreeing and none disagreeing: not counted)"))
        let json = DecisionRecord.text(d, bundle: bundle, pretty: false)
        #expect(json.contains(#""counted":false,"corroboration":{"agree":[],"disagree":["nationality","birth_date"]"#))
    }

    @Test("every trace level reaches the same statuses and records the same matches, corroboration included")
    func traceLevels() throws {
        for customer in [
            "{ name: Hassan Ali, nationality: [GB], birth_date: 1991-03-14 }", "{ name: Hassan Ali, nationality: [KE] }",
            "{ name: Abu Example, birth_date: 1963-05-05 }",
        ] {
            let decisions = try TraceLevel.allCases.map { try decide(customer, trace: $0) }
            for d in decisions.dropFirst() {
                #expect(d.decision == decisions[0].decision)
                #expect(d.matches == decisions[0].matches)
                #expect(d.rules.map(\.status) == decisions[0].rules.map(\.status))
            }
        }
    }

    // MARK: comparisons

    @Test(
        "birth dates compare at the source's precision",
        arguments: [
            ("1962", "1962-05-01", "agree"), ("1962", "1963-01-01", "disagree"),
            ("1962-01", "1962-01-31", "agree"), ("1962-01", "1962-02-01", "disagree"),
            ("1962-01-29", "1962-01-29", "agree"), ("1962-01-29", "1962-01-30", "disagree"),
            ("29 Jan 1962", "1962-01-29", "agree"), ("1962 to 1964", "1964-12-31", "agree"),
            ("1962 to 1964", "1970-01-01", "disagree"), ("01 Jan 1977 to 31 Dec 1985", "1980-02-02", "agree"),
            ("circa 1962", "1962-06-01", "agree"), ("circa 1962", "1963-06-01", "unknown"),
            ("circa 1962", "1970-01-01", "disagree"), ("circa 07 Jul 1966", "1966-07-07", "agree"),
            ("1962-01-29", "1962", "unknown"), ("1962-01-29", "1990", "disagree"),
            ("undetermined", "1962-01-29", "unknown"), ("1962-02-30", "1962-02-28", "unknown"),
        ])
    func birthDates(_ entry: String, _ given: String, _ expected: String) {
        #expect(Corroborator.outcome(.birthDate, [given], [entry]).rawValue == expected)
    }

    @Test(
        "countries compare as ISO 3166-1 alpha-2, whichever way the source writes them",
        arguments: [
            ("Germany", "DE", "agree"), ("DE", "de", "agree"), ("Region: Gaza", "PS", "agree"),
            ("Iran (Islamic Republic of)", "IR", "agree"), ("Korea, South", "KR", "agree"), ("Türkiye", "TR", "agree"),
            ("United Kingdom of Great Britain and Northern Ireland", "UK", "agree"), ("Russia", "Russian Federation", "agree"),
            ("Egypt", "GB", "disagree"), ("undetermined", "GB", "unknown"), ("former Soviet Union", "RU", "unknown"),
            ("Germany", "Neverland", "unknown"),
        ])
    func countries(_ entry: String, _ given: String, _ expected: String) {
        #expect(Corroborator.outcome(.country, [given], [entry]).rawValue == expected)
    }

    @Test("several values: any agreeing pair agrees; disagreement needs every readable pair to disagree")
    func severalValues() {
        #expect(Corroborator.outcome(.nationality, ["GB", "KE"], ["Egypt", "Kenya"]) == .agree)
        #expect(Corroborator.outcome(.birthDate, ["1991-03-14"], ["1976-06-23", "circa 1990"]) == .unknown)
        #expect(Corroborator.outcome(.birthDate, ["1991-03-14"], ["1976-06-23", "1971"]) == .disagree)
        #expect(Corroborator.outcome(.nationality, ["GB"], ["undetermined", "Kenya"]) == .disagree)
        // A document number the entry does not list is no evidence against.
        #expect(Corroborator.outcome(.passport, ["X999"], ["A 123-456"]) == .unknown)
        #expect(Corroborator.outcome(.registration, ["52-1943868"], ["521943868"]) == .agree)
        #expect(Corroborator.outcome(.country, [], ["Germany"]) == .unknown)
    }

    @Test("a country in OFAC's index order reads as the country", arguments: [
        ("Bahamas, The", "BS"), ("Man, Isle of", "IM"), ("China, Hong Kong Special Administrative Region", "HK"),
        ("Korea, Democratic People's Republic of", "KP"), ("Germany", "DE"),
    ] as [(String, String)])
    func indexOrder(_ text: String, _ code: String) {
        #expect(CountryCodes.code(text) == code)
    }

    @Test("every country the shipped lists publish reads as an ISO code, except the few that name no one country")
    func shippedCountries() throws {
        let bundle = try ShippedBundle.get()
        var unreadable = Set<String>()
        var seen = 0
        for list in bundle.lists {
            for candidate in list.entries {
                for (key, values) in candidate.entry.attributes where ["country", "nationality", "citizenship"].contains(key) {
                    for value in values {
                        seen += 1
                        if CountryCodes.code(value) == nil { unreadable.insert(value) }
                    }
                }
            }
        }
        #expect(seen > 1000)
        #expect(
            unreadable == ["former Soviet Union", "Bahrain (citizenship revoked in Jan. 2015)", "undetermined", "Region: Kafia Kingi"])
    }

    // MARK: lint

    @Test("the shipped bundle acts on no individual's name alone")
    func shippedBundleLint() throws {
        let bundle = try ShippedBundle.get()
        let withIndividuals = Set(bundle.lists.filter { $0.entries.contains { $0.entry.type == .individual } }.map(\.id))
        #expect(withIndividuals.isSuperset(of: ["us-sdgt", "un-isil-aq", "eu-terrorist-list"]))
        let threshold = try #require(bundle.severity["suspend"])
        for rule in bundle.rules where rule.severity >= threshold {
            #expect(
                UncorroboratedIndividualActionCheck.nameAlone(rule.condition, withIndividuals) == nil,
                "rule \(rule.id) can act on an individual's name alone")
        }
    }
}
