import GavelSyntax

/// Evaluates compiled conditions against one case. `holds` decides; `trace`
/// decides and explains, for the record. Both share `PathResolver`,
/// `PredicateTest` and `count`, so they cannot disagree.
///
/// `exhaustive` is set for conditions holding a `screen`: every screen of such
/// a condition is then evaluated, never skipped by `all`/`any` deciding
/// early, so a rule's matches are the same whatever the trace level.
struct ConditionEvaluator {
    let root: Value
    let asOf: Instant
    let screener: Screener
    /// The rule (or exception) being evaluated, for `matches`.
    var owner: String = ""
    private var matches: [ScreenMatch] = []
    /// Root paths resolved so far for this case, by `CasePath.slot`.
    private var resolved: [Resolved]

    private enum Resolved {
        case unknown, missing
        case value(Value)
    }

    /// Quantifiers decided so far for this case, by `Quantifier.memo`.
    private var decided: [Decided]

    private enum Decided {
        case unknown, holds, fails

        init(_ holds: Bool) { self = holds ? .holds : .fails }

        /// The remembered answer; nil until there is one.
        var known: Bool? {
            switch self {
            case .unknown: return nil
            case .holds: return true
            case .fails: return false
            }
        }
    }

    /// Root-path predicates tested so far for this case, by `Predicate.memo`.
    private var tested: [Decided]

    /// Element predicates tested so far, by list element and
    /// `Predicate.elementMemo`: the elements of the list at path slot `s`
    /// start at `elementMemoStart[s]` (-1 until a quantifier walks it),
    /// `elementPredicates` entries each.
    private var elementTested: [Decided] = []
    private var elementMemoStart: [Int]
    private let elementPredicates: Int

    /// Names prepared and index candidates found by this case's screens so
    /// far; nil until the first screen (most bundles' rules screen nothing).
    private var screening: ScreeningMemo?

    /// `--strict`: a quantifier's trace shows one element, but a path missing
    /// (or of the wrong type) in any other element is as much a fact the case
    /// could not give, and may be what kept the rule from matching. When set,
    /// `trace` also traces every element it does not show and keeps their
    /// problems here, each with the element it is in.
    var checksEveryElement = false
    private var elementProblems: [ElementProblem] = []

    struct ElementProblem {
        let node: ConditionTrace.Node
        /// The element, as `requests[2]`.
        let element: String
    }

    init(
        root: Value, asOf: Instant, screener: Screener, pathSlots: Int, quantifierMemos: Int, predicateMemos: Int = 0,
        elementPredicateMemos: Int = 0
    ) {
        self.root = root
        self.asOf = asOf
        self.screener = screener
        resolved = Array(repeating: .unknown, count: pathSlots)
        decided = Array(repeating: .unknown, count: quantifierMemos)
        tested = Array(repeating: .unknown, count: predicateMemos)
        elementPredicates = elementPredicateMemos
        elementMemoStart = elementPredicateMemos > 0 ? Array(repeating: -1, count: pathSlots) : []
    }

    /// Where the memo of the `count` elements of `path`'s list starts; -1 for
    /// a list that is not read from a path slot (an element's own list),
    /// whose elements have no memo.
    private mutating func elementMemo(for path: CasePath, count: Int) -> Int {
        guard let slot = path.slot, slot < elementMemoStart.count else { return -1 }
        if elementMemoStart[slot] < 0 {
            elementMemoStart[slot] = elementTested.count
            elementTested.append(contentsOf: repeatElement(.unknown, count: count * elementPredicates))
        }
        return elementMemoStart[slot]
    }

    /// What `path` reads, from the root or from `element`; a root path is
    /// resolved once per case, however many rules read it.
    private mutating func resolve(_ path: CasePath, element: Value) -> Value? {
        guard let slot = path.slot, slot < resolved.count else { return PathResolver.resolve(path, root: root, element: element) }
        switch resolved[slot] {
        case .value(let value): return value
        case .missing: return nil
        case .unknown:
            let value = PathResolver.resolve(path, root: root, element: root)
            resolved[slot] = value.map(Resolved.value) ?? .missing
            return value
        }
    }

    /// The problems in elements traces did not show, since the last call (`checksEveryElement`).
    mutating func takeElementProblems() -> [ElementProblem] {
        defer { elementProblems = [] }
        return elementProblems
    }

