/// Which groups of scalars a name holds, as 32 bits: a bound on how many
/// scalars it can share with a query, read from four bytes instead of a
/// merge over both names' scalars.
///
/// Every scalar falls in one bucket (the 26 Latin letters, the space and
/// the digits each have their own; every other scalar one of four hashed
/// buckets). A query scalar whose bucket the name lacks cannot be one of
/// the scalars they share, so
///
///     common ≤ la − Σ over buckets b the name lacks of (query scalars in b)
///
/// which holds whatever shares a bucket, since sharing only makes the
/// subtracted sum smaller. The query's side is kept as `levels`: level k
/// holds the buckets where the query has at least k scalars, so the sum is
/// `Σ_k popcount(level_k & ~name)`. Levels beyond `maxLevels` are left out,
/// which again only loosens the bound.
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

    /// The buckets these scalars fall in.
    static func of<C: Collection>(_ scalars: C) -> UInt32 where C.Element: FixedWidthInteger {
        var mask: UInt32 = 0
        for scalar in scalars { mask |= 1 << bucket(UInt32(truncatingIfNeeded: scalar)) }
        return mask
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
    static func missing(_ levels: [UInt32], name: UInt32) -> Int {
        let absent = ~name
        var total = 0
        for level in levels { total &+= (level & absent).nonzeroBitCount }
        return total
    }
}
