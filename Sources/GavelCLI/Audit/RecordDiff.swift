/// How a replayed record differs from the logged one, field by field: the
/// first differing leaves in document order, as lines a reviewer can read.
enum RecordDiff {
    static func lines(logged: [UInt8], replayed: [UInt8], limit: Int = 20) -> [String] {
        guard let a = RecordJSON(logged), let b = RecordJSON(replayed) else {
            return ["the logged record is not JSON gavel can read; it differs from the replayed one from byte \(firstDifference(logged, replayed))"]
        }
        let old = a.leaves(), new = b.leaves()
        let newByPath = Dictionary(new.map { ($0.path, $0.value) }, uniquingKeysWith: { first, _ in first })
        let oldPaths = Set(old.map(\.path))
        var out: [String] = []
        var count = 0
        func add(_ line: String) {
            count += 1
            if out.count < limit { out.append(line) }
        }
        for leaf in old {
            switch newByPath[leaf.path] {
            case nil: add("- \(name(leaf.path)): logged \(clip(leaf.value)), replayed (absent)")
            case let value? where value != leaf.value: add("~ \(name(leaf.path)): logged \(clip(leaf.value)), replayed \(clip(value))")
            default: break
            }
        }
        for leaf in new where !oldPaths.contains(leaf.path) { add("+ \(name(leaf.path)): logged (absent), replayed \(clip(leaf.value))") }
        if count == 0 {
            return ["the records hold the same fields and values but differ in their bytes (key order or number form) from byte \(firstDifference(logged, replayed))"]
        }
        if count > out.count { out.append("… and \(count - out.count) more differing \(count - out.count == 1 ? "field" : "fields")") }
        return out
    }

    private static func name(_ path: String) -> String { path.isEmpty ? "(the record)" : path }

    private static func clip(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard scalars.count > 120 else { return text }
        return String(String.UnicodeScalarView(scalars.prefix(117))) + "…"
    }

    static func firstDifference(_ a: [UInt8], _ b: [UInt8]) -> Int {
        var i = 0
        while i < a.count, i < b.count, a[i] == b[i] { i += 1 }
        return i
    }
}
