/// A hand-written reader for one `.jsonl` line that builds exactly the
/// `SourceNode` tree libyaml + `EventComposer` build for it: the same node
/// shapes, the same scalar text, style and YAML 1.2 core-schema value (JSON
/// strings are double-quoted scalars, numbers and `true`/`false`/`null` are
/// plain scalars typed by `CoreSchema.resolvePlain`), and the same locations
/// (1-based line, column in Unicode scalars, at the token's first character).
///
/// It only accepts input it can vouch for: a JSON object at the top, spaces as
/// the only whitespace, characters libyaml accepts as printable and not as
/// line breaks, no duplicate keys, nothing near a `LoadLimits` bound and no
/// key long enough to hit libyaml's 1024-character simple-key rule. For
/// anything else, valid or not, it returns nil and the caller composes the
/// line with libyaml, so every diagnostic still comes from one place.
///
/// The same reader also gives the line as a bare `Value`, for a batch that
/// needs the case's data and no locations: the value `Value(node)` of the
/// node it would build, with no node built (`JSONValueTree`).
package enum JSONFastPath {
    /// The line's node, or nil when libyaml must read it. `line` is the
    /// 1-based line number written into every location.
    package static func document(_ bytes: UnsafeBufferPointer<UInt8>, file: String, line: Int, limits: LoadLimits) -> SourceNode? {
        guard !bytes.isEmpty, bytes.count <= limits.maxFileBytes else { return nil }
        var reader = Reader(bytes: bytes, builder: NodeTree(file: file, line: line), limits: limits)
        return reader.document()?.node
    }

    /// The line's data, `Value(document(…))`, and the column its root
    /// mapping starts at; nil when `document` would give nil, and also for a
    /// number whose text is not the one its value prints as (`-0`, `1E3`,
    /// `1.50`), so that every scalar's text can be told from its value.
    package static func value(_ bytes: UnsafeBufferPointer<UInt8>, limits: LoadLimits) -> (value: Value, column: Int)? {
        guard !bytes.isEmpty, bytes.count <= limits.maxFileBytes else { return nil }
        var reader = Reader(bytes: bytes, builder: JSONValueTree(), limits: limits)
        return reader.document().map { (value: $0.node, column: $0.column) }
    }
    /// Whether two trees are the same node for node: content, scalar text,
    /// style and value (floats compared by bit pattern), and every location.
    package static func same(_ a: SourceNode, _ b: SourceNode) -> Bool {
        guard a.location == b.location else { return false }
        switch (a.content, b.content) {
        case (.scalar(let x), .scalar(let y)):
            guard x.text == y.text, x.style == y.style else { return false }
            switch (x.value, y.value) {
            case (.float(let p), .float(let q)): return p.bitPattern == q.bitPattern
            default: return x.value == y.value
            }
        case (.sequence(let xs), .sequence(let ys)):
            return xs.count == ys.count && zip(xs, ys).allSatisfy { same($0, $1) }
        case (.mapping(let xs), .mapping(let ys)):
            return xs.count == ys.count
                && zip(xs, ys).allSatisfy { $0.key == $1.key && $0.keyLocation == $1.keyLocation && same($0.value, $1.value) }
        default:
            return false
        }
    }

    /// Deeper than this the reader hands over to libyaml even if the limits
    /// allow more, so its recursion stays shallow.
    static let maxRecursion = 128
    /// libyaml drops a simple key more than 1024 characters before its `:`;
    /// bytes are at least characters, so this bound is on the safe side.
    static let maxKeySpan = 1000
}

/// What the reader makes of each token: located nodes or bare values. A
/// nil from a builder declines the line, as the reader's own checks do.
private protocol JSONTreeBuilder {
    associatedtype Node
    associatedtype Entries
    func string(_ text: String, column: Int) -> Node
    func plain(_ text: String, value: ScalarValue, column: Int) -> Node?
    func entries() -> Entries
    func count(_ entries: Entries) -> Int
    func key(_ index: Int, of entries: Entries) -> String
    func append(_ key: String, column: Int, value: Node, to entries: inout Entries)
    func mapping(_ entries: Entries, column: Int) -> Node
    func sequence(_ items: [Node], column: Int) -> Node
}

