import GavelSyntax

/// Checks one case document against the bundle's schema (SPEC §1.5, "a
/// schema is enforced"): `evaluate` refuses a case with any of these
/// problems, and lint reports the same ones under the same code.
///
/// It works on the located document, not on the read case, so every problem
/// points at the key or value that causes it. Reserved keys (`kind`, `id`,
/// `as_of`, `expect`, `notes`) are the case reader's, not case data. The same
/// walk also runs over a document's bare values (`fits`), for a batch that
/// reads a line into values alone and locates its problems only when it has some.
///
/// Not fitting means:
/// - a field the schema does not declare, at the top level or below any
///   object, unless its parent object is named in `open:`. Only the named
///   object's own undeclared fields are allowed: a declared object inside it
///   (`facts.executive_override`) stays closed unless named too, so a typo in
///   a field a rule reads is never waved through;
/// - a value of the wrong type, outside its enum, a date that is not a real
///   date (`2024-02-30`), a single value where a list is declared or the reverse;
/// - a `required: true` field that is absent or `null`. Through a list of
///   objects, every element that exists must have it (an absent or empty
///   list has no elements to lack it). Through an absent object it is
///   missing: a required `customer.type` is missing when `customer` is,
///   since the rules cannot decide without it either way.
package struct CaseSchemaCheck: Sendable {
    private let lookup: SchemaLookup
    /// Every declared path and every prefix of one, for did-you-mean.
    private let known: [String]

    package init(_ schema: CaseSchema) {
        lookup = SchemaLookup(schema)
        var known = Set(schema.fields.keys)
        for key in schema.fields.keys {
            var steps = key.split(separator: ".")
            while steps.count > 1 {
                steps.removeLast()
                known.insert(steps.joined(separator: "."))
            }
        }
        self.known = known.sorted()
    }

    /// Every problem with the case document at `root`, in document order;
    /// empty when it fits. A root that is not a mapping is the case reader's
    /// to report.
    package func problems(in root: SourceNode) -> [Diagnostic] {
        let walk = walk(root)
        var findings = walk.findings.sorted()
        if walk.unreported > 0 {
            findings.append(
                .error(
                    .caseSchemaMismatch, "\(walk.unreported) more field\(walk.unreported == 1 ? "" : "s") of this case do not fit the schema",
                    at: root.location, help: "the first \(Self.mostReported) are shown; fix those and check again"))
        }
        return findings
    }

    /// Findings shown per case: a case with 300,000 undeclared keys printed
    /// 600,000 lines and took 20 s working out a did-you-mean for each.
    static let mostReported = 100

    /// Whether the document whose values these are fits: exactly when
    /// `problems(in:)` of its node finds none, provided each scalar's text is
    /// the one its value prints as (as `JSONFastPath.value` guarantees).
    package func fits(_ document: Value) -> Bool {
        walk(document).findings.isEmpty
    }

    private func walk<Tree: CheckedTree>(_ root: Tree) -> Walk<Tree> {
        var walk = Walk<Tree>(lookup: lookup, known: known)
        guard root.isMapping else { return walk }
        for index in 0..<root.entryCount where !CaseRecord.reservedKeys.contains(root.key(index)) {
            walk.field(root, index, path: [])
        }
        for path in lookup.schema.required.sorted() {
            walk.require(path.split(separator: ".").map(String.init), from: 0, in: root, place: root.location)
        }
        return walk
    }

    private struct Walk<Tree: CheckedTree> {
        let lookup: SchemaLookup
        let known: [String]
        var findings: [Diagnostic] = []
        /// Findings past `mostReported`, counted and not worded.
        var unreported = 0

        // MARK: what is there

        /// The entry at `index` of `mapping`.
        mutating func field(_ mapping: Tree, _ index: Int, path: [String]) {
            let key = mapping.key(index)
            let steps = path + [key]
            let name = steps.joined(separator: ".")
            let resolved = lookup.resolve(steps)
            // A rule's path splits at dots, so `"facts.csam_confirmed": true` is a key no rule reads; taken
            // for the declared field it spells, it passed the schema and a mandatory rule decided nothing.
            if key.contains("."), resolved != .unknown {
                let nested = key.split(separator: ".", omittingEmptySubsequences: false)
                report(
                    "field `\(name)` is one key with a dot in it, which no rule can read (paths split at dots)",
                    at: mapping.keyLocation(index),
                    help: "nest it: `\(nested.dropLast().map { "\($0): { " }.joined())\(nested.last ?? ""): …\(String(repeating: " }", count: nested.count - 1))`")
                return
            }
            switch resolved {
            case .unknown:
                let parent = path.joined(separator: ".")
                if lookup.schema.open.contains(parent) { return }
                // Past the cap, counted before the did-you-mean below is worked out for nothing.
                guard findings.count < CaseSchemaCheck.mostReported else {
                    unreported += 1
                    return
                }
                let siblings = lookup.schema.fields.keys.filter {
                    parent.isEmpty ? !$0.contains(".") : $0.hasPrefix(parent + ".") && !$0.dropFirst(parent.count + 1).contains(".")
                }
                report(
                    "field `\(name)` is not declared in the schema", at: mapping.keyLocation(index),
                    help: DidYouMean.help(for: name, among: known)
                        ?? (siblings.isEmpty
                            ? "declare it in the schema"
                            : "declare it in the schema; declared\(parent.isEmpty ? "" : " under `\(parent)`"): \(Self.list(siblings))"))
            case .object:
                // Implicitly an object (a prefix of declared paths): a mapping, or a list of them.
                objectValue(mapping.value(index), path: steps, name: name, listAllowed: true)
            case .declared(let type):
                value(mapping.value(index), type: type, path: steps, name: name)
            }
        }

        mutating func objectValue(_ node: Tree, path: [String], name: String, listAllowed: Bool) {
            if node.isMapping {
                for index in 0..<node.entryCount { field(node, index, path: path) }
            } else if listAllowed, node.isSequence {
                for index in 0..<node.itemCount { objectValue(node.item(index), path: path, name: name, listAllowed: false) }
            } else if node.isNull {
                return
            } else {
                report("`\(name)` must be a mapping (object), found \(node.kindDescription)", at: node.location)
            }
        }

        mutating func value(_ node: Tree, type: FieldType, path: [String], name: String) {
            // Null is absent (SPEC §1.6): only `required` makes that a problem, reported by `require`.
            if node.isNull { return }
            switch type {
            case .list(let element):
                guard node.isSequence else {
                    report(
                        "`\(name)` must be a list (\(type)), found \(node.kindDescription)", at: node.location,
                        help: node.scalar.map { "write it as a list: `[\($0.text)]`" })
                    return
                }
                for index in 0..<node.itemCount {
                    let item = node.item(index)
                    if item.isSequence {
                        report("`\(name)` must be a list of \(element), found a nested list", at: item.location)
                    } else {
                        value(item, type: element, path: path, name: name)
                    }
                }
            case .object:
                objectValue(node, path: path, name: name, listAllowed: false)
            default:
                guard let scalar = node.scalar else {
                    report(
                        "`\(name)` must be a single \(type), found \(node.kindDescription)", at: node.location,
                        help: node.isSequence ? "declare it as `[\(type)]` if several values are meant" : nil)
                    return
                }
                scalarValue(scalar, node: node, type: type, name: name)
            }
        }

        mutating func scalarValue(_ scalar: Scalar, node: Tree, type: FieldType, name: String) {
            switch (type, scalar.value) {
            case (.string, .string), (.int, .int), (.number, .int), (.number, .float), (.bool, .bool): return
            case (.date, .string(let s)) where Instant.parse(s) != nil: return
            case (.date, _):
                report(
                    "`\(name)` must be a date (YYYY-MM-DD or RFC 3339), found \(node.kindDescription)", at: node.location,
                    help: Self.impossibleDay(scalar.text).map { "`\($0)` is written like a date, but there is no such day" }
                        ?? "write dates like `2019-09-09` or `2019-09-09T12:00:00Z`")
            case (.enumeration(let values), .string), (.enumeration(let values), .int), (.enumeration(let values), .float):
                guard !values.contains(scalar.text) else { return }
                report(
                    "`\(scalar.text)` is not a value of `\(name)`; \(EnumValues.expected(values))",
                    at: node.location, help: EnumValues.help(for: scalar.text, among: values))
            default:
                var help: String?
                if case .string = scalar.value, scalar.isQuoted, type == .int || type == .number || type == .bool {
                    help = "remove the quotes if the \(type) value was meant"
                } else if type == .bool, ["yes", "no", "on", "off", "y", "n"].contains(scalar.text.lowercased()) {
                    help = "YAML 1.2 reads `\(scalar.text)` as a string; write `true` or `false`"
                } else if type == .string {
                    help = "quote it: `\"\(scalar.text)\"`"
                }
                report("`\(name)` must be \(Self.article(type)) \(type), found \(node.kindDescription)", at: node.location, help: help)
            }
        }

        // MARK: what must be there

        /// Looks for `steps[index...]` in the mapping `node`; `place` is where
        /// an absent field is reported (the mapping's key, a list element, the
        /// case itself). Values of the wrong shape on the way are reported by
        /// the walk above and not followed.
        mutating func require(_ steps: [String], from index: Int, in node: Tree, place: SourceLocation) {
            guard node.isMapping else { return }
            let key = steps[index]
            let name = steps.joined(separator: ".")
            let position = (0..<node.entryCount).first { node.key($0) == key }
            guard let position, !node.value(position).isNull else {
                let prefix = steps[0...index].joined(separator: ".")
                // An absent list of objects has no element that could lack the field.
                if index < steps.count - 1, lookup.schema.fields[prefix]?.isList == true { return }
                let expected = Self.expected(lookup.schema.fields[name])
                if let position {
                    report(
                        "required field `\(name)` is null, which counts as missing; \(expected)", at: node.value(position).location,
                        help: "give it a value, or correct the schema if the field is not always known")
                } else {
                    let written = (0..<node.entryCount).map { node.key($0) }.filter { $0 != key && !CaseRecord.reservedKeys.contains($0) }
                    report(
                        "required field `\(name)` is missing; \(expected)", at: place,
                        help: DidYouMean.suggestion(for: key, among: written).map { "the case has `\($0)`: did you mean `\(key)`?" })
                }
                return
            }
            guard index < steps.count - 1 else { return }
            let value = node.value(position)
            if value.isMapping {
                require(steps, from: index + 1, in: value, place: node.keyLocation(position))
            } else if value.isSequence {
                for item in 0..<value.itemCount {
                    require(steps, from: index + 1, in: value.item(item), place: value.item(item).location)
                }
            }
        }

        // MARK: wording

        static func expected(_ type: FieldType?) -> String {
            switch type {
            case .enumeration(let values)?: return EnumValues.expected(values)
            case .list?: return "expected a list (\(type.map { "\($0)" } ?? ""))"
            case let type?: return "expected \(article(type)) \(type)"
            case nil: return "expected a value"
            }
        }

        /// `2024-02-30` (alone or starting a timestamp): written as a date, so
        /// the day itself is what is wrong, and the help should say so.
        static func impossibleDay(_ text: String) -> String? {
            let day = String(text.prefix(10))
            let bytes = Array(day.utf8)
            guard bytes.count == 10, Instant.parse(day) == nil,
                bytes.enumerated().allSatisfy({ i, b in i == 4 || i == 7 ? b == UInt8(ascii: "-") : (48...57).contains(b) })
            else { return nil }
            return day
        }

        static func article(_ type: FieldType) -> String { type == .int || type == .object ? "an" : "a" }

        static func list(_ names: some Sequence<String>) -> String {
            names.sorted().map { "`\($0)`" }.joined(separator: ", ")
        }

        mutating func report(_ message: String, at location: SourceLocation, help: String? = nil) {
            guard findings.count < CaseSchemaCheck.mostReported else {
                unreported += 1
                return
            }
            findings.append(.error(.caseSchemaMismatch, message, at: location, help: help))
        }
    }
}

