import GavelSyntax

/// Turns a `when:` node into a `CompiledCondition`, reporting every shape or
/// operand problem with its location (SPEC §1.3).
struct ConditionCompiler {
    /// Lists known to the bundle, for `screen.lists`.
    let listIDs: Set<String>
    let defaultMinScore: Double
    /// The bundle's lists, for the names `skip_names_on` and `only_names_on` read.
    var lists: [String: DesignationList] = [:]
    var diagnostics: [Diagnostic] = []
    /// Each list's plain readings, once `skip_names_on` or `only_names_on` has named it.
    private(set) var spellingsByList: [String: Set<String>] = [:]
    /// `SpellingFilter` numbers by identity: one number per distinct filter in the bundle.
    private(set) var spellingFilterNumbers: [String: Int] = [:]
    /// Root paths by text, numbered in the order first compiled.
    private(set) var slots: [String: Int] = [:]

    static let forms = ConditionForm.allCases.map(\.rawValue)

    mutating func compile(_ node: SourceNode, insideWhere: Bool = false) -> CompiledCondition? {
        guard let entries = node.mappingEntries else {
            error(
                .invalidCondition, "expected a condition (a mapping such as `{ path: ..., equals: ... }`), found \(node.kindDescription)",
                at: node.location)
            return nil
        }
        let keys = entries.map(\.key)
        if keys.contains("path") { return predicate(node, entries, insideWhere: insideWhere) }
        let forms = entries.filter { Self.forms.contains($0.key) }
        for entry in entries where !Self.forms.contains(entry.key) {
            let help = DidYouMean.help(for: entry.key, among: Self.forms + OperatorName.words)
            if OperatorName(rawValue: entry.key) != nil {
                error(.invalidCondition, "operator `\(entry.key)` needs a `path`", at: entry.keyLocation)
            } else {
                error(
                    .unknownField, "unknown condition `\(entry.key)`", at: entry.keyLocation,
                    help: help ?? "a condition is one of all, any, not, a `path` predicate, some, every, count, screen")
            }
        }
        guard forms.count == 1, let form = forms.first else {
            if forms.count > 1 {
                error(
                    .invalidCondition,
                    "a condition has exactly one form; found \(forms.map { "`\($0.key)`" }.joined(separator: " and "))",
                    at: forms[1].keyLocation, help: "wrap several conditions in `all: [...]` or `any: [...]`")
            } else if entries.isEmpty {
                error(.invalidCondition, "empty condition", at: node.location)
            }
            return nil
        }
        switch ConditionForm(rawValue: form.key) {
        case .all?, .any?:
            guard let items = form.value.sequenceItems else {
                error(.invalidCondition, "`\(form.key)` takes a list of conditions, found \(form.value.kindDescription)", at: form.value.location)
                return nil
            }
            if items.isEmpty {
                error(.invalidCondition, "`\(form.key)` needs at least one condition", at: form.value.location)
                return nil
            }
            let compiled = items.map { compile($0, insideWhere: insideWhere) }
            let children = compiled.compactMap { $0 }
            guard children.count == compiled.count else { return nil }
            return form.key == ConditionForm.all.rawValue ? .all(children, form.keyLocation) : .any(children, form.keyLocation)
        case .not?:
            return compile(form.value, insideWhere: insideWhere).map { .not($0, form.keyLocation) }
        case .some?, .every?, .count?:
            return quantifier(form, insideWhere: insideWhere)
        case .screen?:
            return screen(form)
        case .path?, nil:
            // Unreachable: a `path` key takes the predicate branch, and only forms get here.
            return nil
        }
    }

    // MARK: predicates

    private mutating func predicate(_ node: SourceNode, _ entries: [MappingEntry], insideWhere: Bool) -> CompiledCondition? {
        guard let pathEntry = entries.first(where: { $0.key == "path" }),
            let path = casePath(pathEntry.value, insideWhere: insideWhere)
        else { return nil }
        var operators: [MappingEntry] = []
        for entry in entries where entry.key != "path" {
            if OperatorName(rawValue: entry.key) != nil {
                operators.append(entry)
            } else {
                error(
                    .unknownField, "unknown operator `\(entry.key)`", at: entry.keyLocation,
                    help: DidYouMean.help(for: entry.key, among: OperatorName.words)
                        ?? "operators: \(OperatorName.words.joined(separator: ", "))")
            }
        }
        guard operators.count == 1, let opEntry = operators.first else {
            if operators.count > 1 {
                error(
                    .invalidCondition,
                    "a predicate takes exactly one operator; found \(operators.map { "`\($0.key)`" }.joined(separator: " and "))",
                    at: operators[1].keyLocation, help: "combine two tests with `all: [...]`")
            } else if entries.count == 1 {
                error(
                    .invalidCondition, "predicate on `\(path.text)` has no operator", at: node.location,
                    help: "add one of \(OperatorName.words.joined(separator: ", "))")
            }
            return nil
        }
        guard let op = operatorValue(opEntry) else { return nil }
        return .predicate(
            Predicate(
                path: path, op: op, location: opEntry.keyLocation, operandLocation: opEntry.value.location,
                operandLocations: opEntry.value.sequenceItems?.map(\.location) ?? [opEntry.value.location]))
    }