/// Located nodes, as `EventComposer` builds them.
private struct NodeTree: JSONTreeBuilder {
    let file: String
    let line: Int

    func location(_ column: Int) -> SourceLocation { SourceLocation(file: file, line: line, column: column) }

    func string(_ text: String, column: Int) -> SourceNode {
        SourceNode(location: location(column), content: .scalar(Scalar(text: text, style: .doubleQuoted, value: .string(text))))
    }

    func plain(_ text: String, value: ScalarValue, column: Int) -> SourceNode? {
        SourceNode(location: location(column), content: .scalar(Scalar(text: text, style: .plain, value: value)))
    }

    func entries() -> [MappingEntry] {
        var entries: [MappingEntry] = []
        // Room for a case's usual mapping at once, rather than growing it 1, 2, 4, 8.
        entries.reserveCapacity(8)
        return entries
    }

    func count(_ entries: [MappingEntry]) -> Int { entries.count }
    func key(_ index: Int, of entries: [MappingEntry]) -> String { entries[index].key }

    func append(_ key: String, column: Int, value: SourceNode, to entries: inout [MappingEntry]) {
        entries.append(MappingEntry(key: key, keyLocation: location(column), value: value))
    }

    func mapping(_ entries: [MappingEntry], column: Int) -> SourceNode {
        SourceNode(location: location(column), content: .mapping(entries))
    }

    func sequence(_ items: [SourceNode], column: Int) -> SourceNode {
        SourceNode(location: location(column), content: .sequence(items))
    }
}

/// Bare values, `Value(node)` of the nodes `NodeTree` builds. A number is
/// declined unless its text is the one its value prints as: whoever reads
/// these values (the schema's enum check, a numeric case id) may then take
/// the printed value for the text written.
private struct JSONValueTree: JSONTreeBuilder {
    struct Entries {
        var keys: [String] = []
        var values: [Value] = []
    }

    func string(_ text: String, column: Int) -> Value { .string(text) }

    func plain(_ text: String, value: ScalarValue, column: Int) -> Value? {
        switch value {
        case .null: return .null
        case .bool(let b): return .bool(b)
        case .int(let i): return String(i) == text ? .int(i) : nil
        case .float(let d): return JSON.format(d) == text ? .double(d) : nil
        // A JSON token the core schema reads as a string is not a case's usual data: libyaml's nodes decide it.
        case .string: return nil
        }
    }

    func entries() -> Entries {
        var entries = Entries()
        entries.keys.reserveCapacity(8)
        entries.values.reserveCapacity(8)
        return entries
    }

    func count(_ entries: Entries) -> Int { entries.keys.count }
    func key(_ index: Int, of entries: Entries) -> String { entries.keys[index] }

    func append(_ key: String, column: Int, value: Value, to entries: inout Entries) {
        entries.keys.append(key)
        entries.values.append(value)
    }

    func mapping(_ entries: Entries, column: Int) -> Value { .map(ValueMap(keys: entries.keys, values: entries.values)) }
    func sequence(_ items: [Value], column: Int) -> Value { .list(items) }
}

private struct Reader<Builder: JSONTreeBuilder> {
    typealias Node = Builder.Node
    let b: UnsafeBufferPointer<UInt8>
    let builder: Builder
    let maxDepth: Int
    let maxScalarBytes: Int
    let maxNodes: Int
    /// Read position.
    var i = 0
    /// UTF-8 continuation bytes before `i`: column = i - continuation + 1.
    var continuation = 0
    var nodes = 0
    /// Decoded bytes of a string with escapes.
    var scratch: [UInt8] = []