/// What the schema walk reads of a document: its located nodes, or its bare
/// values (which have no places; their problems are located by the nodes).
private protocol CheckedTree {
    var isMapping: Bool { get }
    var isSequence: Bool { get }
    var isNull: Bool { get }
    var entryCount: Int { get }
    func key(_ index: Int) -> String
    func keyLocation(_ index: Int) -> SourceLocation
    func value(_ index: Int) -> Self
    var itemCount: Int { get }
    func item(_ index: Int) -> Self
    /// A scalar as written; nil for a mapping or a list.
    var scalar: Scalar? { get }
    var location: SourceLocation { get }
    var kindDescription: String { get }
}

extension SourceNode: CheckedTree {
    fileprivate var isMapping: Bool { mappingEntries != nil }
    fileprivate var isSequence: Bool { sequenceItems != nil }
    fileprivate var isNull: Bool { scalar?.value == .null }
    fileprivate var entryCount: Int { mappingEntries?.count ?? 0 }
    fileprivate func key(_ index: Int) -> String { mappingEntries?[index].key ?? "" }
    fileprivate func keyLocation(_ index: Int) -> SourceLocation { mappingEntries?[index].keyLocation ?? location }
    fileprivate func value(_ index: Int) -> SourceNode { mappingEntries?[index].value ?? self }
    fileprivate var itemCount: Int { sequenceItems?.count ?? 0 }
    fileprivate func item(_ index: Int) -> SourceNode { sequenceItems?[index] ?? self }
}

