/// The encoding problem that stops a file from being read as UTF-8, if any.
/// Run before libyaml sees the bytes: libyaml would silently decode a UTF-16
/// file, and its own UTF-8 errors carry no line or column.
enum UTF8Check {
    enum Problem: Equatable {
        case foreignByteOrderMark(encoding: String)
        case invalidByte(offset: Int)
    }

    static func problem(in bytes: UnsafeBufferPointer<UInt8>) -> Problem? {
        if let encoding = foreignEncoding(bytes) { return .foreignByteOrderMark(encoding: encoding) }
        return firstInvalidByte(bytes).map { .invalidByte(offset: $0) }
    }

    private static func foreignEncoding(_ b: UnsafeBufferPointer<UInt8>) -> String? {
        if b.count >= 4, b[0] == 0x00, b[1] == 0x00, b[2] == 0xFE, b[3] == 0xFF { return "UTF-32" }
        if b.count >= 4, b[0] == 0xFF, b[1] == 0xFE, b[2] == 0x00, b[3] == 0x00 { return "UTF-32" }
        if b.count >= 2, (b[0] == 0xFE && b[1] == 0xFF) || (b[0] == 0xFF && b[1] == 0xFE) { return "UTF-16" }
        return nil
    }

    /// Offset of the first byte that does not start or continue a well-formed
    /// sequence (no overlongs, surrogates or values past U+10FFFF).
    static func firstInvalidByte(_ b: UnsafeBufferPointer<UInt8>) -> Int? {
        var i = 0
        let n = b.count
        while i < n {
            let lead = b[i]
            if lead < 0x80 {
                i += 1
                continue
            }
            let width: Int
            var low: UInt8 = 0x80
            var high: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: width = 2
            case 0xE0: width = 3; low = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: width = 3
            case 0xED: width = 3; high = 0x9F
            case 0xF0: width = 4; low = 0x90
            case 0xF1...0xF3: width = 4
            case 0xF4: width = 4; high = 0x8F
            default: return i
            }
            guard i + 1 < n, b[i + 1] >= low, b[i + 1] <= high else { return i }
            for k in 2..<width {
                guard i + k < n, b[i + k] & 0xC0 == 0x80 else { return i }
            }
            i += width
        }
        return nil
    }
}