    init(bytes: UnsafeBufferPointer<UInt8>, builder: Builder, limits: LoadLimits) {
        b = bytes
        self.builder = builder
        maxDepth = min(limits.maxDepth, JSONFastPath.maxRecursion)
        maxScalarBytes = limits.maxScalarBytes
        maxNodes = limits.maxNodes
    }

    /// The root mapping and the column it starts at.
    mutating func document() -> (node: Node, column: Int)? {
        skipSpaces()
        let column = column(i)
        guard i < b.count, b[i] == UInt8(ascii: "{"), let root = object(depth: 1) else { return nil }
        skipSpaces()
        guard i == b.count, nodes <= maxNodes else { return nil }
        return (root, column)
    }

    private func column(_ offset: Int) -> Int { offset - continuation + 1 }

    private mutating func skipSpaces() {
        while i < b.count, b[i] == UInt8(ascii: " ") { i += 1 }
    }

    private mutating func value(depth: Int) -> Node? {
        guard i < b.count else { return nil }
        switch b[i] {
        case UInt8(ascii: "{"): return object(depth: depth + 1)
        case UInt8(ascii: "["): return array(depth: depth + 1)
        case UInt8(ascii: "\""):
            let at = column(i)
            guard let text = string() else { return nil }
            nodes += 1
            return builder.string(text, column: at)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return plain(number: true)
        case UInt8(ascii: "t"), UInt8(ascii: "f"), UInt8(ascii: "n"):
            return plain(number: false)
        default:
            return nil
        }
    }

    private mutating func object(depth: Int) -> Node? {
        guard depth <= maxDepth else { return nil }
        let at = column(i)
        i += 1
        nodes += 1
        var entries = builder.entries()
        /// Built once the mapping is large enough that hashing beats a linear scan.
        var keys: Set<String> = []
        skipSpaces()
        if i < b.count, b[i] == UInt8(ascii: "}") {
            i += 1
            return builder.mapping(entries, column: at)
        }
        while true {
            guard i < b.count, b[i] == UInt8(ascii: "\"") else { return nil }
            let keyStart = i
            let keyAt = column(i)
            guard let key = string() else { return nil }
            nodes += 1
            // Duplicates are libyaml's (the composer's) to report.
            let count = builder.count(entries)
            if count >= 16 {
                if keys.isEmpty { keys = Set((0..<count).map { builder.key($0, of: entries) }) }
                guard keys.insert(key).inserted else { return nil }
            } else {
                for index in 0..<count where builder.key(index, of: entries) == key { return nil }
            }
            skipSpaces()
            guard i < b.count, b[i] == UInt8(ascii: ":"), i - keyStart <= JSONFastPath.maxKeySpan else { return nil }
            i += 1
            skipSpaces()
            guard let value = value(depth: depth) else { return nil }
            builder.append(key, column: keyAt, value: value, to: &entries)
            skipSpaces()
            guard i < b.count else { return nil }
            if b[i] == UInt8(ascii: ",") {
                i += 1
                skipSpaces()
                continue
            }
            guard b[i] == UInt8(ascii: "}") else { return nil }
            i += 1
            return builder.mapping(entries, column: at)
        }
    }

    private mutating func array(depth: Int) -> Node? {
        guard depth <= maxDepth else { return nil }
        let at = column(i)
        i += 1
        nodes += 1
        var items: [Node] = []
        skipSpaces()
        if i < b.count, b[i] == UInt8(ascii: "]") {
            i += 1
            return builder.sequence(items, column: at)
        }
        items.reserveCapacity(4)
        while true {
            guard let item = value(depth: depth) else { return nil }
            items.append(item)
            skipSpaces()
            guard i < b.count else { return nil }
            if b[i] == UInt8(ascii: ",") {
                i += 1
                skipSpaces()
                continue
            }
            guard b[i] == UInt8(ascii: "]") else { return nil }
            i += 1
            return builder.sequence(items, column: at)
        }
    }

