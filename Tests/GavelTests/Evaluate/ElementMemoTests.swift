import Testing

@testable import GavelEngine

/// Deciding remembers, per element of a per-case quantifier's list, how each
/// `where` predicate came out (quantifiers over the same list share it), and
/// walks conditions laid out as programs. These are the shapes where a memo
/// keyed wrongly would answer for the wrong element or the wrong list: every
/// rule's status is checked by hand, at the decision-only level (the
/// program and the memo) and at the full level (the traced tree walk).
@Suite("Per-element memo and condition programs")
struct ElementMemoTests {
    static let caseYAML = """
        kind: Case
        id: memo-test
        as_of: 2024-03-31
        customer: { name: Example Hosting, country: DE, kind: court_order }
        requests:
          - { kind: court_order, jurisdiction: DE, binding: true, items: [{ kind: abuse_report }, { kind: court_order }] }
          - { kind: abuse_report, jurisdiction: FR, binding: false, items: [{ kind: abuse_report }] }
          - { kind: court_order, jurisdiction: FR, binding: false }
        notices:
          - { kind: abuse_report, binding: true }
        """

    /// Rule id → whether it matches this case, worked out by hand.
    static let rules: [(id: String, when: String, matches: Bool)] = [
        // Same list, same test, different counts: two court orders, not three.
        ("orders-gte-2", "{ count: { path: requests, where: { path: kind, equals: court_order }, gte: 2 } }", true),
        ("orders-gte-3", "{ count: { path: requests, where: { path: kind, equals: court_order }, gte: 3 } }", false),
        ("orders-eq-2", "{ count: { path: requests, where: { path: kind, equals: court_order }, equals: 2 } }", true),
        // The same test inside a different combination: only the first request is a binding court order.
        ("binding-orders", "{ count: { path: requests, where: { all: [{ path: kind, equals: court_order }, { path: binding, equals: true }] }, equals: 1 } }", true),
        ("unbound-orders", "{ count: { path: requests, where: { all: [{ path: kind, equals: court_order }, { not: { path: binding, equals: true } }] }, equals: 1 } }", true),
        ("every-order-binding", "{ every: { path: requests, where: { any: [{ not: { path: kind, equals: court_order } }, { path: binding, equals: true }] } } }", false),
        // Another list with the same paths and operators: its elements are its own.
        ("notice-binding", "{ some: { path: notices, where: { all: [{ path: kind, equals: abuse_report }, { path: binding, equals: true }] } } }", true),
        ("request-abuse-binding", "{ some: { path: requests, where: { all: [{ path: kind, equals: abuse_report }, { path: binding, equals: true }] } } }", false),
        // A nested list whose elements have a `kind` too: the inner test is not the outer one's.
        ("nested-order", "{ count: { path: requests, where: { some: { path: items, where: { path: kind, equals: court_order } } }, equals: 1 } }", true),
        ("nested-abuse", "{ count: { path: requests, where: { some: { path: items, where: { path: kind, equals: abuse_report } } }, equals: 2 } }", true),
        // A `$.` path inside `where` reads the root, the same for every element.
        ("root-inside-where", "{ count: { path: requests, where: { all: [{ path: kind, equals: court_order }, { path: $.customer.country, equals: DE }] }, equals: 2 } }", true),
        ("root-kind-inside-where", "{ count: { path: requests, where: { path: $.customer.kind, equals: court_order }, equals: 3 } }", true),
        ("jurisdiction-fr", "{ count: { path: requests, where: { path: jurisdiction, equals: FR }, equals: 2 } }", true),
        ("order-in-fr", "{ some: { path: requests, where: { all: [{ path: kind, in: [court_order, legal_demand] }, { path: jurisdiction, equals: FR }] } } }", true),
    ]

    static let bundleRules = rules.map { "  - { id: \($0.id), title: T, decision: monitor, when: \($0.when) }" }.joined(separator: "\n")

    @Test("every rule comes out as worked out by hand, deciding alone and traced", arguments: [TraceLevel.none, .decisive, .full])
    func statuses(_ level: TraceLevel) throws {
        let bundle = try policyBundle(rules: Self.bundleRules)
        #expect(bundle.elementPredicateMemos > 0, "the bundle's where predicates are numbered for the memo")
        let decision = try evaluate(bundle, Self.caseYAML, trace: level)
        for rule in Self.rules {
            #expect(decision.status(rule.id) == (rule.matches ? .matched : .notMatched), "rule \(rule.id) at \(level)")
        }
    }

    @Test("each rule alone comes out the same as beside the others (no memo carried from one rule to another's answer)")
    func alone() throws {
        for rule in Self.rules {
            let bundle = try policyBundle(rules: "  - { id: \(rule.id), title: T, decision: monitor, when: \(rule.when) }")
            let decision = try evaluate(bundle, Self.caseYAML, trace: .none)
            #expect(decision.status(rule.id) == (rule.matches ? .matched : .notMatched), "rule \(rule.id) alone")
        }
    }

    @Test("a program holds its condition's nodes in preorder, each ending where its subtree ends")
    func programLayout() throws {
        let bundle = try policyBundle(
            rules: "  - { id: r, title: T, decision: monitor, when: { any: [{ all: [{ path: a, equals: 1 }, { not: { path: b, exists: true } }] }, { path: c, equals: 2 }] } }")
        let program = try #require(bundle.rules.first?.program)
        #expect(program.nodes.map(\.kind) == [.any, .all, .predicate, .not, .predicate, .predicate])
        #expect(program.nodes.map(\.end) == [6, 5, 3, 5, 5, 6])
        #expect(program.unmanagedPredicates.count == 3)
    }
}