    /// The screen matches since the last call, without repeats, in a stable order.
    ///
    /// Sorted through their positions, compared field by field, and repeats
    /// dropped within each run of one key: at 1,000,000 names a case has
    /// about a hundred matches, and hashing each whole match into a set, then
    /// sorting the matches themselves by a tuple of five copied strings, was
    /// an eighth of evaluating it. Matches of one key that differ otherwise
    /// keep the order they were found in.
    mutating func takeMatches() -> [ScreenMatch] {
        guard !matches.isEmpty else { return [] }
        let found = matches
        matches = []
        // (Fields read in place: a copied match retains every string it holds.)
        let order = found.indices.sorted { a, b in Self.keyPrecedes(found[a], found[b]) ?? (a < b) }
        var out: [ScreenMatch] = []
        out.reserveCapacity(found.count)
        var runStart = 0
        for position in order {
            let match = found[position]
            if let last = out.last, Self.keyPrecedes(last, match) != nil { runStart = out.count }
            if !out[runStart...].contains(match) { out.append(match) }
        }
        return out
    }

    /// Whether match `a`'s key (list, entry, field, query, name) sorts
    /// before `b`'s; nil when the keys are equal.
    @inline(__always)
    private static func keyPrecedes(_ a: ScreenMatch, _ b: ScreenMatch) -> Bool? {
        if a.list != b.list { return a.list < b.list }
        if a.entry != b.entry { return a.entry < b.entry }
        if a.field != b.field { return a.field < b.field }
        if a.query != b.query { return a.query < b.query }
        if a.name != b.name { return a.name < b.name }
        return nil
    }

    mutating func trace(_ condition: CompiledCondition, exhaustive: Bool) -> ConditionTrace {
        var trace = ConditionTrace(capacity: 16)
        _ = append(condition, element: root, exhaustive: exhaustive, to: &trace)
        return trace
    }

    /// Traces `condition` into `trace`, in preorder, and says whether it holds.
    private mutating func append(
        _ condition: CompiledCondition, element: Value, exhaustive: Bool, to trace: inout ConditionTrace
    ) -> Bool {
        switch condition {
        case .all(let items, _):
            let node = trace.open(condition)
            var result = true
            for item in items where !append(item, element: element, exhaustive: exhaustive, to: &trace) { result = false }
            trace.close(node, result: result)
            return result
        case .any(let items, _):
            let node = trace.open(condition)
            var result = false
            for item in items where append(item, element: element, exhaustive: exhaustive, to: &trace) { result = true }
            trace.close(node, result: result)
            return result
        case .not(let inner, _):
            let node = trace.open(condition)
            let result = !append(inner, element: element, exhaustive: exhaustive, to: &trace)
            trace.close(node, result: result)
            return result
        case .predicate(let p):
            let resolved = resolve(p.path, element: element)
            let outcome = PredicateTest.test(p.op, resolved, asOf: asOf)
            let node = trace.open(condition, actual: resolved ?? .null, note: outcome.note)
            trace.close(node, result: outcome.isTrue)
            return outcome.isTrue
        case .quantifier(let q):
            let counted = count(q, element: element, exhaustive: exhaustive)
            let result = counted.map { quantifierHolds(q, matching: $0.matching, total: $0.total) } ?? false
            let node = trace.open(
                condition, actual: counted == nil ? .null : nil,
                quantified: counted.map { QuantifiedCount(matching: $0.matching, of: $0.total) },
                note: counted == nil ? .missing : nil)
            if let (index, item) = counted?.witness {
                let shown = trace.open(condition, element: index)
                let inner = append(q.condition, element: item, exhaustive: exhaustive, to: &trace)
                trace.close(shown, result: inner)
            }
            trace.close(node, result: result)
            if checksEveryElement { checkUnshownElements(q, element: element, shown: counted?.witness?.0, exhaustive: exhaustive) }
            return result
        case .screen(let spec):
            let found = screen(spec, element: element)
            let result = found.matches.contains(where: \.counted)
            let node = trace.open(
                condition, actual: .list(found.queries.map { .string($0.text) }), note: found.queries.isEmpty ? .missing : nil)
            trace.close(node, result: result)
            return result
        }
    }

