import GavelSyntax

/// What the schema says about a path (SPEC §1.5): declared keys are dotted
/// paths written without list indices, and a prefix of a declared path is an
/// object even when not declared itself. One lookup for compiling policies,
/// checking cases and lint's semantics rules.
package struct SchemaLookup: Sendable {
    package enum Resolution: Equatable, Sendable {
        case declared(FieldType)
        /// Not declared, but a prefix of a declared path.
        case object
        case unknown
    }

    /// The type of the values a path yields, and whether it yields a list.
    package struct Shape: Sendable {
        /// The type of one value (a list's element type), nil for an undeclared object.
        package var element: FieldType?
        package var isList: Bool
        package var description: String
    }

    package let schema: CaseSchema
    private let prefixes: Set<String>

    package init(_ schema: CaseSchema) {
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

    /// Every object the schema knows: declared `object`/`[object]` fields and prefixes of declared paths.
    package var objects: [String] {
        let declared = schema.fields.filter { $0.value == .object || $0.value == .list(.object) }.keys
        return prefixes.union(declared).sorted()
    }

    package func resolve(_ steps: [String]) -> Resolution {
        let key = steps.joined(separator: ".")
        if let type = schema.fields[key] { return .declared(type) }
        return prefixes.contains(key) ? .object : .unknown
    }

    /// Whether a step between the element at `base` steps and the path's last
    /// step passes through a declared list: the path then projects (SPEC §1.3).
    package func projects(_ steps: [String], from base: Int) -> Bool {
        guard steps.count > base + 1 else { return false }
        for end in (base + 1)..<steps.count {
            if case .list? = schema.fields[steps[0..<end].joined(separator: ".")] { return true }
        }
        return false
    }

    /// nil when the path is not in the schema.
    package func shape(_ steps: [String], base: Int) -> Shape? {
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
    package func suggestion(for steps: [String], written path: CasePath, base: [String]) -> String? {
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
    package func declaredNear(_ steps: [String]) -> String {
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
