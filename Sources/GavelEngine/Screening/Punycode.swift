import GavelSyntax

/// Punycode encoding (RFC 3492), used for the IDNA ToASCII step of domain
/// identifiers. Written here because nothing on the Linux toolchain exposes it.
enum Punycode {
    private static let base = 36
    private static let tMin = 1
    private static let tMax = 26
    private static let skew = 38
    private static let damp = 700
    private static let initialBias = 72
    private static let initialN = 128
    // RFC 3492 §6.4: treat anything past a 32-bit signed range as overflow.
    private static let maxInt = Int(Int32.max)

    /// The Punycode form of `input` without the `xn--` prefix, or nil on
    /// overflow (only reachable with absurdly long labels).
    static func encode(_ input: some Sequence<Unicode.Scalar>) -> String? {
        let codePoints = input.map { Int($0.value) }
        var output: [UInt8] = codePoints.compactMap { $0 < 0x80 ? UInt8($0) : nil }
        let basicCount = output.count
        if basicCount > 0 { output.append(UInt8(ascii: "-")) }

        var n = initialN
        var delta = 0
        var bias = initialBias
        var handled = basicCount
        while handled < codePoints.count {
            guard let m = codePoints.lazy.filter({ $0 >= n }).min() else { break }
            let (step, overflowed) = (m - n).multipliedReportingOverflow(by: handled + 1)
            guard !overflowed, step <= maxInt - delta else { return nil }
            delta += step
            n = m
            for c in codePoints {
                if c < n {
                    delta += 1
                    guard delta <= maxInt else { return nil }
                }
                guard c == n else { continue }
                var q = delta
                var k = base
                while true {
                    let t = k <= bias ? tMin : (k >= bias + tMax ? tMax : k - bias)
                    if q < t { break }
                    output.append(digit(t + (q - t) % (base - t)))
                    q = (q - t) / (base - t)
                    k += base
                }
                output.append(digit(q))
                bias = adapt(delta: delta, points: handled + 1, first: handled == basicCount)
                delta = 0
                handled += 1
            }
            delta += 1
            n += 1
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// The scalars `input` (a label without its `xn--`) encodes, or nil when
    /// it is not valid Punycode. Used to read back a label that ICU refused to
    /// map and `IdentifierNormalizer.toASCII` encoded itself: its look-alike
    /// skeleton is taken from what it shows.
    static func decode(_ input: Substring) -> String? {
        let bytes = Array(input.utf8)
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
        let delimiter = bytes.lastIndex(of: UInt8(ascii: "-"))
        var output: [UInt32] = delimiter.map { bytes[..<$0].map(UInt32.init) } ?? []
        var i = 0
        var n = initialN
        var bias = initialBias
        var position = delimiter.map { $0 + 1 } ?? 0
        while position < bytes.count {
            let oldI = i
            var w = 1
            var k = base
            while true {
                guard position < bytes.count, let d = digitValue(bytes[position]) else { return nil }
                position += 1
                let (step, overflowed) = d.multipliedReportingOverflow(by: w)
                guard !overflowed, step <= maxInt - i else { return nil }
                i += step
                let t = k <= bias ? tMin : (k >= bias + tMax ? tMax : k - bias)
                if d < t { break }
                let (nextW, wOverflowed) = w.multipliedReportingOverflow(by: base - t)
                guard !wOverflowed, nextW <= maxInt else { return nil }
                w = nextW
                k += base
            }
            bias = adapt(delta: i - oldI, points: output.count + 1, first: oldI == 0)
            guard i / (output.count + 1) <= maxInt - n else { return nil }
            n += i / (output.count + 1)
            i %= output.count + 1
            guard n <= 0x10FFFF, Unicode.Scalar(UInt32(n)) != nil else { return nil }
            output.insert(UInt32(n), at: i)
            i += 1
        }
        var scalars = String.UnicodeScalarView()
        for value in output {
            guard let scalar = Unicode.Scalar(value) else { return nil }
            scalars.append(scalar)
        }
        return String(scalars)
    }

    private static func digitValue(_ byte: UInt8) -> Int? {
        switch byte {
        case UInt8(ascii: "a") ... UInt8(ascii: "z"): return Int(byte - UInt8(ascii: "a"))
        case UInt8(ascii: "A") ... UInt8(ascii: "Z"): return Int(byte - UInt8(ascii: "A"))
        case UInt8(ascii: "0") ... UInt8(ascii: "9"): return Int(byte - UInt8(ascii: "0")) + 26
        default: return nil
        }
    }

    private static func digit(_ d: Int) -> UInt8 {
        // 0–25 → a–z, 26–35 → 0–9
        d < 26 ? UInt8(0x61 + d) : UInt8(0x30 + d - 26)
    }

    private static func adapt(delta: Int, points: Int, first: Bool) -> Int {
        var delta = first ? delta / damp : delta / 2
        delta += delta / points
        var k = 0
        while delta > ((base - tMin) * tMax) / 2 {
            delta /= base - tMin
            k += base
        }
        return k + (base - tMin + 1) * delta / (delta + skew)
    }
}