extension Value: CheckedTree {
    private static let nowhere = SourceLocation(file: "", line: 0, column: 0)

    fileprivate var isMapping: Bool {
        if case .map = self { return true }
        return false
    }

    fileprivate var isSequence: Bool {
        if case .list = self { return true }
        return false
    }

    fileprivate var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    fileprivate var entryCount: Int {
        if case .map(let map) = self { return map.count }
        return 0
    }

    fileprivate func key(_ index: Int) -> String {
        if case .map(let map) = self { return map.keys[index] }
        return ""
    }

    fileprivate func keyLocation(_ index: Int) -> SourceLocation { Self.nowhere }

    fileprivate func value(_ index: Int) -> Value {
        if case .map(let map) = self { return map.values[index] }
        return self
    }

    fileprivate var itemCount: Int {
        if case .list(let items) = self { return items.count }
        return 0
    }

    fileprivate func item(_ index: Int) -> Value {
        if case .list(let items) = self { return items[index] }
        return self
    }

    /// JSON's scalars as the fast path reads them: strings quoted, the rest
    /// plain, each with the text its value prints as.
    fileprivate var scalar: Scalar? {
        switch self {
        case .null: return Scalar(text: "null", style: .plain, value: .null)
        case .bool(let b): return Scalar(text: b ? "true" : "false", style: .plain, value: .bool(b))
        case .int(let i): return Scalar(text: String(i), style: .plain, value: .int(i))
        case .double(let d): return Scalar(text: JSON.format(d), style: .plain, value: .float(d))
        case .string(let s): return Scalar(text: s, style: .doubleQuoted, value: .string(s))
        case .list, .map: return nil
        }
    }

    fileprivate var location: SourceLocation { Self.nowhere }
}
