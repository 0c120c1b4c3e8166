/// JSON writes a character above U+FFFF as an escaped surrogate pair
/// (`"\uD835\uDC07"`: RFC 8259 §7, and what `json.dumps` writes by default);
/// libyaml refuses every surrogate escape, pairs too, so such a case was
/// refused whole. JSON input is handed to libyaml with each pair written as
/// the one YAML escape of its character, `\U0001D407`, which reads the same.
/// That escape is two characters shorter: the columns libyaml reports past
/// it on its line are moved back by `ColumnShifts`.
enum JSONSurrogatePairs {
    /// `bytes` with every escaped pair rewritten, and the shifts; nil when it holds none.
    /// Only for JSON, where a backslash occurs in strings alone: in YAML an
    /// unquoted `\uD835` is text, not an escape.
    static func rewritten(_ bytes: UnsafeBufferPointer<UInt8>) -> (bytes: [UInt8], shifts: ColumnShifts)? {
        guard bytes.contains(UInt8(ascii: "\\")) else { return nil }
        var out: [UInt8] = []
        var shifts = ColumnShifts()
        var line = 0
        var column = 0  // characters since the line's start, in the output, as libyaml counts them
        var i = 0
        var changed = false
        out.reserveCapacity(bytes.count)
        while i < bytes.count {
            let byte = bytes[i]
            if byte == UInt8(ascii: "\\"), i + 1 < bytes.count, bytes[i + 1] != UInt8(ascii: "\n") {
                if bytes[i + 1] == UInt8(ascii: "u"), let scalar = pair(bytes, at: i) {
                    let escape = Array("\\U".utf8) + Array(hex8(scalar).utf8)
                    out += escape
                    column += escape.count
                    shifts.add(line: line, from: column, by: 2)
                    changed = true
                    i += 12
                    continue
                }
                // Any other escape, `\\` included, is copied whole: its second byte starts nothing.
                out.append(byte)
                out.append(bytes[i + 1])
                column += 2
                i += 2
                continue
            }
            out.append(byte)
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 0
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
            i += 1
        }
        return changed ? (out, shifts) : nil
    }

    /// The character of `\uHHHH\uLLLL` at `i`, a high surrogate then a low one; nil otherwise.
    private static func pair(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> UInt32? {
        guard i + 12 <= bytes.count, bytes[i + 6] == UInt8(ascii: "\\"), bytes[i + 7] == UInt8(ascii: "u"),
            let high = hex4(bytes, at: i + 2), (0xD800..<0xDC00).contains(high),
            let low = hex4(bytes, at: i + 8), (0xDC00..<0xE000).contains(low)
        else { return nil }
        return 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
    }

    private static func hex4(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> UInt32? {
        var value: UInt32 = 0
        for byte in bytes[i..<(i + 4)] {
            guard let digit = Character(Unicode.Scalar(byte)).hexDigitValue else { return nil }
            value = value << 4 | UInt32(digit)
        }
        return value
    }

    private static func hex8(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 8 - digits.count)) + digits
    }
}

/// Columns to add back on a line of rewritten input: from column `from`
/// (0-based, as libyaml counts) on, `by` more per rewrite before it.
struct ColumnShifts: Sendable {
    private var byLine: [Int: [(from: Int, by: Int)]] = [:]

    mutating func add(line: Int, from: Int, by: Int) { byLine[line, default: []].append((from, by)) }

    func original(line: Int, column: Int) -> Int {
        guard let shifts = byLine[line] else { return column }
        return column + shifts.reduce(0) { $1.from <= column ? $0 + $1.by : $0 }
    }
}