    private mutating func operatorValue(_ entry: MappingEntry) -> PredicateOperator? {
        let node = entry.value
        let name = entry.key
        guard let word = OperatorName(rawValue: name) else { return nil }
        switch word {
        case .equals:
            guard let v = scalarOperand(node, name) else { return nil }
            return .equals(v)
        case .contains:
            guard let v = scalarOperand(node, name) else { return nil }
            return .contains(v)
        case .in, .containsAny, .containsAll:
            guard let items = node.sequenceItems else {
                operandError(name, expected: "a list of values", node, help: "write `\(name): [\(node.scalar?.text ?? "...")]`")
                return nil
            }
            let values = items.compactMap { scalarOperand($0, name) }
            guard values.count == items.count else { return nil }
            return word == .in ? .in(values) : word == .containsAny ? .containsAny(values) : .containsAll(values)
        case .exists:
            guard case .bool(let b)? = node.scalar?.value else {
                operandError(name, expected: "`true` or `false`", node)
                return nil
            }
            return .exists(b)
        case .gt, .gte, .lt, .lte:
            guard let comparison = Comparison(rawValue: name), let bound = bound(node, name) else { return nil }
            return .compare(comparison, bound)
        case .glob, .startsWith, .endsWith:
            guard let text = stringOperand(node, name) else { return nil }
            if word == .glob { return .glob(GlobPattern(text)) }
            return word == .startsWith ? .startsWith(text) : .endsWith(text)
        case .within:
            guard let text = stringOperand(node, name) else { return nil }
            guard let span = Span.parse(text) else {
                error(
                    .invalidDuration, "`within` needs a duration like `30d`, `12h` or `2w`, found `\(text)`",
                    at: node.location, help: "units are h (hours), d (days) and w (weeks)")
                return nil
            }
            return .within(span)
        }
    }

    private mutating func bound(_ node: SourceNode, _ name: String) -> Bound? {
        if let scalar = node.scalar {
            switch scalar.value {
            // Past 2^53 a whole number has no exact double: the bound would silently be another number.
            case .int(let i) where i.magnitude <= 1 << 53: return .number(Double(i))
            // NaN compares false with everything, which the evaluator's order would read as "equal";
            // an infinite bound holds for every number or none. Either is a mistake, never a threshold.
            case .float(let d) where d.isFinite: return .number(d)
            case .string(let s):
                if let instant = Instant.parse(s) { return .date(instant) }
            default: break
            }
        }
        operandError(name, expected: "a finite number or a date", node)
        return nil
    }

    private mutating func scalarOperand(_ node: SourceNode, _ name: String) -> Value? {
        guard node.scalar != nil else {
            operandError(
                name, expected: "a single value", node,
                help: node.sequenceItems != nil ? "to test several values use `in`, `contains_any` or `contains_all`" : nil)
            return nil
        }
        return Value(node)
    }

    private mutating func stringOperand(_ node: SourceNode, _ name: String) -> String? {
        guard let scalar = node.scalar, scalar.value != .null, scalar.value != .bool(true), scalar.value != .bool(false) else {
            operandError(name, expected: "a string", node)
            return nil
        }
        return scalar.text
    }

    private mutating func operandError(_ name: String, expected: String, _ node: SourceNode, help: String? = nil) {
        error(.operatorType, "`\(name)` expects \(expected), found \(node.kindDescription)", at: node.location, help: help)
    }

    // MARK: paths

