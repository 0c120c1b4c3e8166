import Testing

@testable import GavelCLI
@testable import GavelEngine
@testable import GavelLint
@testable import GavelSyntax

/// SPEC §2, step by step.
@Suite("Evaluation steps (SPEC §2)")
struct EvaluationStepTests {
    static let rules = """
          - id: old-order
            title: Revoked order
            basis: [EO 12947]
            expires: 2019-09-09
            decision: terminate
            obligations: [preserve_evidence]
            when: { path: customer.name, equals: Hamas }
          - id: designated
            title: Designated
            basis: [EO 13224]
            effective: 2001-09-23
            mandatory: true
            decision: terminate
            obligations: [preserve_evidence, notify_legal]
            reason: "{customer.name} is designated"
            when: { path: customer.name, equals: Hamas }
          - id: propaganda
            title: Propaganda
            decision: suspend
            obligations: [notify_legal]
            when: { path: site.categories, contains: terrorism_propaganda }
          - id: review
            title: Review
            decision: escalate
            obligations: [human_review]
            when: { path: site.categories, contains: terrorism_propaganda }
          - id: block-de
            title: German order
            decision: geo_block
            scope: { jurisdictions: [DE], services: [cdn] }
            when: { path: orders, contains: DE }
          - id: block-it
            title: Italian order
            decision: geo_block
            scope: { jurisdictions: [IT] }
            when: { path: orders, contains: IT }
          - id: not-this
            title: Never here
            decision: restrict
            when: { path: customer.name, equals: Nobody }
        """
    static let exceptions = """
          - id: journalism
            title: Journalism
            suspends: [propaganda, not-this]
            when: { path: site.categories, contains: journalism }
          - id: future-exception
            title: Not yet in force
            effective: 2030-01-01
            suspends: [review]
            when: { path: site.categories, contains: journalism }
        """

    func bundle() throws -> CompiledBundle { try policyBundle(rules: Self.rules, exceptions: Self.exceptions) }

    @Test("step 3: rules outside their effective/expires window are not_in_force; expires is exclusive")
    func inForce() throws {
        let b = try bundle()
        let before = try evaluate(b, "kind: Case\nid: c\ncustomer: { name: Hamas }", asOf: "2019-09-08")
        #expect(before.status("old-order") == .matched)
        let on = try evaluate(b, "kind: Case\nid: c\ncustomer: { name: Hamas }", asOf: "2019-09-09")
        #expect(on.status("old-order") == .notInForce)
        #expect(on.status("designated") == .matched)
        let early = try evaluate(b, "kind: Case\nid: c\ncustomer: { name: Hamas }", asOf: "2001-09-22")
        #expect(early.status("designated") == .notInForce)
        #expect(early.status("old-order") == .matched)
        #expect(on.rules.first { $0.rule.id == "old-order" }?.trace == nil)
    }

    @Test("step 4: an applied exception suspends only the named rules that matched")
    func exceptions() throws {
        let d = try evaluate(
            try bundle(),
            "kind: Case\nid: c\ncustomer: { name: Hamas }\nsite: { categories: [terrorism_propaganda, journalism] }")
        #expect(d.status("propaganda") == .suspended)
        #expect(d.rules.first { $0.rule.id == "propaganda" }?.suspendedBy == "journalism")
        #expect(d.status("designated") == .matched)
        #expect(d.status("not-this") == .notMatched)
        #expect(d.status("review") == .matched)
        let applied = try #require(d.exceptions.first { $0.exception.id == "journalism" })
        #expect(applied.status == .applied)
        #expect(applied.suspended == ["propaganda"])
        #expect(d.exceptions.first { $0.exception.id == "future-exception" }?.status == .notInForce)
    }

    @Test("step 5: the most severe matched, unsuspended rules decide; ties all determine")
    func mostSevere() throws {
        let d = try evaluate(try bundle(), "kind: Case\nid: c\nsite: { categories: [terrorism_propaganda] }")
        #expect(d.decision == "suspend")
        #expect(d.determinedBy == ["propaganda"])
        let suspended = try evaluate(try bundle(), "kind: Case\nid: c\nsite: { categories: [terrorism_propaganda, journalism] }")
        #expect(suspended.decision == "escalate")
        #expect(suspended.determinedBy == ["review"])
        let tie = try evaluate(try bundle(), "kind: Case\nid: c\ncustomer: { name: Hamas }", asOf: "2010-01-01")
        #expect(tie.determinedBy == ["designated", "old-order"])
    }

    @Test("step 5: with no rule, the bundle default decides")
    func defaultDecision() throws {
        let d = try evaluate(try bundle(), "kind: Case\nid: c\ncustomer: { name: Someone }")
        #expect(d.decision == "no_action")
        #expect(d.determinedBy.isEmpty)
        #expect(d.defaultReason != nil)
        #expect(d.obligations.isEmpty)
    }

    @Test("step 6: obligations come from every matched, unsuspended rule, one entry per (obligation, rule)")
    func obligations() throws {
        let d = try evaluate(
            try bundle(), "kind: Case\nid: c\ncustomer: { name: Hamas }\nsite: { categories: [terrorism_propaganda] }",
            asOf: "2024-01-01")
        #expect(
            d.obligations == [
                Obligation(name: "preserve_evidence", source: .rule("designated")), Obligation(name: "notify_legal", source: .rule("designated")),
                Obligation(name: "notify_legal", source: .rule("propaganda")), Obligation(name: "human_review", source: .rule("review")),
            ])
        let reason = d.rules.first { $0.rule.id == "designated" }?.reason
        #expect(reason == "Hamas is designated")
    }

    @Test("scope is the union over determining rules; an unrestricted part stays empty")
    func scope() throws {
        let both = try evaluate(try bundle(), "kind: Case\nid: c\norders: [DE, IT]")
        #expect(both.decision == "geo_block")
        #expect(both.determinedBy == ["block-de", "block-it"])
        #expect(both.scope.jurisdictions == ["DE", "IT"])
        #expect(both.scope.services.isEmpty)
        let de = try evaluate(try bundle(), "kind: Case\nid: c\norders: [DE]")
        #expect(de.scope.services == ["cdn"])
    }

    @Test("step 2: the case's as_of wins over the fallback date, which is recorded otherwise")
    func asOf() throws {
        let d = try evaluate(try bundle(), "kind: Case\nid: c\nas_of: 2018-01-01\ncustomer: { name: Hamas }", asOf: "2024-01-01")
        #expect(d.asOf.description == "2018-01-01")
        #expect(d.status("old-order") == .matched)
        let fallback = try evaluate(try bundle(), "kind: Case\nid: c", asOf: "2020-02-02")
        #expect(fallback.asOf.description == "2020-02-02")
    }

    @Test("step 7: rules appear in id order whatever the file order")
    func order() throws {
        let d = try evaluate(try bundle(), "kind: Case\nid: c")
        let ids = d.rules.map(\.rule.id)
        #expect(ids == ids.sorted())
    }
}
