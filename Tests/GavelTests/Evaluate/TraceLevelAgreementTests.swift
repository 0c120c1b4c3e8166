import Foundation
import Testing

@testable import GavelEngine
@testable import GavelSyntax

/// The decision-only mode and the tracing modes are one evaluator; this holds
/// them to it on every shipped case and on thousands of generated ones.
@Suite("Trace levels agree")
struct TraceLevelAgreementTests {
    static let names = [
        "Hamas", "HAMAS", "Hammas", "Islamic Resistance Movement", "Hezbollah", "Hizballah", "al-Shabaab", "Taliban",
        "Вагнер", "Wagner Group", "Hassan Ali", "Acme Bakery", "Jane Doe", "Al-Aqsa TV", "Muhammad Ali", "RT",
    ]
    static let kinds = ["abuse_report", "court_order", "law_enforcement", "sanctions_notice", "legal_demand"]
    static let countries = ["US", "DE", "IT", "FR", "GB", "RU", "PS", "IR"]
    static let categories = ["news", "research", "hate_speech", "terrorism_propaganda", "phishing", "malware"]

    /// A bundle of every condition form, screens placed where `all`/`any`
    /// could decide before reaching them, and exceptions: small enough for
    /// thousands of cases in a debug build, which the shipped lists are not.
    static let generatedBundle: [String: String] = [
        "bundle.yaml": "kind: Bundle\nid: agreement\n",
        "lists/names.yaml": """
            kind: List
            id: names
            source: generated for the trace level agreement test
            as_of: 2020-01-01
            entries:
              - { id: n1, name: HAMAS, aliases: [Islamic Resistance Movement], listed: 1997-10-08 }
              - { id: n2, name: Hizballah, aliases: [Hezbollah], listed: 1997-10-08 }
              - { id: n3, name: Wagner Group, aliases: [PMC Wagner], listed: 2023-01-26 }
              - { id: n4, name: Hassan Ali, type: individual, attributes: { country: [PS], birth_date: [1962] } }
              - { id: n5, name: Al-Aqsa TV, identifiers: { domain: [aqsatv.ps] } }
            """,
        "policy.yaml": """
            kind: Policy
            id: agreement
            rules:
              - id: designated
                title: Designated
                decision: terminate
                when: { all: [{ path: facts.flag, equals: true }, { screen: { lists: [names], names: [customer.name, customer.aliases], identifiers: { domain: [site.domain] }, min_score: 1.0 } }] }
              - id: corroborated
                title: Corroborated, beside a fact that can decide first
                decision: terminate
                when: { any: [{ path: facts.flag, equals: true }, { screen: { lists: [names], names: [customer.name, customer.aliases], min_score: 1.0, corroborate: { country: [customer.country] }, min_corroboration: 1 } }] }
              - id: near-match
                title: Near match
                decision: escalate
                when: { any: [{ path: customer.country, equals: US }, { screen: { lists: [names], names: [customer.name], min_score: 0.85, below: 1.0 } }] }
              - id: orders
                title: Orders
                decision: geo_block
                scope: { jurisdictions: [DE] }
                when: { count: { path: requests, where: { all: [{ path: kind, equals: court_order }, { path: binding, equals: true }] }, gte: 1 } }
              - id: every-pending
                title: Every pending
                decision: monitor
                when: { every: { path: requests, where: { not: { path: kind, in: [legal_demand] } } } }
              - id: recent
                title: Recent
                decision: restrict
                obligations: [preserve_evidence]
                when: { some: { path: requests, where: { all: [{ path: received, within: 400d }, { path: $.site.categories, contains_any: [phishing, malware] }] } } }
              - id: screened-in-where
                title: Screened in where
                decision: suspend
                when: { some: { path: requests, where: { any: [{ path: kind, equals: sanctions_notice }, { screen: { lists: [names], names: [$.customer.name], min_score: 0.9 } }] } } }
              - id: old-rule
                title: Old
                decision: terminate
                expires: 2015-01-01
                when: { path: customer.country, in: [RU, IR] }
            exceptions:
              - id: research
                title: Research
                suspends: [recent, near-match]
                when: { path: site.categories, contains: research }
            """,
    ]

