import Testing

@testable import GavelCLI
@testable import GavelEngine
@testable import GavelLint
@testable import GavelSyntax

/// Every operator and quantifier of SPEC §1.3, each true, false and missing
/// (and type_mismatch where §1.6 says so), on one shared case.
@Suite("Operators and quantifiers")
struct OperatorTests {
    static let caseYAML = """
        kind: Case
        id: op-test
        as_of: 2024-03-31
        customer: { name: Hamas Info, aliases: [Alpha, Beta], country: NO, followers: 1200, score: 0.5 }
        site: { domain: www.example.org, categories: [journalism, satire] }
        services: [cdn, dns]
        empty: []
        nothing: null
        requests:
          - { kind: court_order, jurisdiction: DE, received: 2024-03-01, binding: true, tags: [urgent] }
          - { kind: abuse_report, jurisdiction: FR, received: "2024-03-30T10:00:00Z", binding: false }
          - { kind: abuse_report, jurisdiction: FR, received: 2023-01-01, binding: false }
        """

    struct Example: CustomTestStringConvertible, Sendable {
        let condition: String
        let expected: String  // holds | fails | missing | type_mismatch
        var testDescription: String { "\(condition) → \(expected)" }
    }

    static let examples: [Example] = [
        // equals: exact strings, numbers by value, through lists (any element)
        .init(condition: "{ path: customer.country, equals: NO }", expected: "holds"),
        .init(condition: "{ path: customer.country, equals: false }", expected: "fails"),
        .init(condition: "{ path: customer.followers, equals: 1200.0 }", expected: "holds"),
        .init(condition: "{ path: customer.name, equals: hamas info }", expected: "fails"),
        .init(condition: "{ path: customer.missing, equals: x }", expected: "missing"),
        .init(condition: "{ path: nothing, equals: x }", expected: "missing"),
        .init(condition: "{ path: requests.kind, equals: court_order }", expected: "holds"),
        // in
        .init(condition: "{ path: customer.country, in: [DE, NO] }", expected: "holds"),
        .init(condition: "{ path: customer.country, in: [DE, FR] }", expected: "fails"),
        .init(condition: "{ path: customer.region, in: [EU] }", expected: "missing"),
        .init(condition: "{ path: requests.jurisdiction, in: [FR] }", expected: "holds"),
        // contains / contains_any / contains_all
        .init(condition: "{ path: services, contains: cdn }", expected: "holds"),
        .init(condition: "{ path: services, contains: hosting }", expected: "fails"),
        .init(condition: "{ path: customer.country, contains: NO }", expected: "holds"),
        .init(condition: "{ path: customer, contains: x }", expected: "type_mismatch"),
        .init(condition: "{ path: services.none, contains: cdn }", expected: "missing"),
        .init(condition: "{ path: site.categories, contains_any: [hate_speech, satire] }", expected: "holds"),
        .init(condition: "{ path: site.categories, contains_any: [hate_speech] }", expected: "fails"),
        .init(condition: "{ path: site.tags, contains_any: [x] }", expected: "missing"),
        .init(condition: "{ path: site.categories, contains_all: [journalism, satire] }", expected: "holds"),
        .init(condition: "{ path: site.categories, contains_all: [journalism, research] }", expected: "fails"),
        .init(condition: "{ path: requests.tags, contains_all: [urgent] }", expected: "holds"),
        .init(condition: "{ path: site.tags, contains_all: [x] }", expected: "missing"),
        // exists is simply true or false
        .init(condition: "{ path: customer.name, exists: true }", expected: "holds"),
        .init(condition: "{ path: customer.missing, exists: true }", expected: "fails"),
        .init(condition: "{ path: customer.missing, exists: false }", expected: "holds"),
        .init(condition: "{ path: nothing, exists: true }", expected: "fails"),
        .init(condition: "{ path: empty, exists: true }", expected: "holds"),
        // gt / gte / lt / lte on numbers and dates
        .init(condition: "{ path: customer.followers, gt: 1000 }", expected: "holds"),
        .init(condition: "{ path: customer.followers, gt: 1200 }", expected: "fails"),
        .init(condition: "{ path: customer.followers, gte: 1200 }", expected: "holds"),
        .init(condition: "{ path: customer.score, lt: 0.75 }", expected: "holds"),
        .init(condition: "{ path: customer.score, lte: 0.4 }", expected: "fails"),
        .init(condition: "{ path: customer.name, gt: 3 }", expected: "type_mismatch"),
        .init(condition: "{ path: customer.age, gt: 3 }", expected: "missing"),
        .init(condition: "{ path: requests.received, gte: 2024-03-30 }", expected: "holds"),
        .init(condition: "{ path: requests.received, lt: 2023-01-01 }", expected: "fails"),
        .init(condition: "{ path: requests.received, lte: 2023-01-01 }", expected: "holds"),
        .init(condition: "{ path: customer.name, lt: 2023-01-01 }", expected: "type_mismatch"),
        .init(condition: "{ path: requests.none, lt: 2023-01-01 }", expected: "missing"),
        // glob, starts_with, ends_with ignore case
        .init(condition: "{ path: site.domain, glob: \"*.EXAMPLE.org\" }", expected: "holds"),
        .init(condition: "{ path: site.domain, glob: \"www.?xample.*\" }", expected: "holds"),
        .init(condition: "{ path: site.domain, glob: \"*.example.com\" }", expected: "fails"),
        .init(condition: "{ path: customer.followers, glob: \"1*\" }", expected: "type_mismatch"),
        .init(condition: "{ path: site.url, glob: \"*\" }", expected: "missing"),
        .init(condition: "{ path: customer.name, starts_with: HAMAS }", expected: "holds"),
        .init(condition: "{ path: customer.name, starts_with: Info }", expected: "fails"),
        .init(condition: "{ path: customer.nick, starts_with: x }", expected: "missing"),
        .init(condition: "{ path: site.domain, ends_with: .ORG }", expected: "holds"),
        .init(condition: "{ path: site.domain, ends_with: .net }", expected: "fails"),
        .init(condition: "{ path: site.host, ends_with: .net }", expected: "missing"),
        // within: as_of - span <= date <= as_of, both ends included
        .init(condition: "{ path: requests.received, within: 2d }", expected: "holds"),
        .init(condition: "{ path: requests.received, within: 30d }", expected: "holds"),
        .init(condition: "{ path: requests.received, within: 12h }", expected: "fails"),
        .init(condition: "{ path: customer.name, within: 1w }", expected: "type_mismatch"),
        .init(condition: "{ path: requests.seen, within: 1w }", expected: "missing"),
        // all / any / not
        .init(condition: "{ all: [{ path: services, contains: cdn }, { path: customer.country, equals: NO }] }", expected: "holds"),
        .init(condition: "{ all: [{ path: services, contains: cdn }, { path: customer.country, equals: DE }] }", expected: "fails"),
        .init(condition: "{ any: [{ path: services, contains: hosting }, { path: customer.country, equals: NO }] }", expected: "holds"),
        .init(condition: "{ any: [{ path: services, contains: hosting }, { path: customer.country, equals: DE }] }", expected: "fails"),
        .init(condition: "{ not: { path: services, contains: hosting } }", expected: "holds"),
        .init(condition: "{ not: { path: services, contains: cdn } }", expected: "fails"),
        .init(condition: "{ not: { path: customer.missing, equals: x } }", expected: "holds"),
        // some / every / count, with `$.` reaching the root inside `where`
        .init(condition: "{ some: { path: requests, where: { path: kind, equals: court_order } } }", expected: "holds"),
        .init(condition: "{ some: { path: requests, where: { path: kind, equals: legal_demand } } }", expected: "fails"),
        .init(condition: "{ some: { path: demands, where: { path: kind, equals: x } } }", expected: "missing"),
        .init(condition: "{ some: { path: requests, where: { all: [{ path: jurisdiction, equals: DE }, { path: $.customer.country, equals: NO }] } } }", expected: "holds"),
        .init(condition: "{ some: { path: requests, where: { path: $.customer.country, equals: DE } } }", expected: "fails"),
        .init(condition: "{ every: { path: requests, where: { path: received, gte: 2023-01-01 } } }", expected: "holds"),
        .init(condition: "{ every: { path: requests, where: { path: binding, equals: false } } }", expected: "fails"),
        .init(condition: "{ every: { path: empty, where: { path: x, equals: 1 } } }", expected: "holds"),
        .init(condition: "{ every: { path: demands, where: { path: x, equals: 1 } } }", expected: "missing"),
        .init(condition: "{ count: { path: requests, where: { path: kind, equals: abuse_report }, gte: 2 } }", expected: "holds"),
        .init(condition: "{ count: { path: requests, where: { path: kind, equals: abuse_report }, gt: 2 } }", expected: "fails"),
        .init(condition: "{ count: { path: requests, where: { path: kind, equals: abuse_report }, equals: 2 } }", expected: "holds"),
        .init(condition: "{ count: { path: requests, where: { path: kind, equals: abuse_report }, lt: 2 } }", expected: "fails"),
        .init(condition: "{ count: { path: requests, where: { path: kind, equals: abuse_report }, lte: 2 } }", expected: "holds"),
        .init(condition: "{ count: { path: demands, where: { path: kind, equals: x }, lt: 1 } }", expected: "missing"),
    ]