    /// Traces each element of `q`'s list but the one shown, for its problems alone.
    private mutating func checkUnshownElements(_ q: Quantifier, element: Value, shown: Int?, exhaustive: Bool) {
        guard let resolved = resolve(q.path, element: element) else { return }
        let items: [Value]
        if case .list(let list) = resolved { items = list } else { items = [resolved] }
        for index in items.indices where index != shown {
            var unshown = ConditionTrace()
            _ = append(q.condition, element: items[index], exhaustive: exhaustive, to: &unshown)
            for node in unshown.problems {
                elementProblems.append(ElementProblem(node: node, element: "\(q.path.text)[\(index)]"))
            }
        }
    }

    /// Same truth value as `trace(...).result` for the condition `program`
    /// was made from, without building the trace.
    ///
    /// `memo` is where `element`'s per-element memo starts, when it is an
    /// element of a list read from a path slot; -1 otherwise.
    mutating func holds(_ program: ConditionProgram, element: Value, exhaustive: Bool, memo elementMemo: Int = -1) -> Bool {
        program.nodes.withUnsafeBufferPointer { nodes in
            holds(nodes, 0, program, element: element, exhaustive: exhaustive, memo: elementMemo)
        }
    }

    /// The node at `index` of `nodes` (which are `program`'s).
    private mutating func holds(
        _ nodes: UnsafeBufferPointer<ConditionProgram.Node>, _ index: Int, _ program: ConditionProgram, element: Value,
        exhaustive: Bool, memo elementMemo: Int
    ) -> Bool {
        let node = nodes[index]
        switch node.kind {
        case .all:
            var result = true
            var child = index + 1
            while child < Int(node.end) {
                if !holds(nodes, child, program, element: element, exhaustive: exhaustive, memo: elementMemo) {
                    result = false
                    if !exhaustive { break }
                }
                child = Int(nodes[child].end)
            }
            return result
        case .any:
            var result = false
            var child = index + 1
            while child < Int(node.end) {
                if holds(nodes, child, program, element: element, exhaustive: exhaustive, memo: elementMemo) {
                    result = true
                    if !exhaustive { break }
                }
                child = Int(nodes[child].end)
            }
            return result
        case .not:
            return !holds(nodes, index + 1, program, element: element, exhaustive: exhaustive, memo: elementMemo)
        case .predicate:
            // The program keeps the predicate alive: read without a reference count of its own.
            return program.unmanagedPredicates[Int(node.item)]._withUnsafeGuaranteedRef { p in
                predicateHolds(p, element: element, memo: elementMemo)
            }
        case .quantifier:
            return program.unmanagedQuantifiers[Int(node.item)]._withUnsafeGuaranteedRef { q in
                guard let memo = q.memo, memo < decided.count else { return quantifierHolds(q, element: element, exhaustive: exhaustive) }
                if let known = decided[memo].known { return known }
                let result = quantifierHolds(q, element: element, exhaustive: exhaustive)
                decided[memo] = Decided(result)
                return result
            }
        case .screen:
            return screen(program.screens[Int(node.item)], element: element).matches.contains(where: \.counted)
        }
    }

    /// `p` for `element`, from this case's memo (per element or per root path) when it has one.
    private mutating func predicateHolds(_ p: Predicate, element: Value, memo elementMemo: Int) -> Bool {
        if elementMemo >= 0, let number = p.elementMemo {
            if let known = elementTested[elementMemo + number].known { return known }
            let result = test(p, element: element)
            elementTested[elementMemo + number] = Decided(result)
            return result
        }
        if let memo = p.memo, memo < tested.count {
            if let known = tested[memo].known { return known }
            let result = test(p, element: element)
            tested[memo] = Decided(result)
            return result
        }
        return test(p, element: element)
    }

    private mutating func test(_ p: Predicate, element: Value) -> Bool {
        // Resolved before the test, so the operator is read in place for the call alone.
        let value = resolve(p.path, element: element)
        return p.test(value, asOf: asOf)
    }

