import Foundation
import Testing

@testable import GavelEngine
@testable import GavelSyntax

/// A screen's `skip_names_on` and `only_names_on`: a listed spelling that is
/// an ordinary word or name (on the bundle's own list of them) is left out of
/// the rules that act and taken by the rule that reviews, and the shipped
/// bundle blocks no one on such a word alone.
@Suite("Screen skip_names_on and only_names_on")
struct OrdinaryNamesTests {
    static let groups = """
        kind: List
        id: groups
        as_of: 2024-01-01
        entries:
          - id: qaida
            name: Al-Qaida
            aliases: [THE BASE, Al-Qaeda]
            type: organization
            identifiers: { domain: [qaida.example] }
        """

    static let ordinary = """
        kind: List
        id: ordinary
        as_of: 2024-01-01
        entries:
          - id: the-base
            name: The Base
            type: other
        """

    static let rules = """
          - id: acts
            title: Acts on a name
            decision: terminate
            when:
              screen:
                lists: [groups]
                names: [customer.name, customer.aliases]
                identifiers: { domain: [site.domain] }
                min_score: 1.0
                skip_names_on: [ordinary]
          - id: reviews
            title: Reviews the ordinary words
            decision: escalate
            when:
              screen:
                lists: [groups]
                names: [customer.name, customer.aliases]
                min_score: 1.0
                only_names_on: [ordinary]
          - id: plain
            title: Screens every spelling
            decision: escalate
            when: { screen: { lists: [groups], names: [customer.name, customer.aliases], min_score: 1.0 } }
        """

    func decide(_ bundle: CompiledBundle, _ name: String, aliases: [String] = [], domain: String = "customer.example") throws -> Decision {
        let aliasText = aliases.map { "\"\($0)\"" }.joined(separator: ", ")
        return try evaluate(
            bundle,
            "kind: Case\nid: c\nas_of: 2024-06-01\ncustomer: { name: \"\(name)\", aliases: [\(aliasText)] }\nsite: { domain: \(domain) }",
            trace: .full)
    }

    func bundle(_ rules: String = Self.rules) throws -> CompiledBundle {
        try policyBundle(rules: rules, lists: ["groups": Self.groups, "ordinary": Self.ordinary])
    }

    @Test(
        "an ordinary spelling is skipped by the acting rule and taken by the reviewing one; other spellings and identifiers act",
        arguments: [
            ("The Base Ltd", [String](), "customer.example", false, true),
            ("THE  BASE", [], "customer.example", false, true),
            ("Al Qaeda", [], "customer.example", true, false),
            ("The Base Ltd", ["Al-Qaida"], "customer.example", true, true),
            ("The Base Ltd", [], "qaida.example", true, true),
            ("Acme Roofing", [], "customer.example", false, false),
        ])
    func skipAndOnly(_ name: String, _ aliases: [String], _ domain: String, _ acts: Bool, _ reviews: Bool) throws {
        let decision = try decide(bundle(), name, aliases: aliases, domain: domain)
        #expect(decision.status("acts") == (acts ? .matched : .notMatched), "\(name) \(aliases) \(domain)")
        #expect(decision.status("reviews") == (reviews ? .matched : .notMatched), "\(name) \(aliases) \(domain)")
    }

    @Test("screens with and without a filter share a case's memo of scores without reading each other's")
    func memoKeepsFiltersApart() throws {
        // Rules run in id order: `acts` (skip), `plain` (no filter), `reviews` (only), each after the other's scores are kept.
        let decision = try decide(bundle(), "The Base")
        #expect(decision.status("acts") == .notMatched)
        #expect(decision.status("plain") == .matched)
        #expect(decision.status("reviews") == .matched)
    }

    @Test("the lists are in the trace's expected and set the screen apart from one without them")
    func traceAndCanonical() throws {
        let b = try bundle()
        let record = DecisionRecord.text(try decide(b, "Al Qaeda"), bundle: b, pretty: false)
        #expect(record.contains("\"skip_names_on\":[\"ordinary\"]"))
        #expect(record.contains("\"only_names_on\":[\"ordinary\"]"))
        let canonical = b.rules.map(\.condition.canonical)
        #expect(Set(canonical).count == 3)
        #expect(canonical[0].contains("skip_names_on=ordinary"))
    }

    @Test("a list only skip_names_on or only_names_on name is a word list, which `gavel screen` leaves out by default")
    func wordLists() throws {
        #expect(try bundle().wordListIDs == ["ordinary"])
        #expect(try ShippedBundle.get().wordListIDs == ["ordinary-names"])
        // Screened as well as named: a designation list, not a word list.
        let screened = Self.rules + "\n  - id: also\n    title: Screens the words\n    decision: escalate\n"
            + "    when: { screen: { lists: [ordinary], names: [customer.name] } }"
        #expect(try bundle(screened).wordListIDs.isEmpty)
    }

