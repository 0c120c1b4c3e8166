import GavelSyntax

/// SPEC §2.1: a case's digest is SHA-256 of the document as canonical JSON
/// (keys sorted by UTF-8 bytes at every level, no spaces). Written straight
/// from the document's values into bytes: the same bytes
/// `value.json.canonical()` gives (a test holds them equal), without the
/// tree in between. This runs for every case of a batch.
package enum CanonicalJSON {
    package static func bytes(_ root: Value) -> [UInt8] {
        var out = ByteBuffer(capacity: 1024)
        write(root, into: &out)
        return out.array
    }

    /// The case digest, `sha256:<hex>` of the canonical bytes, without keeping them.
    package static func digest(_ root: Value) -> String {
        var out = ByteBuffer(capacity: 1024)
        write(root, into: &out)
        return out.withUnsafeBytes { Digest.sha256(raw: $0) }
    }

    private static func write(_ value: Value, into out: inout ByteBuffer) {
        switch value {
        case .null: out.append("null")
        case .bool(let b): out.append(b ? "true" as StaticString : "false")
        case .int(let i): JSONWriter.appendDecimal(i, to: &out)
        case .double(let d): out.append(JSON.format(d))
        case .string(let s): JSONWriter.quote(s, into: &out)
        case .list(let items):
            out.append(UInt8(ascii: "["))
            for index in items.indices {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                write(items[index], into: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .map(let map):
            out.append(UInt8(ascii: "{"))
            let keys = map.keys
            // The order is worked out in a buffer on the stack: a case's
            // mappings are small, and an array of indices per mapping was an
            // allocation per mapping of every case. Keys are unique, so any
            // sort gives this order; insertion sort suits a few keys, and
            // costs one comparison per key on keys already in order.
            withUnsafeTemporaryAllocation(of: Int.self, capacity: keys.count) { order in
                for i in keys.indices {
                    var j = i
                    while j > 0, precedes(keys[i], keys[order[j - 1]]) {
                        order[j] = order[j - 1]
                        j -= 1
                    }
                    order[j] = i
                }
                for position in keys.indices { entry(map, order[position], first: position == 0, into: &out) }
            }
            out.append(UInt8(ascii: "}"))
        }
    }

    private static func entry(_ map: ValueMap, _ index: Int, first: Bool, into out: inout ByteBuffer) {
        if !first { out.append(UInt8(ascii: ",")) }
        JSONWriter.quote(map.keys[index], into: &out)
        out.append(UInt8(ascii: ":"))
        write(map.values[index], into: &out)
    }

    private static func precedes(_ a: String, _ b: String) -> Bool {
        a.withUTF8Bytes { x in b.withUTF8Bytes { y in x.lexicographicallyPrecedes(y) } }
    }
}
