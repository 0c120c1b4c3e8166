import GavelSyntax

/// SPEC §2.1: a case's digest is SHA-256 of the document as canonical JSON
/// (keys sorted by UTF-8 bytes at every level, no spaces). Written straight
/// from the located nodes into bytes: the same bytes `Value(root).json
/// .canonical()` gives (a test holds them equal), without the two trees in
/// between. This runs for every case of a batch.
package enum CanonicalJSON {
    package static func bytes(_ root: SourceNode) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(1024)
        write(root, into: &out)
        return out
    }

    static func write(_ node: SourceNode, into out: inout [UInt8]) {
        switch node.content {
        case .scalar(let scalar):
            switch scalar.value {
            case .null: out.append(contentsOf: "null".utf8)
            case .bool(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
            case .int(let i): JSONWriter.appendDecimal(i, to: &out)
            case .float(let d): out.append(contentsOf: JSON.format(d).utf8)
            case .string(let s): JSONWriter.quote(s, into: &out)
            }
        case .sequence(let items):
            out.append(UInt8(ascii: "["))
            for index in items.indices {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                write(items[index], into: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .mapping(let entries):
            out.append(UInt8(ascii: "{"))
            if isSorted(entries) {
                for index in entries.indices { entry(entries[index], first: index == 0, into: &out) }
            } else {
                let order = entries.indices.sorted { precedes(entries[$0].key, entries[$1].key) }
                for (position, index) in order.enumerated() { entry(entries[index], first: position == 0, into: &out) }
            }
            out.append(UInt8(ascii: "}"))
        }
    }

    private static func entry(_ entry: MappingEntry, first: Bool, into out: inout [UInt8]) {
        if !first { out.append(UInt8(ascii: ",")) }
        JSONWriter.quote(entry.key, into: &out)
        out.append(UInt8(ascii: ":"))
        write(entry.value, into: &out)
    }

    private static func isSorted(_ entries: [MappingEntry]) -> Bool {
        for i in entries.indices.dropFirst() where !precedes(entries[i - 1].key, entries[i].key) { return false }
        return true
    }

    private static func precedes(_ a: String, _ b: String) -> Bool {
        var a = a, b = b
        return a.withUTF8 { x in b.withUTF8 { y in x.lexicographicallyPrecedes(y) } }
    }
}