    /// A JSON number or `true`/`false`/`null`, as the plain scalar libyaml reads.
    private mutating func plain(number: Bool) -> Node? {
        let start = i
        if number {
            guard scanNumber() else { return nil }
        } else {
            guard literal("true") || literal("false") || literal("null") else { return nil }
        }
        // libyaml's plain scalar runs on to the next flow indicator; so must JSON's token.
        if i < b.count {
            switch b[i] {
            case UInt8(ascii: " "), UInt8(ascii: ","), UInt8(ascii: "}"), UInt8(ascii: "]"): break
            default: return nil
            }
        }
        guard i - start <= maxScalarBytes else { return nil }
        let raw = UnsafeBufferPointer(rebasing: b[start..<i])
        let text = String(decoding: raw, as: UTF8.self)
        nodes += 1
        return builder.plain(text, value: CoreSchema.resolvePlain(raw, text: text), column: column(start))
    }

    private mutating func literal(_ word: StaticString) -> Bool {
        let n = word.utf8CodeUnitCount
        guard b.count - i >= n else { return false }
        let w = word.utf8Start
        for k in 0..<n where b[i + k] != w[k] { return false }
        i += n
        return true
    }

    /// `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?`
    private mutating func scanNumber() -> Bool {
        if b[i] == UInt8(ascii: "-") { i += 1 }
        guard i < b.count else { return false }
        if b[i] == UInt8(ascii: "0") {
            i += 1
        } else {
            guard digits() > 0 else { return false }
        }
        if i < b.count, b[i] == UInt8(ascii: ".") {
            i += 1
            guard digits() > 0 else { return false }
        }
        if i < b.count, b[i] == UInt8(ascii: "e") || b[i] == UInt8(ascii: "E") {
            i += 1
            if i < b.count, b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") { i += 1 }
            guard digits() > 0 else { return false }
        }
        return true
    }

    private mutating func digits() -> Int {
        let start = i
        while i < b.count, b[i] >= UInt8(ascii: "0"), b[i] <= UInt8(ascii: "9") { i += 1 }
        return i - start
    }

    /// The decoded string at `i` (an opening quote), or nil.
    private mutating func string() -> String? {
        i += 1
        let start = i
        while i < b.count {
            skipPlainASCII()
            guard i < b.count else { break }
            let c = b[i]
            if c == UInt8(ascii: "\"") {
                guard i - start <= maxScalarBytes else { return nil }
                let text = String(decoding: UnsafeBufferPointer(rebasing: b[start..<i]), as: UTF8.self)
                i += 1
                return text
            }
            if c == UInt8(ascii: "\\") { return escapedString(from: start) }
            if c >= 0x80 {
                guard multibyte() else { return nil }
                continue
            }
            guard c >= 0x20, c != 0x7F else { return nil }
            i += 1
        }
        return nil
    }

    /// Steps over bytes that are printable ASCII other than `"` and `\`,
    /// eight at a time: most of a case's strings are nothing else, and byte
    /// by byte this loop was a fifth of reading a line.
    @inline(__always)
    private mutating func skipPlainASCII() {
        guard let base = b.baseAddress else { return }
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        while i + 8 <= b.count {
            let w = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
            // Marks the high bit of each zero byte of `x` (and perhaps of bytes above the first).
            func zeroIn(_ x: UInt64) -> UInt64 { (x &- ones) & ~x & highs }
            let quote = zeroIn(w ^ (ones &* 0x22))
            let backslash = zeroIn(w ^ (ones &* 0x5C))
            let delete = zeroIn(w ^ (ones &* 0x7F))
            // Below 0x20: subtracting 0x20 borrows into the high bit of such a byte (or of a byte after it).
            let control = (w &- ones &* 0x20) & ~w & highs
            let stops = quote | backslash | delete | control | (w & highs)
            // A borrow can only mark bytes above a true one, so the lowest mark is the first byte to stop at.
            guard stops == 0 else {
                i += stops.trailingZeroBitCount >> 3
                return
            }
            i += 8
        }
    }