    @Test("operator outcome", arguments: examples)
    func outcome(_ example: Example) throws {
        let bundle = try policyBundle(
            rules: "  - { id: r, title: R, decision: monitor, when: \(example.condition) }")
        let decision = try evaluate(bundle, Self.caseYAML, trace: .full)
        let trace = try #require(decision.rules.first?.trace)
        let observed = trace.result ? "holds" : (trace.nodes.first?.note?.rawValue ?? "fails")
        #expect(observed == example.expected)
        // Deciding without a trace must agree with the traced decision.
        let untraced = try evaluate(bundle, Self.caseYAML, trace: .none)
        #expect(untraced.rules.first?.status == decision.rules.first?.status)
        #expect(untraced.rules.first?.trace == nil)
    }

    @Test("under --strict a missing path or a type mismatch is an error, and the rule does not match")
    func strictErrors() throws {
        let bundle = try policyBundle(
            rules: """
                  - { id: missing-path, title: M, decision: terminate, when: { path: customer.age, gt: 3 } }
                  - { id: wrong-type, title: W, decision: terminate, when: { path: customer.name, gt: 3 } }
                  - { id: fine, title: F, decision: monitor, when: { path: customer.country, equals: NO } }
                """)
        let decision = try evaluate(bundle, Self.caseYAML, strict: true)
        #expect(decision.status("missing-path") == .error)
        #expect(decision.status("wrong-type") == .error)
        #expect(decision.decision == "monitor")
        #expect(decision.errors.map(\.rule).sorted() == ["missing-path", "type-mismatch"])
        let lenient = try evaluate(bundle, Self.caseYAML)
        #expect(lenient.status("missing-path") == .notMatched)
        #expect(lenient.errors.isEmpty)
    }

