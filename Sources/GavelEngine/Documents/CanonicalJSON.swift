import GavelSyntax

/// SPEC §2.1: a case's digest is SHA-256 of the document as canonical JSON
/// (keys sorted by UTF-8 bytes at every level, no spaces). Written straight
/// from the located nodes into bytes: the same bytes `Value(root).json
/// .canonical()` gives (a test holds them equal), without the two trees in
/// between. This runs for every case of a batch.
package enum CanonicalJSON {
    package static func bytes(_ root: SourceNode) -> [UInt8] {
        var out = ByteBuffer(capacity: 1024)
        write(root, into: &out)
        return out.array
    }

    /// The case digest, `sha256:<hex>` of the canonical bytes, without keeping them.
    package static func digest(_ root: SourceNode) -> String {
        var out = ByteBuffer(capacity: 1024)
        write(root, into: &out)
        return out.withUnsafeBytes { Digest.sha256(raw: $0) }
    }

    static func write(_ node: SourceNode, into out: inout ByteBuffer) {
        write(node.content, into: &out)
    }

    /// The walk passes each child's content: taking `.content` of a node it
    /// was handed copied the whole node, its location's file name included,
    /// for every node of every case (0.7 % of a bench case's instructions).
    private static func write(_ content: SourceNode.Content, into out: inout ByteBuffer) {
        switch content {
        case .scalar(let scalar):
            switch scalar.value {
            case .null: out.append("null")
            case .bool(let b): out.append(b ? "true" as StaticString : "false")
            case .int(let i): JSONWriter.appendDecimal(i, to: &out)
            case .float(let d): out.append(JSON.format(d))
            case .string(let s): JSONWriter.quote(s, into: &out)
            }
        case .sequence(let items):
            out.append(UInt8(ascii: "["))
            for index in items.indices {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                write(items[index].content, into: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .mapping(let entries):
            out.append(UInt8(ascii: "{"))
            // Entries are read in place by index: a mapping entry copied out costs several reference counts.
            if isSorted(entries) {
                for index in entries.indices { entry(entries, index, first: index == 0, into: &out) }
            } else {
                // Keys are unique, so any sort gives this order; insertion sort suits a case's few keys.
                var order = Array(entries.indices)
                for i in order.indices.dropFirst() {
                    let moving = order[i]
                    var j = i
                    while j > 0, precedes(entries[moving].key, entries[order[j - 1]].key) {
                        order[j] = order[j - 1]
                        j -= 1
                    }
                    order[j] = moving
                }
                for position in order.indices { entry(entries, order[position], first: position == 0, into: &out) }
            }
            out.append(UInt8(ascii: "}"))
        }
    }

    private static func entry(_ entries: [MappingEntry], _ index: Int, first: Bool, into out: inout ByteBuffer) {
        if !first { out.append(UInt8(ascii: ",")) }
        JSONWriter.quote(entries[index].key, into: &out)
        out.append(UInt8(ascii: ":"))
        write(entries[index].value.content, into: &out)
    }

    private static func isSorted(_ entries: [MappingEntry]) -> Bool {
        for i in entries.indices.dropFirst() where !precedes(entries[i - 1].key, entries[i].key) { return false }
        return true
    }

    private static func precedes(_ a: String, _ b: String) -> Bool {
        a.withUTF8Bytes { x in b.withUTF8Bytes { y in x.lexicographicallyPrecedes(y) } }
    }
}