    mutating func casePath(_ node: SourceNode, insideWhere: Bool) -> CasePath? {
        guard let scalar = node.scalar, case .string(let text) = scalar.value else {
            error(.invalidPath, "`path` must be a dotted field name such as `customer.name`, found \(node.kindDescription)", at: node.location)
            return nil
        }
        var body = Substring(text)
        let fromRoot = body.hasPrefix("$.")
        if fromRoot { body = body.dropFirst(2) }
        let steps = body.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        if steps.contains(where: { $0.isEmpty }) {
            error(.invalidPath, "path `\(text)` has an empty step", at: node.location, help: "write paths like `customer.aliases`")
            return nil
        }
        if let first = steps.first, fromRoot || !insideWhere, CaseRecord.reservedKeys.contains(first) {
            error(
                .invalidPath, "path `\(text)` reaches the reserved case key `\(first)`", at: node.location,
                help: "the keys kind, id, as_of, expect and notes describe the case file, not the case")
            return nil
        }
        var slot: Int?
        if fromRoot || !insideWhere {
            let key = steps.joined(separator: ".")
            slot = slots[key] ?? slots.count
            slots[key] = slot
        }
        return CasePath(text: text, steps: steps, fromRoot: fromRoot, location: node.location, slot: slot)
    }

    // MARK: quantifiers

    private mutating func quantifier(_ form: MappingEntry, insideWhere: Bool) -> CompiledCondition? {
        let name = form.key
        var reader = DocumentReader()
        let allowed = name == ConditionForm.count.rawValue ? ["path", "where", "gt", "gte", "lt", "lte", "equals"] : ["path", "where"]
        defer { diagnostics += reader.diagnostics }
        guard let f = reader.fields(form.value, of: "`\(name)`", allowed: allowed, required: ["path", "where"]),
            let pathNode = f["path"], let whereNode = f["where"],
            let path = casePath(pathNode, insideWhere: insideWhere),
            let condition = compile(whereNode, insideWhere: true)
        else { return nil }
        var kind: Quantifier.Kind = name == ConditionForm.some.rawValue ? .some : .every
        if name == ConditionForm.count.rawValue {
            let comparisons = ["gt", "gte", "lt", "lte", "equals"].filter { f[$0] != nil }
            guard comparisons.count == 1, let key = comparisons.first, let valueNode = f[key],
                let comparison = Comparison(rawValue: key)
            else {
                error(
                    .invalidCondition, "`count` needs exactly one of gt, gte, lt, lte, equals", at: form.keyLocation,
                    help: "for example `count: { path: requests, where: {...}, gte: 2 }`")
                return nil
            }
            guard case .int(let n)? = valueNode.scalar?.value, n >= 0 else {
                operandError(key, expected: "a whole number of elements", valueNode)
                return nil
            }
            kind = .count(comparison, n)
        }
        return .quantifier(Quantifier(kind: kind, path: path, condition: condition, location: form.keyLocation))
    }

    // MARK: screen