    @Test(
        "an unknown list is an error at its place, with a did-you-mean; an empty only_names_on is an error",
        arguments: [
            ("skip_names_on: [ordinray]", "unknown list `ordinray`", "did you mean `ordinary`"),
            ("only_names_on: [ordinray]", "unknown list `ordinray`", "did you mean `ordinary`"),
            ("only_names_on: []", "`only_names_on` names no list", "ordinary-names"),
        ])
    func badLists(_ field: String, _ message: String, _ help: String) throws {
        let rules = """
              - id: acts
                title: Acts on a name
                decision: terminate
                when:
                  screen:
                    lists: [groups]
                    names: [customer.name]
                    \(field)
            """
        let bundle = try TemporaryBundle([
            "policy.yaml": "kind: Policy\nid: test\nowner: t@example\nrules:\n\(rules)\n", "lists/groups.yaml": Self.groups,
            "lists/ordinary.yaml": Self.ordinary,
        ])
        let problems = bundle.problems()
        #expect(problems.count == 1, "\(problems)")
        #expect(problems.first?.hasPrefix("policy.yaml:12:") == true, "\(problems)")
        #expect(problems.first?.contains(message) == true, "\(problems)")
        guard case .failure(let error) = bundle.compile() else { return }
        #expect(error.diagnostics.first?.help?.contains(help) == true, "\(error.diagnostics.map(\.help))")
    }

    @Test(
        "the shipped bundle reviews listed aliases that are ordinary words, never acts on them alone",
        arguments: ["The Base Ltd", "Al-Aqsa", "Al Shabab", "Al-Tawhid", "مكتب الخدمات", "Aleph Inc.", "Sputnik GmbH"])
    func shippedBundle(_ name: String) throws {
        let decision = try shipped(name, country: "DE")
        #expect(decision.decision == "escalate", "\(name): \(decision.decision)")
        #expect(decision.status("designation-ordinary-name-only") == .matched, "\(name)")
    }

    @Test("the shipped bundle still acts on the groups' distinctive spellings", arguments: ["Al-Shabaab", "Al-Qaida", "Hamas"])
    func shippedBundleStillActs(_ name: String) throws {
        let decision = try shipped(name, country: "DE")
        #expect(["block", "terminate"].contains(decision.decision), "\(name): \(decision.decision)")
        #expect(decision.status("designation-ordinary-name-only") != .matched, "\(name)")
    }

    /// The shipped bundle, on one customer.
    func shipped(_ name: String, type: String = "organization", country: String, domain: String = "probe-innocent.example") throws -> Decision {
        try evaluate(
            ShippedBundle.get(), "kind: Case\nid: c\nas_of: 2024-07-01\ncustomer: { name: \"\(name)\", type: \(type), country: \(country) }\n"
                + "site: { domain: \(domain), categories: [none_reported] }\nservices: [cdn]\nrequests: []")
    }

    @Test(
        "the shipped bundle reviews an organisation's exact name when the countries disagree, and acts when they do not or are unknown",
        arguments: [
            ("Aldar Properties", "AE", "escalate"), ("MB Bank", "VN", "escalate"), ("Transmart", "ID", "escalate"),
            ("MB Bank", "RU", "block"), ("Hamas", "GB", "block"), ("Hamas", "PS", "block"),
            // The OFAC and UK Wagner entries give Russia: a German company of that name is reviewed, a Russian one blocked.
            ("Wagner Group GmbH", "DE", "escalate"), ("Wagner Group", "RU", "block"),
        ])
    func organisationCountry(_ name: String, _ country: String, _ expected: String) throws {
        let decision = try shipped(name, country: country)
        #expect(decision.decision == expected, "\(name) \(country): \(decision.decision)")
        #expect((decision.status("designation-organisation-name-only") == .matched) == (expected == "escalate"), "\(name) \(country)")
    }

    @Test("a listed domain acts in the shipped bundle whatever the customer's country; a person is not an organisation of the same name")
    func domainAndPerson() throws {
        // MB BANK (Moscow) lists mbbru.com: a Vietnamese customer holding it is blocked on the domain.
        #expect(try shipped("MB Bank", country: "VN", domain: "mbbru.com").decision == "block")
        // A person called Vishnu is not VISHNU INC.: neither acted on nor reviewed for that entry.
        let person = try shipped("Vishnu", type: "individual", country: "IN")
        #expect(person.decision == "no_action", "\(person.decision)")
        #expect(person.status("sdgt-designated-party") == .notMatched)
        #expect(try shipped("Vishnu Ltd", country: "IN").decision == "block")
    }
}