    /// The rest of a string that has escapes; `start` is just past its quote.
    private mutating func escapedString(from start: Int) -> String? {
        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: UnsafeBufferPointer(rebasing: b[start..<i]))
        while i < b.count {
            let c = b[i]
            if c == UInt8(ascii: "\"") {
                guard scratch.count <= maxScalarBytes else { return nil }
                i += 1
                return String(decoding: scratch, as: UTF8.self)
            }
            if c == UInt8(ascii: "\\") {
                guard escape() else { return nil }
                continue
            }
            if c >= 0x80 {
                let from = i
                guard multibyte() else { return nil }
                scratch.append(contentsOf: UnsafeBufferPointer(rebasing: b[from..<i]))
                continue
            }
            guard c >= 0x20, c != 0x7F else { return nil }
            scratch.append(c)
            i += 1
        }
        return nil
    }

    /// One JSON escape at `i`, decoded into `scratch` the way libyaml decodes it.
    private mutating func escape() -> Bool {
        guard i + 1 < b.count else { return false }
        let e = b[i + 1]
        i += 2
        switch e {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): scratch.append(e)
        case UInt8(ascii: "b"): scratch.append(0x08)
        case UInt8(ascii: "f"): scratch.append(0x0C)
        case UInt8(ascii: "n"): scratch.append(0x0A)
        case UInt8(ascii: "r"): scratch.append(0x0D)
        case UInt8(ascii: "t"): scratch.append(0x09)
        case UInt8(ascii: "u"):
            guard b.count - i >= 4 else { return false }
            var value: UInt32 = 0
            for _ in 0..<4 {
                let h = b[i]
                let digit: UInt8
                switch h {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = h - UInt8(ascii: "0")
                case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = h - UInt8(ascii: "a") + 10
                case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = h - UInt8(ascii: "A") + 10
                default: return false
                }
                value = value << 4 | UInt32(digit)
                i += 1
            }
            // Surrogates go to the composed path, which reads a pair (JSONSurrogatePairs) and refuses a lone one.
            guard !(0xD800...0xDFFF).contains(value) else { return false }
            appendUTF8(value)
        default:
            return false
        }
        return true
    }

    private mutating func appendUTF8(_ v: UInt32) {
        switch v {
        case 0..<0x80:
            scratch.append(UInt8(v))
        case 0x80..<0x800:
            scratch.append(UInt8(0xC0 | v >> 6))
            scratch.append(UInt8(0x80 | v & 0x3F))
        default:
            scratch.append(UInt8(0xE0 | v >> 12))
            scratch.append(UInt8(0x80 | v >> 6 & 0x3F))
            scratch.append(UInt8(0x80 | v & 0x3F))
        }
    }

    /// Steps over one well-formed multi-byte UTF-8 character at `i` that
    /// libyaml reads as printable and not as a line break; false otherwise.
    private mutating func multibyte() -> Bool {
        let c0 = b[i]
        let width: Int
        var scalar: UInt32
        switch c0 {
        case 0xC2...0xDF: width = 2; scalar = UInt32(c0 & 0x1F)
        case 0xE0...0xEF: width = 3; scalar = UInt32(c0 & 0x0F)
        case 0xF0...0xF4: width = 4; scalar = UInt32(c0 & 0x07)
        default: return false
        }
        guard b.count - i >= width else { return false }
        for k in 1..<width {
            let c = b[i + k]
            guard c & 0xC0 == 0x80 else { return false }
            scalar = scalar << 6 | UInt32(c & 0x3F)
        }
        switch width {
        case 2: guard scalar >= 0xA0 else { return false }  // C1 controls and NEL
        case 3:
            guard scalar >= 0x800, !(0xD800...0xDFFF).contains(scalar) else { return false }
            // LS and PS are line breaks to libyaml; BOM, U+FFFE, U+FFFF are left to it.
            guard scalar != 0x2028, scalar != 0x2029, scalar != 0xFEFF, scalar < 0xFFFE else { return false }
        default: guard scalar >= 0x10000, scalar <= 0x10FFFF else { return false }
        }
        i += width
        continuation += width - 1
        return true
    }
}
