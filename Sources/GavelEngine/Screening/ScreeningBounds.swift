/// What a `nameScore` threshold demands of a pair of names before it is
/// computed: the bounds `ScreeningIndex` uses to skip pairs without losing any.
///
/// For strings of lengths `la`, `lb` with `m` matching scalars, `t` halved
/// transpositions and common prefix `p` (at most `JaroWinkler.maxPrefix`):
///
///     jaro = (m/la + m/lb + (m − t)/m) / 3  ≤  (m/la + m/lb + 1) / 3
///     score = jaro,                          when jaro ≤ 0.7
///           = jaro + 0.1·p·(1 − jaro),       otherwise
///
/// The score never falls as jaro rises (for a fixed p), so `score ≥ θ`
/// implies `jaro ≥ requiredJaro(θ, p)`, and then
/// `m ≥ (3·requiredJaro − 1) · la·lb/(la + lb)`. Jaro's matches pair equal
/// scalars one to one, so `m` is at most the size of the two names' scalar
/// multisets' intersection: a count that needs no alignment and is the same
/// for the whole name and for its tokens sorted (sorting keeps every scalar).
enum ScreeningBounds {
    /// Scores are rounded to four places before they are compared: a raw
    /// score down to θ − 0.00005 can still be reported as θ. Bounds work
    /// with this much below a threshold, as `Screener` always has.
    static let roundingMargin = 0.0001
    /// Slack for the floating-point arithmetic of the bounds themselves: it
    /// may only make a bound looser.
    static let arithmeticSlack = 1e-9

    /// The lowest Jaro similarity that lets a pair with a common prefix of
    /// `prefix` scalars reach `threshold` (already lowered by the margin).
    static func requiredJaro(_ threshold: Double, prefix: Int) -> Double {
        let boostFloor = JaroWinkler.boostThreshold
        if threshold <= boostFloor { return threshold }
        let scale = Double(min(prefix, JaroWinkler.maxPrefix)) * JaroWinkler.prefixScale
        return max(boostFloor, (threshold - scale) / (1.0 - scale))
    }

    /// The fewest common scalars two names of these lengths need for their
    /// Jaro similarity to reach `jaro`; more than `min(la, lb)` means never.
    static func requiredCommon(_ la: Int, _ lb: Int, jaro: Double) -> Int {
        let needed = (3.0 * jaro - 1.0) * Double(la) * Double(lb) / Double(la + lb)
        return max(1, Int((needed - arithmeticSlack).rounded(.up)))
    }

    /// Lengths a name may have to reach `jaro` against a name of length `la`:
    /// Jaro is at most (2 + short/long)/3. Empty when none can.
    static func lengthRange(_ la: Int, jaro: Double, longest: Int) -> Range<Int> {
        let ratio = 3.0 * jaro - 2.0 - arithmeticSlack
        guard ratio > 1e-6 else { return 1 ..< longest + 1 }
        let low = max(1, Int((Double(la) * ratio).rounded(.up)))
        let high = min(longest, Int((Double(la) / ratio).rounded(.down)))
        return low <= high ? low ..< high + 1 : 0 ..< 0
    }

    /// Scalars the two sorted multisets share.
    static func commonCount<S: FixedWidthInteger>(_ a: UnsafeBufferPointer<S>, _ b: UnsafeBufferPointer<S>) -> Int {
        var i = 0, j = 0, common = 0
        while i < a.count, j < b.count {
            let x = a[i], y = b[j]
            if x == y {
                common += 1
                i += 1
                j += 1
            } else if x < y {
                i += 1
            } else {
                j += 1
            }
        }
        return common
    }
}
