import Foundation
import Testing

@testable import GavelEngine
@testable import GavelSyntax

/// SPEC §1.1 and §2 step 8: obligations owed because of the decision reached.
@Suite("follow_up obligations")
struct FollowUpTests {
    static let files = [
        "bundle.yaml": """
            kind: Bundle
            id: b
            follow_up:
              - id: statement-of-reasons
                obligation: statement_of_reasons
                decision_at_least: restrict
                when: { path: customer.country, in: [DE, FR] }
                basis: ["Regulation (EU) 2022/2065 (DSA) Art. 17"]
                effective: 2024-02-17
              - id: notify-board
                obligation: notify_board
                decision_at_least: terminate
            """,
        "policy.yaml": """
            kind: Policy
            id: p
            rules:
              - { id: terminate-it, title: T, decision: terminate, obligations: [preserve_evidence], when: { path: flags, contains: terminate } }
              - { id: restrict-it, title: R, decision: restrict, when: { path: flags, contains: restrict } }
              - { id: escalate-it, title: E, decision: escalate, when: { path: flags, contains: escalate } }
            """,
    ]

    func decide(_ flags: String, country: String, asOf: String = "2024-06-01", trace: TraceLevel = .decisive) throws -> Decision {
        let bundle = try TemporaryBundle(Self.files)
        return try evaluate(try bundle.compile().get(), "kind: Case\nid: c\ncustomer: { country: \(country) }\nflags: [\(flags)]\n", asOf: asOf, trace: trace)
    }

    @Test("owed at or above its rung when its condition holds, after the rules' own obligations")
    func owed() throws {
        let terminated = try decide("terminate, restrict", country: "DE")
        #expect(terminated.obligations.map(\.name) == ["preserve_evidence", "statement_of_reasons", "notify_board"])
        #expect(terminated.obligations.map(\.owedBy) == ["terminate-it", "statement-of-reasons", "notify-board"])
        let restricted = try decide("restrict", country: "FR")
        #expect(restricted.obligations.map(\.name) == ["statement_of_reasons"])
    }

    @Test("not owed below its rung, when its condition fails, or outside its window")
    func notOwed() throws {
        #expect(try decide("escalate", country: "DE").obligations.isEmpty)
        #expect(try decide("restrict", country: "US").obligations.isEmpty)
        #expect(try decide("restrict", country: "DE", asOf: "2023-06-01").obligations.isEmpty)
    }

    @Test("the record names the follow-up and its basis in place of a rule; the trail shows the basis")
    func recorded() throws {
        let bundle = try TemporaryBundle(Self.files)
        let compiled = try bundle.compile().get()
        let decision = try decide("restrict", country: "DE")
        let text = DecisionRecord.text(decision, bundle: compiled, pretty: false)
        #expect(text.contains(#""obligations":[{"name":"statement_of_reasons","follow_up":"statement-of-reasons","basis":["Regulation (EU) 2022/2065 (DSA) Art. 17"]}]"#))
        let trail = AuditTrailRenderer.render(decision, bundle: compiled)
        #expect(trail.contains("  statement_of_reasons  (from follow-up statement-of-reasons)\n      basis: Regulation (EU) 2022/2065 (DSA) Art. 17\n"))
    }

    @Test("the same at every trace level", arguments: TraceLevel.allCases)
    func levels(_ level: TraceLevel) throws {
        #expect(try decide("restrict", country: "DE", trace: level).obligations.map(\.name) == ["statement_of_reasons"])
    }

    @Test("a follow-up with a rung not on the ladder, or a duplicate id, is refused with its location")
    func badFollowUp() throws {
        var files = Self.files
        files["bundle.yaml"] = """
            kind: Bundle
            id: b
            follow_up:
              - { id: terminate-it, obligation: x, decision_at_least: restrct }
            """
        let problems = try TemporaryBundle(files).problems()
        #expect(problems.contains { $0.hasPrefix("bundle.yaml:4:5: error[duplicate-id] follow-up id `terminate-it` is already used") })
        #expect(problems.contains { $0.hasPrefix("bundle.yaml:4:59: error[unknown-decision] `decision_at_least: restrct`") && $0.contains("did you mean `restrict`?") })
    }
}
