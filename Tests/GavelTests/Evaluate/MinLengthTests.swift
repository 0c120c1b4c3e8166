import Foundation
import Testing

@testable import GavelEngine
@testable import GavelSyntax

/// A screen's `min_length`: listed spellings shorter than it are left to
/// review, and the shipped bundle blocks on no acronym, short word or vessel
/// name alone.
@Suite("Screen min_length")
struct MinLengthTests {
    static let list = """
        kind: List
        id: groups
        as_of: 2024-01-01
        entries:
          - id: ttp
            name: Tehrik-e Taliban Pakistan
            aliases: [TTP, T.T.P.]
            type: organization
            identifiers: { domain: [ttp.example] }
          - id: hamas
            name: HAMAS
            type: organization
        """

    static func rules(minLength: String) -> String {
        """
          - id: acts
            title: Acts on a name
            decision: terminate
            when:
              screen:
                lists: [groups]
                names: [customer.name]
                identifiers: { domain: [site.domain] }
                min_score: 1.0
                min_length: \(minLength)
        """
    }

    func decide(_ name: String, domain: String = "customer.example") throws -> (Decision, CompiledBundle) {
        let bundle = try policyBundle(rules: Self.rules(minLength: "5"), lists: ["groups": Self.list])
        let decision = try evaluate(
            bundle, "kind: Case\nid: c\nas_of: 2024-06-01\ncustomer: { name: \"\(name)\" }\nsite: { domain: \(domain) }", trace: .full)
        return (decision, bundle)
    }

    @Test(
        "spellings of fewer letters than min_length do not match; longer ones and identifiers do",
        arguments: [
            ("TTP plc", "customer.example", false), ("T.T.P.", "customer.example", false), ("Hamas", "customer.example", true),
            ("Tehrik-e-Taliban Pakistan", "customer.example", true), ("TTP plc", "ttp.example", true),
        ])
    func shortSpellings(_ name: String, _ domain: String, _ holds: Bool) throws {
        let (decision, _) = try decide(name, domain: domain)
        #expect(decision.status("acts") == (holds ? .matched : .notMatched), "\(name) \(domain)")
    }

    @Test("min_length is in the trace's expected and sets the screen apart from one without it")
    func traceAndCanonical() throws {
        let (decision, bundle) = try decide("Hamas")
        #expect(DecisionRecord.text(decision, bundle: bundle, pretty: false).contains("\"min_length\":5"))
        let with = try policyBundle(rules: Self.rules(minLength: "5"), lists: ["groups": Self.list])
        let without = try policyBundle(rules: Self.rules(minLength: "1"), lists: ["groups": Self.list])
        #expect(with.rules[0].condition.canonical != without.rules[0].condition.canonical)
    }

    @Test("a min_length that is not a whole number from 1 is an error at its place", arguments: ["0", "-3", "2.5", "five", "[5]", "5000"])
    func badValues(_ value: String) throws {
        let bundle = try TemporaryBundle([
            "policy.yaml": "kind: Policy\nid: test\nowner: t@example\nrules:\n\(Self.rules(minLength: value))\n", "lists/groups.yaml": Self.list,
        ])
        let problems = bundle.problems()
        #expect(problems.count == 1)
        #expect(problems.first?.hasPrefix("policy.yaml:14:") == true, "\(problems)")
        #expect(problems.first?.contains("min_length") == true)
    }

    @Test("max_length matches only the spellings min_length leaves out; below min_length it is an error")
    func maxLength() throws {
        let rules = Self.rules(minLength: "5") + """

              - id: reviews
                title: Reviews the short ones
                decision: escalate
                when: { screen: { lists: [groups], names: [customer.name], min_score: 1.0, max_length: 4 } }
            """
        let bundle = try policyBundle(rules: rules, lists: ["groups": Self.list])
        for (name, acts, reviews) in [("TTP plc", false, true), ("Hamas", true, false), ("Tehrik-e-Taliban Pakistan", true, false)] {
            let decision = try evaluate(bundle, "kind: Case\nid: c\nas_of: 2024-06-01\ncustomer: { name: \"\(name)\" }\nsite: { domain: x.example }")
            #expect(decision.status("acts") == (acts ? .matched : .notMatched), "\(name)")
            #expect(decision.status("reviews") == (reviews ? .matched : .notMatched), "\(name)")
        }
        let crossed = try TemporaryBundle([
            "policy.yaml": "kind: Policy\nid: test\nowner: t@example\nrules:\n\(Self.rules(minLength: "5"))\n        max_length: 4\n",
            "lists/groups.yaml": Self.list,
        ])
        #expect(crossed.problems().count == 1)
        #expect(crossed.problems().first?.contains("`max_length` (4) is below `min_length` (5)") == true, "\(crossed.problems())")
    }

    @Test(
        "the shipped bundle reviews acronyms, short words and vessel names, never blocks on them",
        arguments: [
            ("TTP plc", "designation-short-name-only"), ("IG", "designation-short-name-only"), ("AUC", "designation-short-name-only"),
            ("NTV", "designation-short-name-only"), ("Superior Ltd", "designation-vessel-name-only"),
            ("Destiny Inc.", "designation-vessel-name-only"),
        ])
    func shippedBundle(_ name: String, _ rule: String) throws {
        let bundle = try ShippedBundle.get()
        let decision = try evaluate(
            bundle, "kind: Case\nid: c\nas_of: 2024-07-01\ncustomer: { name: \"\(name)\", type: organization, country: GB }\n"
                + "site: { domain: probe-innocent.example, categories: [none_reported] }\nservices: [cdn]\nrequests: []")
        #expect(decision.decision == "escalate", "\(name): \(decision.decision)")
        #expect(decision.status(rule) == .matched)
    }
}