    /// How many list elements satisfy `where`, out of how many, and the
    /// element the trail shows: the first that satisfies `where` (the first
    /// that fails, for `every`), else the first. One pass, so each element is
    /// evaluated once. nil when the path is missing.
    private mutating func count(
        _ q: Quantifier, element: Value, exhaustive: Bool
    ) -> (matching: Int, total: Int, witness: (Int, Value)?)? {
        guard let resolved = resolve(q.path, element: element) else { return nil }
        let items: [Value]
        if case .list(let list) = resolved { items = list } else { items = [resolved] }
        let wanted: Bool
        if case .every = q.kind { wanted = false } else { wanted = true }
        var matching = 0
        var witness: (Int, Value)?
        let memo = elementMemo(for: q.path, count: items.count)
        for (index, item) in items.enumerated() {
            let holds = holds(q.program, element: item, exhaustive: exhaustive, memo: memo < 0 ? -1 : memo + index * elementPredicates)
            if holds { matching += 1 }
            if witness == nil, holds == wanted { witness = (index, item) }
        }
        return (matching, items.count, witness ?? items.first.map { (0, $0) })
    }

    /// Same truth value as `count` then `quantifierHolds(_:matching:total:)`,
    /// without the witness, and stopping at the element that settles the
    /// outcome (unless `exhaustive`, where every screen must run): later
    /// elements cannot change it, and evaluating them has no other effect.
    private mutating func quantifierHolds(_ q: Quantifier, element: Value, exhaustive: Bool) -> Bool {
        guard let resolved = resolve(q.path, element: element) else { return false }
        guard case .list(let items) = resolved else {
            let holds = holds(q.program, element: resolved, exhaustive: exhaustive, memo: elementMemo(for: q.path, count: 1))
            return quantifierHolds(q, matching: holds ? 1 : 0, total: 1)
        }
        var matching = 0
        let memo = elementMemo(for: q.path, count: items.count)
        for index in items.indices {
            if holds(q.program, element: items[index], exhaustive: exhaustive, memo: memo < 0 ? -1 : memo + index * elementPredicates) {
                matching += 1
            }
            guard !exhaustive else { continue }
            let seen = index + 1
            switch q.kind {
            case .some: if matching > 0 { return true }
            case .every: if matching < seen { return false }
            case .count(let comparison, let n):
                // The final count lies in matching...matching + (items.count - seen).
                switch comparison {
                case .gt: if matching > n { return true }
                case .gte: if matching >= n { return true }
                case .lt: if matching >= n { return false }
                case .lte, .equals: if matching > n { return false }
                }
            }
        }
        return quantifierHolds(q, matching: matching, total: items.count)
    }

    private func quantifierHolds(_ q: Quantifier, matching: Int, total: Int) -> Bool {
        switch q.kind {
        case .some: return matching > 0
        case .every: return matching == total
        case .count(let comparison, let n): return comparison.holds(matching < n ? -1 : matching > n ? 1 : 0)
        }
    }

    private mutating func screen(_ spec: ScreenSpec, element: Value) -> (matches: [ScreenMatch], queries: [Screener.Query]) {
        var names: [Screener.Query] = []
        for path in spec.names {
            for text in strings(at: path, element: element) { names.append(.init(text: text, field: path.text)) }
        }
        var identifiers: [(kind: String, query: Screener.Query)] = []
        for (kind, paths) in spec.identifiers {
            for path in paths {
                for text in strings(at: path, element: element) {
                    identifiers.append((kind, .init(text: text, field: path.text)))
                }
            }
        }
        let corroborating = spec.corroboration?.kinds.map { kind in
            kind.paths.flatMap { path in details(at: path, element: element) }
        } ?? []
        // Taken out while in use, so that it is the only copy and is changed in place.
        var memo = screening.take() ?? ScreeningMemo()
        let found = screener.screen(
            names: names, identifiers: identifiers, spec: spec, asOf: asOf, rule: owner, corroborating: corroborating,
            memo: &memo)
        screening = memo
        matches.append(contentsOf: found)
        return (found, names + identifiers.map(\.query))
    }

    /// Identifying details as text: strings, and whole numbers as written
    /// in decimal (a year of birth, an unquoted registration number).
    private mutating func details(at path: CasePath, element: Value) -> [String] {
        func text(_ value: Value) -> String? {
            switch value {
            case .string(let s): return s
            case .int(let i): return String(i)
            default: return nil
            }
        }
        switch resolve(path, element: element) {
        case .list(let items)?: return items.compactMap(text)
        case let value?: return text(value).map { [$0] } ?? []
        case nil: return []
        }
    }

    private mutating func strings(at path: CasePath, element: Value) -> [String] {
        switch resolve(path, element: element) {
        case .string(let s)?: return [s]
        case .list(let items)?: return items.compactMap(\.stringValue)
        default: return []
        }
    }
}