    private mutating func screen(_ form: MappingEntry) -> CompiledCondition? {
        var reader = DocumentReader()
        defer { diagnostics += reader.diagnostics }
        guard
            let f = reader.fields(
                form.value, of: "`screen`",
                allowed: [
                    "lists", "names", "identifiers", "min_score", "below", "types", "corroborate", "min_corroboration", "min_length",
                    "max_length", "skip_names_on", "only_names_on",
                ],
                required: ["lists"])
        else { return nil }
        let lists = reader.stringsWithLocations(f, "lists")
        for (id, location) in lists where !listIDs.contains(id) {
            unknownList(id, at: location)
        }
        if lists.isEmpty { error(.invalidCondition, "`screen` needs at least one list", at: form.value.location) }
        let names = (f["names"]?.sequenceItems ?? f["names"].map { [$0] } ?? []).compactMap { casePath($0, insideWhere: false) }
        var identifiers: [(kind: String, paths: [CasePath])] = []
        if let idNode = f["identifiers"] {
            if let entries = idNode.mappingEntries {
                for entry in entries {
                    let items = entry.value.sequenceItems ?? [entry.value]
                    identifiers.append((entry.key, items.compactMap { casePath($0, insideWhere: false) }))
                }
            } else {
                operandError("identifiers", expected: "a mapping of identifier kind to paths", idNode)
            }
        }
        if names.isEmpty && identifiers.isEmpty {
            error(.invalidCondition, "`screen` needs `names` or `identifiers` to look up", at: form.keyLocation)
        }
        let minScore = reader.number(f, "min_score") ?? defaultMinScore
        let below = reader.number(f, "below")
        if !(minScore > 0 && minScore <= 1) {
            error(
                .screenScoreRange, "`min_score` must be in (0, 1], found `\(minScore)`", at: f["min_score"]?.location,
                help: "scores are fractions: `min_score: 0.92`; 1.0 is an exact match")
        }
        // Written so that NaN fails it too: NaN is neither above nor below anything.
        if let below, !(below > minScore && below.isFinite) {
            error(
                .screenScoreRange, "`below` must be a finite number greater than `min_score` (\(minScore)), found `\(below)`",
                at: f["below"]?.location,
                help: "`below` ends a review band above `min_score`, e.g. `min_score: 0.90, below: 1.0`")
        }
        var types: [ListEntry.EntryType]?
        if f["types"] != nil {
            types = reader.stringsWithLocations(f, "types").compactMap { text, location in
                if let t = ListEntry.EntryType(rawValue: text) { return t }
                error(
                    .operatorType, "unknown entry type `\(text)`", at: location,
                    help: DidYouMean.help(for: text, among: ListEntry.EntryType.allCases.map(\.rawValue)))
                return nil
            }
        }
        var spellings = SpellingFilter(
            minLength: letterCount(f, "min_length", help: "for example `min_length: 5`: listed spellings of four letters or fewer (`ISIS`, `TTP`) do not match"),
            maxLength: letterCount(f, "max_length", help: "for example `max_length: 4`: only listed spellings of four letters or fewer match"))
        if let minLength = spellings.minLength, let maxLength = spellings.maxLength, maxLength < minLength {
            error(
                .invalidCondition, "`max_length` (\(maxLength)) is below `min_length` (\(minLength)): the screen could match no name",
                at: f["max_length"]?.location, help: "a screen matches spellings of `min_length` to `max_length` letters")
        }
        if f["skip_names_on"] != nil {
            spellings.skipLists = wordLists(reader.stringsWithLocations(f, "skip_names_on"))
            spellings.skipped = spellings.skipLists.reduce(into: []) { $0.formUnion(spellingsByList[$1] ?? []) }
        }
        if f["only_names_on"] != nil {
            let written = reader.stringsWithLocations(f, "only_names_on")
            spellings.onlyLists = wordLists(written)
            spellings.only = spellings.onlyLists.reduce(into: []) { $0.formUnion(spellingsByList[$1] ?? []) }
            if written.isEmpty, let node = f["only_names_on"] {
                error(
                    .invalidCondition, "`only_names_on` names no list: the screen could match no name", at: node.location,
                    help: "name the bundle's list of ordinary words and names, e.g. `only_names_on: [ordinary-names]`")
            }
        }
        if !spellings.isEmpty {
            let identity = spellings.identity
            spellings.number = spellingFilterNumbers[identity] ?? (spellingFilterNumbers.count + 1)
            spellingFilterNumbers[identity] = spellings.number
        }
        return .screen(
            ScreenSpec(
                lists: lists.map(\.0), names: names, identifiers: identifiers, minScore: minScore, below: below,
                types: types, location: form.keyLocation,
                corroboration: corroboration(f, identifierKinds: identifiers.count), spellings: spellings))
    }

    /// The lists of `skip_names_on` or `only_names_on`, each known to the
    /// bundle, with their plain readings worked out once.
    private mutating func wordLists(_ ids: [(String, SourceLocation)]) -> [String] {
        var known: [String] = []
        for (id, location) in ids {
            guard let list = lists[id] else {
                unknownList(id, at: location)
                continue
            }
            if spellingsByList[id] == nil { spellingsByList[id] = SpellingFilter.spellings(of: list) }
            if !known.contains(id) { known.append(id) }
        }
        return known
    }

    private mutating func unknownList(_ id: String, at location: SourceLocation) {
        error(
            .unknownList, "unknown list `\(id)`", at: location,
            help: DidYouMean.help(for: id, among: listIDs) ?? "lists in this bundle: \(listIDs.sorted().joined(separator: ", "))")
    }

    /// `min_length` or `max_length`: a whole number of letters, 1 to `Screener.Query.maxScalars`.
    private mutating func letterCount(_ f: Fields, _ field: String, help: String) -> Int? {
        guard let node = f[field], node.scalar?.value != .null else { return nil }
        if case .int(let n)? = node.scalar?.value, n >= 1, n <= Screener.Query.maxScalars { return n }
        error(
            .invalidCondition,
            "`\(field)` must be a whole number of letters from 1 to \(Screener.Query.maxScalars), found \(node.kindDescription)",
            at: node.location, help: help)
        return nil
    }

    mutating func error(_ code: DiagnosticCode, _ message: String, at location: SourceLocation?, help: String? = nil) {
        diagnostics.append(.error(code, message, at: location, help: help))
    }
}