    @Test("under --strict a path missing from a list element the trace does not show is an error too, naming the element")
    func strictChecksEveryElement() throws {
        // Only the first request has `tags`; the trace shows that one (no element matches), so the
        // missing `tags` of the other two would otherwise leave the rule quietly unmatched.
        let bundle = try policyBundle(
            rules: """
                  - { id: tagged, title: T, decision: terminate, when: { some: { path: requests, where: { path: tags, contains: escalate } } } }
                  - { id: every-kind, title: K, decision: monitor, when: { every: { path: requests, where: { path: kind, exists: true } } } }
                """)
        let decision = try evaluate(bundle, Self.caseYAML, strict: true)
        #expect(decision.status("tagged") == .error)
        #expect(decision.status("every-kind") == .matched)
        let messages = decision.errors.map(\.message)
        #expect(messages.count == 2)
        #expect(messages.contains { $0.contains("path `tags` of `requests[1]` does not resolve in rule `tagged`") })
        #expect(messages.contains { $0.contains("path `tags` of `requests[2]` does not resolve in rule `tagged`") })
        // Deciding leniently is unchanged: the rule does not match, with no error.
        let lenient = try evaluate(bundle, Self.caseYAML)
        #expect(lenient.status("tagged") == .notMatched)
        #expect(lenient.errors.isEmpty)
    }
}
