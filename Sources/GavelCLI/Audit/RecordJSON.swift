import GavelSyntax

/// A stored record (one line of JSON) read as a tree, in written order, by
/// the JSON Lines reader that reads cases: the record is what the log
/// holds, so reading it needs no second JSON parser.
struct RecordJSON {
    let root: SourceNode

    init?(_ bytes: [UInt8]) {
        guard let node = try? bytes.withUnsafeBufferPointer({ JSONLines.document($0, file: "record", lineNumber: 0, limits: .default) }).get()
        else { return nil }
        root = node
    }

    /// The node at a dotted path of object keys.
    func node(_ path: String) -> SourceNode? {
        var node = root
        for key in path.split(separator: ".") {
            guard let next = node.mappingEntries?.first(where: { $0.key == key })?.value else { return nil }
            node = next
        }
        return node
    }

    func string(_ path: String) -> String? { node(path).flatMap(Self.string) }

    func strings(_ path: String) -> [String] { node(path)?.sequenceItems?.compactMap(Self.string) ?? [] }

    static func string(_ node: SourceNode) -> String? {
        if case .string(let s) = node.scalar?.value { return s }
        return nil
    }

    static func field(_ node: SourceNode, _ key: String) -> SourceNode? { node.mappingEntries?.first { $0.key == key }?.value }

    /// Every leaf as (path, value as JSON text), in document order; an empty
    /// list or object is a leaf of its own.
    func leaves() -> [(path: String, value: String)] {
        var out: [(String, String)] = []
        func walk(_ node: SourceNode, _ path: String) {
            switch node.content {
            case .scalar(let scalar):
                if case .string(let s) = scalar.value {
                    out.append((path, JSON.string(s).compact()))
                } else {
                    out.append((path, scalar.text))
                }
            case .sequence(let items):
                if items.isEmpty { out.append((path, "[]")) }
                for (i, item) in items.enumerated() { walk(item, "\(path)[\(i)]") }
            case .mapping(let entries):
                if entries.isEmpty { out.append((path, "{}")) }
                for entry in entries { walk(entry.value, path.isEmpty ? entry.key : "\(path).\(entry.key)") }
            }
        }
        walk(root, "")
        return out
    }
}
