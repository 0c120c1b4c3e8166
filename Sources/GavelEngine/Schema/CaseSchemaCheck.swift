import GavelSyntax

/// Checks one case document against the bundle's schema (SPEC §1.5, "a
/// schema is enforced"): `evaluate` refuses a case with any of these
/// problems, and lint reports the same ones under the same code.
///
/// It works on the located document, not on the read case, so every problem
/// points at the key or value that causes it. Reserved keys (`kind`, `id`,
/// `as_of`, `expect`, `notes`) are the case reader's, not case data.
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
        guard let entries = root.mappingEntries else { return [] }
        var walk = Walk(lookup: lookup, known: known)
        for entry in entries where !CaseRecord.reservedKeys.contains(entry.key) {
            walk.field(entry, path: [])
        }
        for path in lookup.schema.required.sorted() {
            walk.require(path.split(separator: ".").map(String.init), from: 0, in: root, place: root.location)
        }
        return walk.findings.sorted()
    }

    private struct Walk {
        let lookup: SchemaLookup
        let known: [String]
        var findings: [Diagnostic] = []

        // MARK: what is there

        mutating func field(_ entry: MappingEntry, path: [String]) {
            let steps = path + [entry.key]
            let name = steps.joined(separator: ".")
            switch lookup.resolve(steps) {
            case .unknown:
                let parent = path.joined(separator: ".")
                if lookup.schema.open.contains(parent) { return }
                let siblings = lookup.schema.fields.keys.filter {
                    parent.isEmpty ? !$0.contains(".") : $0.hasPrefix(parent + ".") && !$0.dropFirst(parent.count + 1).contains(".")
                }
                report(
                    "field `\(name)` is not declared in the schema", at: entry.keyLocation,
                    help: DidYouMean.help(for: name, among: known)
                        ?? (siblings.isEmpty
                            ? "declare it in the schema"
                            : "declare it in the schema; declared\(parent.isEmpty ? "" : " under `\(parent)`"): \(Self.list(siblings))"))
            case .object:
                // Implicitly an object (a prefix of declared paths): a mapping, or a list of them.
                objectValue(entry.value, path: steps, name: name, listAllowed: true)
            case .declared(let type):
                value(entry.value, type: type, path: steps, name: name)
            }
        }

        mutating func objectValue(_ node: SourceNode, path: [String], name: String, listAllowed: Bool) {
            switch node.content {
            case .mapping(let entries):
                for entry in entries { field(entry, path: path) }
            case .sequence(let items) where listAllowed:
                for item in items { objectValue(item, path: path, name: name, listAllowed: false) }
            case .scalar(let s) where s.value == .null:
                break
            default:
                report("`\(name)` must be a mapping (object), found \(node.kindDescription)", at: node.location)
            }
        }

        mutating func value(_ node: SourceNode, type: FieldType, path: [String], name: String) {
            // Null is absent (SPEC §1.6): only `required` makes that a problem, reported by `require`.
            if let scalar = node.scalar, scalar.value == .null { return }
            switch type {
            case .list(let element):
                guard let items = node.sequenceItems else {
                    report(
                        "`\(name)` must be a list (\(type)), found \(node.kindDescription)", at: node.location,
                        help: node.scalar.map { "write it as a list: `[\($0.text)]`" })
                    return
                }
                for item in items {
                    if item.sequenceItems != nil {
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
                        help: node.sequenceItems != nil ? "declare it as `[\(type)]` if several values are meant" : nil)
                    return
                }
                scalarValue(scalar, node: node, type: type, name: name)
            }
        }

        mutating func scalarValue(_ scalar: Scalar, node: SourceNode, type: FieldType, name: String) {
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
        mutating func require(_ steps: [String], from index: Int, in node: SourceNode, place: SourceLocation) {
            guard let entries = node.mappingEntries else { return }
            let key = steps[index]
            let name = steps.joined(separator: ".")
            guard let entry = entries.first(where: { $0.key == key }), entry.value.scalar?.value != .null else {
                let prefix = steps[0...index].joined(separator: ".")
                // An absent list of objects has no element that could lack the field.
                if index < steps.count - 1, lookup.schema.fields[prefix]?.isList == true { return }
                let expected = Self.expected(lookup.schema.fields[name])
                if let entry = entries.first(where: { $0.key == key }) {
                    report(
                        "required field `\(name)` is null, which counts as missing; \(expected)", at: entry.value.location,
                        help: "give it a value, or correct the schema if the field is not always known")
                } else {
                    let written = entries.map(\.key).filter { $0 != key && !CaseRecord.reservedKeys.contains($0) }
                    report(
                        "required field `\(name)` is missing; \(expected)", at: place,
                        help: DidYouMean.suggestion(for: key, among: written).map { "the case has `\($0)`: did you mean `\(key)`?" })
                }
                return
            }
            guard index < steps.count - 1 else { return }
            switch entry.value.content {
            case .mapping:
                require(steps, from: index + 1, in: entry.value, place: entry.keyLocation)
            case .sequence(let items):
                for item in items { require(steps, from: index + 1, in: item, place: item.location) }
            case .scalar:
                return
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
            findings.append(.error(.caseSchemaMismatch, message, at: location, help: help))
        }
    }
}
