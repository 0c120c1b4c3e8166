import GavelSyntax

/// Jaro–Winkler similarity as in Winkler's reference code (strcmp95 core,
/// without its extensions): match window ⌊max(|a|,|b|)/2⌋−1, transpositions
/// halved with integer division, prefix scale 0.1 over at most 4 scalars,
/// boost applied only when Jaro > 0.7. Compares Unicode scalars, not
/// grapheme clusters or UTF-8 bytes.
package enum JaroWinkler {
    static let prefixScale = 0.1
    static let maxPrefix = 4
    static let boostThreshold = 0.7

    /// 1.0 for identical strings (so two empty strings score 1.0), 0.0 when
    /// exactly one is empty or nothing matches.
    package static func similarity(_ a: String, _ b: String) -> Double {
        if a.utf8.elementsEqual(b.utf8) { return 1.0 }
        if isASCII(a), isASCII(b) {
            // Native Swift strings are contiguous UTF-8; the fallback copies.
            let fast = a.utf8.withContiguousStorageIfAvailable { pa in
                b.utf8.withContiguousStorageIfAvailable { pb in score(pa, pb) }
            }
            if let result = fast ?? nil { return result }
            let ua = Array(a.utf8), ub = Array(b.utf8)
            return ua.withUnsafeBufferPointer { pa in ub.withUnsafeBufferPointer { pb in score(pa, pb) } }
        }
        let sa = a.unicodeScalars.map(\.value), sb = b.unicodeScalars.map(\.value)
        return sa.withUnsafeBufferPointer { pa in sb.withUnsafeBufferPointer { pb in score(pa, pb) } }
    }

    /// The highest `nameScore` two strings of these lengths (in Unicode
    /// scalars) can reach, whatever they hold: Jaro is at most
    /// (1 + short/long + 1)/3, since no more than the shorter string's
    /// scalars can match, and the Winkler boost adds at most 0.4 of what is
    /// left. Sorting tokens keeps a string's length, so the bound holds for
    /// both scores. It lets screening skip pairs that cannot reach a
    /// threshold without computing them (a megabyte-long "name" costs a
    /// length comparison per list name, not a quadratic scan).
    package static func upperBound(_ lengthA: Int, _ lengthB: Int) -> Double {
        if lengthA == lengthB { return 1.0 }
        guard lengthA > 0, lengthB > 0 else { return 0.0 }
        let ratio = Double(min(lengthA, lengthB)) / Double(max(lengthA, lengthB))
        let jaro = (2.0 + ratio) / 3.0
        return jaro > boostThreshold ? jaro + Double(maxPrefix) * prefixScale * (1.0 - jaro) : jaro
    }

    /// The better of Jaro–Winkler on the whole strings and on their tokens
    /// sorted (by UTF-8 bytes) and re-joined, so reordered names still score.
    /// Inputs are expected to be `NameNormalizer.normalize` output.
    package static func nameScore(_ a: String, _ b: String) -> Double {
        nameScore(a, b, sortedA: nil)
    }

    /// The same, reusing the sorted tokens a case's form brings (see
    /// `NameForm.sortedTokenBytes`): set only for an ASCII text with a space.
    static func nameScore(_ a: NameForm, _ b: NameForm) -> Double {
        guard a.isASCII, b.isASCII else { return nameScore(a.text, b.text, sortedA: a.sortedTokenBytes) }
        // The same steps as for two Strings, with what the forms already know of their texts.
        let whole =
            a.text.utf8.withContiguousStorageIfAvailable { pa in
                b.text.utf8.withContiguousStorageIfAvailable { pb in pa.elementsEqual(pb) ? 1.0 : score(pa, pb) }
            } ?? nil
        guard let whole else { return nameScore(a.text, b.text, sortedA: a.sortedTokenBytes) }
        if whole == 1.0 { return whole }
        guard a.hasSpace || b.hasSpace else { return whole }
        // The texts are passed, not the forms: a closure capturing a form copied it.
        return max(whole, sortedTokenScore(a.text, sortedA: a.sortedTokenBytes, b.text))
    }

    private static func nameScore(_ a: String, _ b: String, sortedA: [UInt8]?) -> Double {
        let whole = similarity(a, b)
        if whole == 1.0 { return whole }
        // Single-token names sort to themselves.
        guard sortedA != nil || a.utf8.contains(0x20) || b.utf8.contains(0x20) else { return whole }
        guard sortedA != nil || isASCII(a), isASCII(b) else {
            return max(whole, similarity(sortedTokens(a), sortedTokens(b)))
        }
        return max(whole, sortedTokenScore(a, sortedA: sortedA, b))
    }

    /// Jaro–Winkler on the two ASCII texts' tokens sorted, `a`'s given as
    /// `sortedA` when a case form brings them. Normalised names are nearly
    /// always ASCII; sorting byte ranges avoids building intermediate Strings
    /// on the hot path, and sorting the listed name in scratch memory avoids
    /// three allocations for every candidate name a case's name meets.
    private static func sortedTokenScore(_ a: String, sortedA: [UInt8]?, _ b: String) -> Double {
        withSortedTokenBytes(b) { pb in
            if let sortedA { return sortedA.withUnsafeBufferPointer { pa in score(pa, pb) } }
            return withSortedTokenBytes(a) { pa in score(pa, pb) }
        }
    }

    /// Calls `body` with `sortedTokenBytes(s)`, built in scratch memory.
    static func withSortedTokenBytes<R>(_ s: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if let result = s.utf8.withContiguousStorageIfAvailable({ sortingTokens($0, body) }) { return result }
        var text = s
        return text.withUTF8 { sortingTokens($0, body) }
    }

    /// Calls `body` with the tokens of `bytes` (runs between U+0020, empty
    /// ones dropped) sorted and joined by single spaces, built in scratch
    /// memory: for UTF-8 bytes or for Unicode scalars.
    static func sortingTokens<T: FixedWidthInteger, R>(_ bytes: UnsafeBufferPointer<T>, _ body: (UnsafeBufferPointer<T>) -> R) -> R {
        withUnsafeTemporaryAllocation(of: Range<Int>.self, capacity: bytes.count / 2 + 1) { tokens in
            var count = 0
            var start = 0
            while start < bytes.count {
                while start < bytes.count, bytes[start] == 0x20 { start += 1 }
                var end = start
                while end < bytes.count, bytes[end] != 0x20 { end += 1 }
                if end > start {
                    tokens.initializeElement(at: count, to: start ..< end)
                    count += 1
                }
                start = end
            }
            var used = UnsafeMutableBufferPointer(rebasing: tokens[..<count])
            used.sort { UnsafeBufferPointer(rebasing: bytes[$0]).lexicographicallyPrecedes(UnsafeBufferPointer(rebasing: bytes[$1])) }
            return withUnsafeTemporaryAllocation(of: T.self, capacity: max(1, bytes.count)) { out in
                var length = 0
                for token in used {
                    if length > 0 {
                        out[length] = 0x20
                        length += 1
                    }
                    for i in token {
                        out[length] = bytes[i]
                        length += 1
                    }
                }
                return body(UnsafeBufferPointer(rebasing: out[..<length]))
            }
        }
    }

    static func sortedTokens(_ s: String) -> String {
        s.split(separator: " ")
            .sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            .joined(separator: " ")
    }

    /// Same result as `sortedTokens` (UTF-8 order is scalar order), as bytes.
    static func sortedTokenBytes(_ s: String) -> [UInt8] {
        withSortedTokenBytes(s) { Array($0) }
    }

    /// The non-empty runs between space bytes: in ASCII, `String.split`'s tokens.
    static func tokenRanges(_ bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var start = 0
        while start < bytes.count {
            while start < bytes.count, bytes[start] == 0x20 { start += 1 }
            var end = start
            while end < bytes.count, bytes[end] != 0x20 { end += 1 }
            if end > start { out.append(start ..< end) }
            start = end
        }
        return out
    }

    static func isASCII(_ s: String) -> Bool {
        s.utf8.allSatisfy { $0 < 0x80 }
    }

    static func score<T: FixedWidthInteger>(_ a: UnsafeBufferPointer<T>, _ b: UnsafeBufferPointer<T>) -> Double {
        let la = a.count, lb = b.count
        if la == 0 || lb == 0 { return la == lb ? 1.0 : 0.0 }
        if la <= 64, lb <= 64 { return scoreByMasks(a, b) }
        return scoreByFlags(a, b)
    }

    /// `score` with the matched scalars of each side kept as 64-bit masks and
    /// b's scalars found through a table of their positions, so that each
    /// scalar of a looks at the positions in its window that hold its
    /// scalar, not at every position in the window. The table is keyed by the
    /// scalar's low 6 bits (only the keys b holds are written); scalars that share a key are
    /// told apart by comparing them, in position order, so the first
    /// unmatched equal scalar in the window is taken exactly as
    /// `scoreByFlags` takes it. For names of at most 64 scalars: nearly all.
    static func scoreByMasks<T: FixedWidthInteger>(_ a: UnsafeBufferPointer<T>, _ b: UnsafeBufferPointer<T>) -> Double {
        let la = a.count, lb = b.count
        let window = max(0, max(la, lb) / 2 - 1)
        return withUnsafeTemporaryAllocation(of: UInt64.self, capacity: 64) { positions in
            // Only the keys b holds are written, and `present` says which: clearing all 64 cost more
            // than the rest of the score for the short words `TokenAlignment` compares by the million.
            var present: UInt64 = 0
            for j in 0 ..< lb {
                let key = Int(truncatingIfNeeded: b[j]) & 63
                let bit: UInt64 = 1 << UInt64(j)
                if present & (1 << UInt64(key)) == 0 {
                    present |= 1 << UInt64(key)
                    positions.initializeElement(at: key, to: bit)
                } else {
                    positions[key] |= bit
                }
            }
            var matchedA: UInt64 = 0, matchedB: UInt64 = 0
            var matches = 0
            for i in 0 ..< la {
                let lo = max(0, i - window)
                let hi = min(lb - 1, i + window)
                if lo > hi { continue }
                let key = Int(truncatingIfNeeded: a[i]) & 63
                guard present & (1 << UInt64(key)) != 0 else { continue }
                let width = hi - lo + 1
                let inWindow = (width == 64 ? UInt64.max : (1 << UInt64(width)) - 1) << UInt64(lo)
                var candidates = positions[key] & inWindow & ~matchedB
                while candidates != 0 {
                    let j = candidates.trailingZeroBitCount
                    if b[j] == a[i] {
                        matchedA |= 1 << UInt64(i)
                        matchedB |= 1 << UInt64(j)
                        matches += 1
                        break
                    }
                    candidates &= candidates &- 1
                }
            }
            if matches == 0 { return 0.0 }
            var outOfOrder = 0
            var restA = matchedA, restB = matchedB
            while restA != 0 {
                if a[restA.trailingZeroBitCount] != b[restB.trailingZeroBitCount] { outOfOrder += 1 }
                restA &= restA &- 1
                restB &= restB &- 1
            }
            return winkler(a, b, matches: matches, outOfOrder: outOfOrder)
        }
    }

    /// `score` for any lengths, with a flag per scalar: Winkler's loop as written.
    static func scoreByFlags<T: Equatable>(_ a: UnsafeBufferPointer<T>, _ b: UnsafeBufferPointer<T>) -> Double {
        let la = a.count, lb = b.count
        if la == 0 || lb == 0 { return la == lb ? 1.0 : 0.0 }
        let window = max(0, max(la, lb) / 2 - 1)

        return withUnsafeTemporaryAllocation(of: Bool.self, capacity: la + lb) { flags in
            flags.initialize(repeating: false)
            defer { flags.deinitialize() }
            // flags[0..<la] marks matched scalars of a, flags[la...] those of b.
            var matches = 0
            for i in 0 ..< la {
                let lo = max(0, i - window)
                let hi = min(lb - 1, i + window)
                if lo > hi { continue }
                for j in lo ... hi where !flags[la + j] && a[i] == b[j] {
                    flags[i] = true
                    flags[la + j] = true
                    matches += 1
                    break
                }
            }
            if matches == 0 { return 0.0 }

            var outOfOrder = 0
            var k = 0
            for i in 0 ..< la where flags[i] {
                while !flags[la + k] { k += 1 }
                if a[i] != b[k] { outOfOrder += 1 }
                k += 1
            }
            return winkler(a, b, matches: matches, outOfOrder: outOfOrder)
        }
    }

    /// Jaro from the matches and the scalars matched out of order, then the Winkler prefix boost.
    private static func winkler<T: Equatable>(
        _ a: UnsafeBufferPointer<T>, _ b: UnsafeBufferPointer<T>, matches: Int, outOfOrder: Int
    ) -> Double {
        let la = a.count, lb = b.count
        let m = Double(matches)
        let t = Double(outOfOrder / 2)
        let jaro = (m / Double(la) + m / Double(lb) + (m - t) / m) / 3.0
        guard jaro > boostThreshold else { return jaro }

        var prefix = 0
        let limit = min(maxPrefix, la, lb)
        while prefix < limit, a[prefix] == b[prefix] { prefix += 1 }
        return jaro + Double(prefix) * prefixScale * (1.0 - jaro)
    }
}
