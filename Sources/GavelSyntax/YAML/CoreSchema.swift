/// The YAML 1.2 core schema (spec §10.3.2), matched by hand on the scalar's
/// bytes: it runs on every plain scalar, so no regexes and no allocation
/// unless the value is a string or a float.
enum CoreSchema {
    /// The value of an untagged plain scalar.
    static func resolvePlain(_ b: UnsafeBufferPointer<UInt8>, text: String) -> ScalarValue {
        guard let first = b.first else { return .null }
        // Only these first bytes can start a non-string; most keys and words fail here.
        switch first {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."):
            return number(b, text: text) ?? .string(text)
        case UInt8(ascii: "n"), UInt8(ascii: "N"), UInt8(ascii: "~"):
            return isNull(b) ? .null : .string(text)
        case UInt8(ascii: "t"), UInt8(ascii: "T"), UInt8(ascii: "f"), UInt8(ascii: "F"):
            return bool(b).map(ScalarValue.bool) ?? .string(text)
        default:
            return .string(text)
        }
    }

    static func isNull(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        b.isEmpty || matches(b, "~") || matches(b, "null") || matches(b, "Null") || matches(b, "NULL")
    }

    static func bool(_ b: UnsafeBufferPointer<UInt8>) -> Bool? {
        if matches(b, "true") || matches(b, "True") || matches(b, "TRUE") { return true }
        if matches(b, "false") || matches(b, "False") || matches(b, "FALSE") { return false }
        return nil
    }

    /// An int, or a float (also for an int too large for `Int`), or nil.
    static func number(_ b: UnsafeBufferPointer<UInt8>, text: String) -> ScalarValue? {
        if let int = integer(b) { return int }
        return float(b, text: text).map(ScalarValue.float)
    }

    /// `[-+]?[0-9]+`, `0o[0-7]+`, `0x[0-9a-fA-F]+`; one that overflows `Int` is a `.float`.
    static func integer(_ b: UnsafeBufferPointer<UInt8>) -> ScalarValue? {
        if b.count > 2, b[0] == UInt8(ascii: "0"), b[1] == UInt8(ascii: "o") || b[1] == UInt8(ascii: "x") {
            let radix = b[1] == UInt8(ascii: "o") ? 8 : 16
            return unsigned(UnsafeBufferPointer(rebasing: b[2...]), radix: radix)
        }
        var start = 0
        var negative = false
        if let sign = b.first, sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") {
            negative = sign == UInt8(ascii: "-")
            start = 1
        }
        guard start < b.count else { return nil }
        // Accumulating negatively reaches Int.min, which has no positive twin.
        var value = 0
        var overflow = false
        for i in start..<b.count {
            guard let digit = digitValue(b[i], radix: 10) else { return nil }
            if !overflow {
                let (times, o1) = value.multipliedReportingOverflow(by: 10)
                let (next, o2) = times.subtractingReportingOverflow(digit)
                overflow = o1 || o2
                value = next
            }
        }
        if overflow { return .float(Double(String(decoding: b, as: UTF8.self)) ?? .nan) }
        if negative { return .int(value) }
        let (positive, o) = (0).subtractingReportingOverflow(value)
        return o ? .float(-Double(value)) : .int(positive)
    }

    private static func unsigned(_ digits: UnsafeBufferPointer<UInt8>, radix: Int) -> ScalarValue? {
        var value = 0
        var approximate = 0.0
        var overflow = false
        for byte in digits {
            guard let digit = digitValue(byte, radix: radix) else { return nil }
            approximate = approximate * Double(radix) + Double(digit)
            if !overflow {
                let (times, o1) = value.multipliedReportingOverflow(by: radix)
                let (next, o2) = times.addingReportingOverflow(digit)
                overflow = o1 || o2
                value = next
            }
        }
        return overflow ? .float(approximate) : .int(value)
    }

    private static func digitValue(_ byte: UInt8, radix: Int) -> Int? {
        let value: Int
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): value = Int(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): value = Int(byte - UInt8(ascii: "a")) + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): value = Int(byte - UInt8(ascii: "A")) + 10
        default: return nil
        }
        return value < radix ? value : nil
    }

    /// `[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?`, `[-+]?\.inf` (3 spellings), `\.nan` (3 spellings).
    static func float(_ b: UnsafeBufferPointer<UInt8>, text: String) -> Double? {
        var i = 0
        var sign = 1.0
        if let s = b.first, s == UInt8(ascii: "-") || s == UInt8(ascii: "+") {
            sign = s == UInt8(ascii: "-") ? -1 : 1
            i = 1
        }
        let rest = UnsafeBufferPointer(rebasing: b[i...])
        if matches(rest, ".inf") || matches(rest, ".Inf") || matches(rest, ".INF") { return sign * .infinity }
        if i == 0, matches(b, ".nan") || matches(b, ".NaN") || matches(b, ".NAN") { return .nan }

        let integerDigits = digitRun(b, from: &i)
        var fractionDigits = 0
        if i < b.count, b[i] == UInt8(ascii: ".") {
            i += 1
            fractionDigits = digitRun(b, from: &i)
        }
        // `.` alone or `-.e1` has no digits at all; `1.` is fine.
        guard integerDigits > 0 || fractionDigits > 0 else { return nil }
        if i < b.count, b[i] == UInt8(ascii: "e") || b[i] == UInt8(ascii: "E") {
            i += 1
            if i < b.count, b[i] == UInt8(ascii: "-") || b[i] == UInt8(ascii: "+") { i += 1 }
            guard digitRun(b, from: &i) > 0 else { return nil }
        }
        guard i == b.count else { return nil }
        return Double(text)
    }

    private static func digitRun(_ b: UnsafeBufferPointer<UInt8>, from i: inout Int) -> Int {
        let start = i
        while i < b.count, b[i] >= UInt8(ascii: "0"), b[i] <= UInt8(ascii: "9") { i += 1 }
        return i - start
    }

    static func matches(_ b: UnsafeBufferPointer<UInt8>, _ word: StaticString) -> Bool {
        guard b.count == word.utf8CodeUnitCount else { return false }
        let w = word.utf8Start
        for i in 0..<b.count where b[i] != w[i] { return false }
        return true
    }
}
