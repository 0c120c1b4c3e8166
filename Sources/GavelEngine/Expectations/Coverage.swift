import GavelSyntax

/// What a set of cases exercised in a bundle (`gavel test --coverage`, like
/// `opa test --coverage`): per rule and exception, how many cases it matched
/// (was applied to), and per condition node, how often it was reached and
/// came out true and false. A branch that never held, or never failed, is a
/// part of the policy no case checks.
///
/// Built from full traces, so it counts what the evaluator itself reported;
/// inside a quantifier the trace keeps one element (the witness), so an inner
/// node counts the witness's outcome once per case.
package struct Coverage: Sendable {
    package enum Kind: String, Sendable { case rule, exception }

    package struct Branch: Sendable {
        /// The node as a reader finds it in the policy: `any`, `site.domain equals`, `count requests`.
        package var text: String
        package var location: SourceLocation
        package var held = 0
        package var failed = 0
        package var reached: Bool { held + failed > 0 }
    }

    package struct Item: Sendable {
        package var kind: Kind
        package var id: String
        package var location: SourceLocation
        /// Rules: cases whose condition held (matched or suspended). Exceptions: cases it applied to.
        package var cases = 0
        package var branches: [Branch]
        package var uncovered: [Branch] { branches.filter { $0.held == 0 || $0.failed == 0 } }
    }

    package private(set) var items: [Item]
    package private(set) var cases = 0
    private var itemIndex: [String: Int] = [:]
    private var branchIndex: [[SourceLocation: Int]]

    package init(bundle: CompiledBundle) {
        var items: [Item] = []
        var branchIndex: [[SourceLocation: Int]] = []
        func add(_ kind: Kind, _ id: String, _ condition: CompiledCondition, _ location: SourceLocation) {
            var branches: [Branch] = []
            var index: [SourceLocation: Int] = [:]
            Self.collect(condition) { text, location in
                guard index[location] == nil else { return }
                index[location] = branches.count
                branches.append(Branch(text: text, location: location))
            }
            items.append(Item(kind: kind, id: id, location: location, branches: branches))
            branchIndex.append(index)
        }
        for rule in bundle.rules { add(.rule, rule.id, rule.condition, rule.condition.location) }
        for exception in bundle.exceptions { add(.exception, exception.id, exception.condition, exception.location) }
        self.items = items
        self.branchIndex = branchIndex
        for (i, item) in items.enumerated() { itemIndex["\(item.kind.rawValue):\(item.id)"] = i }
    }

    /// Counts one decision, which must carry full traces.
    package mutating func record(_ decision: Decision) {
        cases += 1
        for outcome in decision.rules {
            guard let i = itemIndex["rule:\(outcome.rule.id)"] else { continue }
            if outcome.status == .matched || outcome.status == .suspended { items[i].cases += 1 }
            if let trace = outcome.trace { count(trace, item: i) }
        }
        for outcome in decision.exceptions {
            guard let i = itemIndex["exception:\(outcome.exception.id)"] else { continue }
            if outcome.status == .applied { items[i].cases += 1 }
            if let trace = outcome.trace { count(trace, item: i) }
        }
    }

    private mutating func count(_ trace: ConditionTrace, item: Int) {
        // An `element` node stands for the quantifier's inner condition at the same place: count the inner node once.
        for node in trace.nodes where node.element == nil {
            guard let b = branchIndex[item][node.location] else { continue }
            if node.result { items[item].branches[b].held += 1 } else { items[item].branches[b].failed += 1 }
        }
    }

    private static func collect(_ condition: CompiledCondition, _ visit: (String, SourceLocation) -> Void) {
        switch condition {
        case .all(let items, let location):
            visit("all", location)
            for item in items { collect(item, visit) }
        case .any(let items, let location):
            visit("any", location)
            for item in items { collect(item, visit) }
        case .not(let inner, let location):
            visit("not", location)
            collect(inner, visit)
        case .predicate(let p):
            visit("\(p.path.text) \(p.op.name.rawValue)", p.location)
        case .quantifier(let q):
            visit("\(q.form.rawValue) \(q.path.text)", q.location)
            collect(q.condition, visit)
        case .screen(let spec):
            visit("screen \(spec.pathsText)", spec.location)
        }
    }
}
