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
        switch node.content {
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

    private static func entry(_ entry: MappingEntry, first: Bool, into out: inout ByteBuffer) {
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
