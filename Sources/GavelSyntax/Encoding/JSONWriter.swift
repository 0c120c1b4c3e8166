/// JSON written straight into bytes, with keys in the order they are written:
/// the same text `JSON.compact()` and `JSON.pretty()` give, without building
/// a tree first. Records are written this way on the hot path.
package struct JSONWriter: ~Copyable, Sendable {
    private var buffer: ByteBuffer
    /// A copy of what is written so far.
    package var bytes: [UInt8] { buffer.array }
    package var count: Int { buffer.count }
    package func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try buffer.withUnsafeBytes(body)
    }
    /// Two-space indentation, one key per line; nil for one line, no spaces.
    private let pretty: Bool
    /// Per open container, whether it has an item yet: bit `n` of `filledBits`
    /// for the first 64 levels, then `filledDeeper` (records rarely nest
    /// that deep; a bit costs no copy-on-write check per token).
    private var filledBits: UInt64 = 0
    private var filledDeeper: [Bool] = []
    /// Open containers.
    private var open = 0
    /// A key was just written; its value follows without a separator.
    private var afterKey = false
    /// Indentation levels the whole value sits at (an item of an array printed around it).
    private let depth: Int

    package init(pretty: Bool = false, depth: Int = 0, capacity: Int = 2048) {
        self.pretty = pretty
        self.depth = depth
        buffer = ByteBuffer(capacity: capacity)
    }

    package mutating func reset() {
        buffer.removeAll()
        filledBits = 0
        filledDeeper.removeAll(keepingCapacity: true)
        open = 0
        afterKey = false
    }

    /// The line end after a JSON Lines record.
    package mutating func newlineAtEnd() { buffer.append(10) }

    // MARK: containers

    package mutating func beginObject() {
        item()
        buffer.append(UInt8(ascii: "{"))
        push()
    }

    package mutating func endObject() { close(UInt8(ascii: "}")) }

    package mutating func beginArray() {
        item()
        buffer.append(UInt8(ascii: "["))
        push()
    }

    package mutating func endArray() { close(UInt8(ascii: "]")) }

    /// A key known when the program is written: nothing in it needs escaping,
    /// so its bytes go out as they are (records write dozens per case).
    package mutating func field(_ name: StaticString) {
        item()
        buffer.appendKey(name)
        if pretty { buffer.append(UInt8(ascii: " ")) }
        afterKey = true
    }

    package mutating func key(_ name: String) {
        item()
        quote(name)
        buffer.append(UInt8(ascii: ":"))
        if pretty { buffer.append(UInt8(ascii: " ")) }
        afterKey = true
    }

    // MARK: values

    package mutating func string(_ value: String) {
        item()
        quote(value)
    }

    /// A string already quoted and escaped by `quote(_:into:)`, written as it is.
    package mutating func quoted(_ json: [UInt8]) {
        item()
        buffer.append(json)
    }

    package mutating func int(_ value: Int) {
        item()
        Self.appendDecimal(value, to: &buffer)
    }

    /// An integer's decimal digits, without making a String for them.
    package static func appendDecimal(_ value: Int, to bytes: inout ByteBuffer) {
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                buffer[19 - count] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
                count += 1
            } while magnitude > 0
            bytes.append(UnsafeRawBufferPointer(rebasing: buffer[(20 - count)...]))
        }
    }

    package mutating func double(_ value: Double) {
        item()
        buffer.append(JSON.format(value))
    }

    package mutating func bool(_ value: Bool) {
        item()
        append(value ? "true" : "false")
    }

    package mutating func null() {
        item()
        append("null")
    }

    package mutating func strings(_ values: [String]) {
        beginArray()
        for value in values { string(value) }
        endArray()
    }

    /// Object members a compact writer wrote ahead (`"a":1,"b":[2]`, from
    /// `compactMembers`), copied as they are; a pretty writer has its own
    /// layout, so `write` writes them again. `write` must be what made them.
    package mutating func members(_ compact: [UInt8], else write: (inout JSONWriter) -> Void) {
        guard !pretty else {
            write(&self)
            return
        }
        item()
        buffer.append(compact)
    }

    /// The members `write` puts in an object, as a compact writer writes them, without the braces.
    package static func compactMembers(_ write: (inout JSONWriter) -> Void) -> [UInt8] {
        var writer = JSONWriter(capacity: 128)
        writer.beginObject()
        write(&writer)
        writer.endObject()
        return Array(writer.bytes.dropFirst().dropLast())
    }

    /// A value given as a `JSON` tree (case data, operands), written in place.
    package mutating func value(_ json: JSON) {
        switch json {
        case .null: null()
        case .bool(let b): bool(b)
        case .int(let i): int(i)
        case .double(let d): double(d)
        case .string(let s): string(s)
        case .array(let items):
            beginArray()
            for item in items { value(item) }
            endArray()
        case .object(let pairs):
            beginObject()
            for (name, item) in pairs {
                key(name)
                value(item)
            }
            endObject()
        }
    }

    // MARK: layout

    /// Before any key or value: the separator and, when pretty, the line break.
    @inline(__always)
    private mutating func item() {
        if afterKey {
            afterKey = false
            return
        }
        guard open > 0 else { return }
        let level = open - 1
        if level < 64 {
            let bit: UInt64 = 1 << UInt64(level)
            if filledBits & bit != 0 { buffer.append(UInt8(ascii: ",")) }
            filledBits |= bit
        } else {
            if filledDeeper[level - 64] { buffer.append(UInt8(ascii: ",")) }
            filledDeeper[level - 64] = true
        }
        if pretty { newline(depth: depth + open) }
    }

    private mutating func push() {
        if open >= 64 { filledDeeper.append(false) }
        open += 1
    }

    private mutating func close(_ bracket: UInt8) {
        open -= 1
        let hadItems: Bool
        if open < 64 {
            let bit: UInt64 = 1 << UInt64(open)
            hadItems = filledBits & bit != 0
            filledBits &= ~bit
        } else {
            hadItems = filledDeeper.removeLast()
        }
        if hadItems { newline(depth: depth + open) }
        buffer.append(bracket)
    }

    private mutating func newline(depth: Int) {
        guard pretty else { return }
        buffer.append(10)
        for _ in 0..<depth {
            buffer.append(32)
            buffer.append(32)
        }
    }

    private mutating func append(_ text: StaticString) { buffer.append(text) }

    private mutating func quote(_ text: String) { Self.quote(text, into: &buffer) }

    /// The escaping of `JSON.quote`: quote, backslash and control characters,
    /// and U+2028/U+2029, which some JavaScript readers take for line ends.
    /// Runs of bytes that need none are copied whole: most strings have none.
    package static func quote(_ text: String, into bytes: inout ByteBuffer) {
        text.withUTF8Bytes { utf8 in
            if !needsEscape(utf8) {
                bytes.appendQuoted(UnsafeRawBufferPointer(utf8))
            } else {
                escaped(utf8, into: &bytes)
            }
        }
    }

    /// Whether any byte needs escaping: eight bytes at a time. Most strings need nothing.
    @inline(__always)
    private static func needsEscape(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = utf8.baseAddress else { return false }
        let count = utf8.count
        // Shorter than a word: byte by byte (copying them into a padded word cost a `memcpy` call).
        guard count >= 8 else {
            for k in 0..<count {
                let c = base[k]
                if c < 0x20 || c == UInt8(ascii: "\"") || c == UInt8(ascii: "\\") || c == 0xE2 { return true }
            }
            return false
        }
        var i = 0
        while i + 8 <= count {
            if mayNeedEscape(UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)) { return true }
            i += 8
        }
        // The last few bytes as the string's last word, overlapping bytes already found clean.
        return i < count && mayNeedEscape(UnsafeRawPointer(base + count - 8).loadUnaligned(as: UInt64.self))
    }

    /// The slow path, for a string with something to escape.
    private static func escaped(_ utf8: UnsafeBufferPointer<UInt8>, into bytes: inout ByteBuffer) {
        bytes.append(UInt8(ascii: "\""))
        do {
            let count = utf8.count
            var start = 0
            var i = 0
            let base = utf8.baseAddress
            while i < count {
                // Eight ordinary bytes at a time: most strings need no escape at all.
                if let base {
                    while i + 8 <= count, !Self.mayNeedEscape(UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)) { i += 8 }
                    guard i < count else { break }
                    // The last few bytes as one word, padded with spaces (which need no escape).
                    if count - i < 8 {
                        var tail: UInt64 = 0x2020_2020_2020_2020
                        withUnsafeMutableBytes(of: &tail) { word in
                            word.baseAddress?.copyMemory(from: base + i, byteCount: count - i)
                        }
                        if !Self.mayNeedEscape(tail) {
                            i = count
                            break
                        }
                    }
                }
                let byte = utf8[i]
                // 0xE2 starts U+2028 and U+2029; every other byte from 0x20 up but `"` and `\` is itself.
                if byte >= 0x20, byte != 0x22, byte != 0x5C, byte != 0xE2 {
                    i += 1
                    continue
                }
                if byte == 0xE2 {
                    guard i + 2 < count, utf8[i + 1] == 0x80, utf8[i + 2] == 0xA8 || utf8[i + 2] == 0xA9 else {
                        i += 1
                        continue
                    }
                }
                if i > start { bytes.append(UnsafeBufferPointer(rebasing: utf8[start..<i])) }
                switch byte {
                case 0x22: bytes.append("\\\"")
                case 0x5C: bytes.append("\\\\")
                case 10: bytes.append("\\n")
                case 13: bytes.append("\\r")
                case 9: bytes.append("\\t")
                case 0xE2:
                    bytes.append(utf8[i + 2] == 0xA8 ? "\\u2028" : "\\u2029")
                    i += 2
                default:
                    bytes.append("\\u00")
                    bytes.append(Self.hexDigit(byte >> 4))
                    bytes.append(Self.hexDigit(byte & 15))
                }
                i += 1
                start = i
            }
            if count > start { bytes.append(UnsafeBufferPointer(rebasing: utf8[start..<count])) }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// Whether any of eight bytes is a control character, `"`, `\` or 0xE2
    /// (the lead byte of U+2028/U+2029). Exact: the word tests below find a
    /// byte of a given kind when there is one and only then.
    @inline(__always)
    private static func mayNeedEscape(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        func hasZero(_ v: UInt64) -> Bool { (v &- ones) & ~v & highs != 0 }
        let control = (word &- ones &* 0x20) & ~word & highs != 0
        return control || hasZero(word ^ (ones &* 0x22)) || hasZero(word ^ (ones &* 0x5C)) || hasZero(word ^ (ones &* 0xE2))
    }

    private static func hexDigit(_ nibble: UInt8) -> UInt8 {
        nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") + nibble - 10
    }
}