    /// A case for `generatedBundle`, drawn from `random`.
    static func generated(_ index: Int, _ random: inout MutatedInputTests.Random) -> String {
        func pick(_ values: [String]) -> String { values[random.below(values.count)] }
        func date() -> String { String(format: "20%02d-%02d-%02d", 10 + random.below(15), 1 + random.below(12), 1 + random.below(28)) }
        var yaml = "kind: Case\nid: generated-\(index)\nas_of: \(date())\n"
        yaml += "customer: { name: \"\(pick(names))\", country: \(pick(countries))"
        if random.below(3) == 0 { yaml += ", aliases: [\"\(pick(names))\"]" }
        yaml += " }\n"
        yaml += "site: { domain: \(random.below(10) == 0 ? "aqsatv.ps" : "site\(index).example"), categories: [\(pick(categories)), \(pick(categories))] }\n"
        let requests = random.below(4)
        if requests > 0 {
            yaml += "requests:\n"
            for _ in 0..<requests {
                yaml += "  - { kind: \(pick(kinds)), received: \(date()), binding: \(random.below(2) == 0) }\n"
            }
        }
        yaml += "facts: { flag: \(random.below(3) == 0) }\n"
        return yaml
    }

    static func agree(_ record: CaseRecord, _ evaluator: Evaluator) -> [String] {
        let levels = TraceLevel.allCases.map {
            evaluator.evaluate(record, options: .init(fallbackAsOf: ShippedBundle.fallbackAsOf, trace: $0))
        }
        var problems: [String] = []
        for d in levels.dropFirst() {
            let first = levels[0]
            if d.decision != first.decision { problems.append("\(record.id): decision \(first.decision) vs \(d.decision)") }
            if d.determinedBy != first.determinedBy { problems.append("\(record.id): determined_by differs at \(d.traceLevel)") }
            if d.obligations != first.obligations { problems.append("\(record.id): obligations differ at \(d.traceLevel)") }
            if d.matches != first.matches { problems.append("\(record.id): matches differ at \(d.traceLevel)") }
            if d.rules.map(\.status) != first.rules.map(\.status) { problems.append("\(record.id): statuses differ at \(d.traceLevel)") }
        }
        // A kept trace explains the status it is kept for.
        for d in levels {
            for outcome in d.rules {
                guard let trace = outcome.trace else { continue }
                let holds = outcome.status == .matched || outcome.status == .suspended
                if trace.result != holds { problems.append("\(record.id): the trace of \(outcome.rule.id) says \(trace.result)") }
            }
        }
        return problems
    }

    @Test("every shipped case is decided the same at every trace level")
    func shippedCases() throws {
        let evaluator = Evaluator(bundle: try ShippedBundle.get())
        var count = 0
        for file in ShippedBundle.caseFiles {
            for record in try ShippedBundle.cases(in: file) {
                count += 1
                let problems = Self.agree(record, evaluator)
                #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
            }
        }
        #expect(count >= 25)
    }

    @Test("5,000 generated cases are decided the same at every trace level")
    func generatedCases() throws {
        let bundle = try TemporaryBundle(Self.generatedBundle)
        let evaluator = Evaluator(bundle: try bundle.compile().get())
        var random = MutatedInputTests.Random(state: 2017_08_30)
        var decisions: Set<String> = []
        var problems: [String] = []
        for index in 0..<5_000 {
            let record = try caseRecord(Self.generated(index, &random))
            problems += Self.agree(record, evaluator)
            decisions.insert(evaluator.evaluate(record, options: .init(fallbackAsOf: ShippedBundle.fallbackAsOf, trace: .none)).decision)
        }
        #expect(problems.isEmpty, "\(problems.prefix(20).joined(separator: "\n"))")
        // The generator must reach the ladder's ends, or agreement proves little.
        #expect(
            decisions.isSuperset(of: ["no_action", "monitor", "escalate", "restrict", "geo_block", "suspend", "terminate"]),
            "decisions reached: \(decisions.sorted())")
    }
}
