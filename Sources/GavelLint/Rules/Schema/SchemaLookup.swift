import GavelSyntax
import GavelEngine

/// What the schema says about a path (SPEC §1.5): declared keys are dotted
/// paths written without list indices, and a prefix of a declared path is an
/// object even when not declared itself.
struct SchemaLookup {
    enum Resolution: Equatable {
        case declared(FieldType)
        /// Not declared, but a prefix of a declared path.
        case object
        case unknown
    }

    /// The type of the values a path yields, and whether it yields a list.
    struct Shape {
        /// The type of one value (a list's element type), nil for an undeclared object.
        var element: FieldType?
        var isList: Bool
        var description: String
    }

    let schema: CaseSchema
    private let prefixes: Set<String>

    init(_ schema: CaseSchema) {
        self.schema = schema
        var prefixes = Set<String>()
        for key in schema.fields.keys {
            var steps = key.split(separator: ".", omittingEmptySubsequences: false)
            while steps.count > 1 {
                steps.removeLast()
                prefixes.insert(steps.joined(separator: "."))
            }
        }
        self.prefixes = prefixes
    }

    func resolve(_ steps: [String]) -> Resolution {
        let key = steps.joined(separator: ".")
        if let type = schema.fields[key] { return .declared(type) }
        return prefixes.contains(key) ? .object : .unknown
    }

    /// Whether a step between the element at `base` steps and the path's last
    /// step passes through a declared list: the path then projects (SPEC §1.3).
    func projects(_ steps: [String], from base: Int) -> Bool {
        guard steps.count > base + 1 else { return false }
        for end in (base + 1)..<steps.count {
            if case .list? = schema.fields[steps[0..<end].joined(separator: ".")] { return true }
        }
        return false
    }

    /// nil when the path is not in the schema.
    func shape(_ steps: [String], base: Int) -> Shape? {
        let through = projects(steps, from: base)
        switch resolve(steps) {
        case .unknown: return nil
        case .object: return Shape(element: nil, isList: through, description: through ? "[object]" : "object")
        case .declared(let type):
            if case .list(let element) = type { return Shape(element: element, isList: true, description: "\(type)") }
            return Shape(element: type, isList: through, description: through ? "[\(type)] (through a list)" : "\(type)")
        }
    }

    /// A declared path close to `text`, written relative to `base` when the path was.
    func suggestion(for steps: [String], written path: CasePath, base: [String]) -> String? {
        let candidates = schema.fields.keys
        guard let match = DidYouMean.suggestion(for: steps.joined(separator: "."), among: candidates) else { return nil }
        if path.fromRoot { return "$." + match }
        let prefix = base.joined(separator: ".") + "."
        if !base.isEmpty {
            guard match.hasPrefix(prefix) else { return "$." + match }
            return String(match.dropFirst(prefix.count))
        }
        return match
    }

    /// The declared fields beside the unknown one: those directly under the
    /// deepest part of `steps` the schema knows (the top-level names when it
    /// knows none), so the help names the few the author was choosing from.
    func declaredNear(_ steps: [String]) -> String {
        let paths = schema.fields.keys.map { $0.split(separator: ".").map(String.init) }
        var depth = steps.count - 1
        while depth > 0, !paths.contains(where: { $0.count > depth && Array($0.prefix(depth)) == Array(steps.prefix(depth)) }) {
            depth -= 1
        }
        let parent = Array(steps.prefix(max(0, depth)))
        let children = Set(paths.filter { $0.count > parent.count && Array($0.prefix(parent.count)) == parent }
            .map { $0.prefix(parent.count + 1).joined(separator: ".") })
        let place = parent.isEmpty ? "at the top level" : "under `\(parent.joined(separator: "."))`"
        return "declared \(place): " + children.sorted().map { "`\($0)`" }.joined(separator: ", ")
    }
}

extension FieldType {
    /// The element type of a list, else the type itself.
    var element: FieldType {
        if case .list(let e) = self { return e }
        return self
    }

    /// Whether an `equals`/`in`/`contains*` operand can ever equal a value of this
    /// (scalar) type. Enum membership is checked separately (`value-not-in-enum`).
    func admits(_ value: Value) -> Bool {
        switch (self, value) {
        case (_, .null): return true
        case (.string, .string): return true
        case (.int, .int), (.number, .int), (.number, .double): return true
        case (.int, .double(let d)): return d == d.rounded()
        case (.bool, .bool): return true
        case (.date, .string(let s)): return Instant.parse(s) != nil
        case (.enumeration, .string), (.enumeration, .int), (.enumeration, .double): return true
        case (.list(let e), _): return e.admits(value)
        default: return false
        }
    }

    var isEnumeration: Bool {
        if case .enumeration = self { return true }
        return false
    }
}

extension Value {
    /// Like `SourceNode.kindDescription`: "the string `x`", "the integer `5`".
    var kindDescription: String {
        switch self {
        case .null: return "null"
        case .bool(let b): return "the boolean `\(b)`"
        case .int(let i): return "the integer `\(i)`"
        case .double(let d): return "the number `\(d)`"
        case .string(let s): return "the string `\(s)`"
        case .list: return "a list"
        case .map: return "a mapping"
        }
    }
}

/// How enum findings name the allowed values: in the message when there are
/// few, in the help when there are many, so the message stays one short line.
enum EnumValues {
    static let shownInMessage = 8

    static func expected(_ values: [String]) -> String {
        values.count <= shownInMessage
            ? "expected one of \(list(values))" : "expected one of the \(values.count) values the schema declares"
    }

    /// Did-you-mean, else the full list when the message did not give it, else `fallback`.
    static func help(for text: String, among values: [String], fallback: String? = nil) -> String? {
        if let suggestion = DidYouMean.help(for: text, among: values) { return suggestion }
        if values.count > shownInMessage { return "declared values: \(list(values))" + (fallback.map { "; \($0)" } ?? "") }
        return fallback
    }

    static func list(_ values: [String]) -> String { values.map { "`\($0)`" }.joined(separator: ", ") }
}
