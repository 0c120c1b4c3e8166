/// Which groups of scalars a name holds, once and at least twice, as 64
/// bits: a bound on how many scalars it can share with a query, read from
/// eight bytes instead of a merge over both names' scalars.
///
/// Every scalar falls in one of 32 buckets (the 26 Latin letters, the space
/// and the digits each have their own; every other scalar one of four
/// hashed buckets). Where the name holds n scalars of a bucket and the query
/// q, at least q − n of the query's cannot be shared, so
///
///     common ≤ la − Σ over buckets b of max(0, q_b − n_b)
///
/// and knowing only whether n_b is 0, 1 or at least 2 keeps it a bound
/// (sharing a bucket between scalars only lowers the subtracted sum). The
/// query's side is kept as `levels`: level k holds the buckets where the
/// query has at least k scalars, so the sum is
/// `popcount(level₁ & ~once) + Σ_{k ≥ 2} popcount(level_k & ~twice)`.
/// Levels beyond `maxLevels` are left out, which only loosens the bound.
enum ScalarSignature {
    static let maxLevels = 8

    @inline(__always)
    static func bucket(_ scalar: UInt32) -> UInt32 {
        switch scalar {
        case 0x61 ... 0x7A: return scalar - 0x61
        case 0x20: return 26
        case 0x30 ... 0x39: return 27
        default: return 28 + UInt32(truncatingIfNeeded: (UInt64(scalar) &* 0x9E37_79B9_7F4A_7C15) >> 62)
        }
    }

    /// The buckets these scalars fall in (low half) and those they fall in twice or more (high half).
    static func of<C: Collection>(_ scalars: C) -> UInt64 where C.Element: FixedWidthInteger {
        var once: UInt32 = 0, twice: UInt32 = 0
        for scalar in scalars {
            let bit: UInt32 = 1 << bucket(UInt32(truncatingIfNeeded: scalar))
            twice |= once & bit
            once |= bit
        }
        return UInt64(once) | UInt64(twice) << 32
    }

    /// The query's level masks (see above), at most `maxLevels` of them.
    static func levels(_ scalars: [UInt32]) -> [UInt32] {
        var counts = [UInt8](repeating: 0, count: 32)
        for scalar in scalars {
            let b = Int(bucket(scalar))
            if counts[b] < UInt8(maxLevels) { counts[b] += 1 }
        }
        var out: [UInt32] = []
        for level in 1 ... maxLevels {
            var mask: UInt32 = 0
            for b in 0 ..< 32 where Int(counts[b]) >= level { mask |= 1 << UInt32(b) }
            if mask == 0 { break }
            out.append(mask)
        }
        return out
    }

    /// How many query scalars cannot be shared with a name of signature `name`.
    @inline(__always)
    static func missing(_ levels: [UInt32], name: UInt64) -> Int {
        guard let first = levels.first else { return 0 }
        let once = UInt32(truncatingIfNeeded: name), twice = UInt32(truncatingIfNeeded: name >> 32)
        var total = (first & ~once).nonzeroBitCount
        for k in levels.indices.dropFirst() { total &+= (levels[k] & ~twice).nonzeroBitCount }
        return total
    }
}
