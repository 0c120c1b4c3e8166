/// One bit per indexed name for each common scalar occurrence (the k-th `a`
/// of a name): the count bound of `ScreeningBounds` worked out for 64 names
/// at a time, with no read of any name's own bytes.
///
/// A name reaches θ against a query of length la only if it holds at least
/// `common` of the query's la scalar occurrences, that is, lacks at most
/// la − common of them. `survivors` walks the names of a range one 64-bit
/// word at a time, ANDing in one occurrence's bitmap after another (the
/// rarest first) and keeping, per name, whether it already lacks 1, 2, …,
/// la − common + 1 of them; a word is left as soon as all its names lack too
/// many. Posting lists did the same work one name id at a time, and at
/// 1,000,000 names most of a query's time went to reading those ids and the
/// scattered names they pointed at.
///
/// Only occurrences that many names hold get a bitmap (`denseMinimum`); a
/// rare occurrence keeps its posting list (which is short), and the pass
/// counts only the query's occurrences that have bitmaps: a name lacking at
/// most la − common of all the query's occurrences lacks at most that many
/// of these, so the pass never drops a name the bound keeps.
struct OccurrenceBitmaps: Sendable, Equatable {
    /// `key(scalar, occurrence)` of each bitmap, ascending.
    let keys: [UInt64]
    /// How many names hold each key: the pass reads the rarest first.
    let counts: [UInt32]
    /// Bitmap k is `words[k * wordCount ..< (k + 1) * wordCount]`; bit i of word w is name 64·w + i.
    let words: [UInt64]
    let wordCount: Int

    init(keys: [UInt64], counts: [UInt32], words: [UInt64], wordCount: Int) {
        self.keys = keys
        self.counts = counts
        self.words = words
        self.wordCount = wordCount
    }

    static func key(_ scalar: UInt32, _ occurrence: Int) -> UInt64 { UInt64(scalar) << 32 | UInt64(truncatingIfNeeded: occurrence) }

    static func wordCount(names: Int) -> Int { (names + 63) / 64 }

    /// An occurrence gets a bitmap when at least this many names hold it:
    /// one in 512 names (and at least 64), so that no bitmap costs more than
    /// 64 bytes per name holding it. At one in 64, the query's occurrences
    /// just below it were posted names checked one by one: at 1,000,000
    /// names, the third `m` of `Mohammed Luis Chen` was 8,600 such checks,
    /// and the bitmaps it added cost 12 MB of the index's 420.
    static func defaultDenseMinimum(names: Int) -> Int { max(64, names / 512) }

    /// Bitmaps for the occurrences at least `denseMinimum` of the names
    /// hold. `occurrences(id, emit)` must emit each occurrence key of name
    /// `id` once, the same way each time (it runs twice).
    static func build(names: Int, denseMinimum: Int, occurrences: (Int, (UInt64) -> Void) -> Void) -> OccurrenceBitmaps {
        var tally: [UInt64: Int] = [:]
        for id in 0 ..< names { occurrences(id) { tally[$0, default: 0] += 1 } }
        let keys = tally.filter { $0.value >= max(1, denseMinimum) }.keys.sorted()
        let wordCount = wordCount(names: names)
        var words = [UInt64](repeating: 0, count: keys.count * wordCount)
        var slots: [UInt64: Int] = [:]
        for (slot, key) in keys.enumerated() { slots[key] = slot }
        for id in 0 ..< names {
            occurrences(id) { key in
                guard let slot = slots[key] else { return }
                words[slot * wordCount + id / 64] |= 1 << UInt64(id % 64)
            }
        }
        return OccurrenceBitmaps(keys: keys, counts: keys.map { UInt32(clamping: tally[$0] ?? 0) }, words: words, wordCount: wordCount)
    }

    /// The bitmap of a key, if it has one.
    func slot(_ key: UInt64) -> Int? {
        var low = 0, high = keys.count
        while low < high {
            let middle = (low + high) / 2
            if keys[middle] < key { low = middle + 1 } else { high = middle }
        }
        return low < keys.count && keys[low] == key ? low : nil
    }

    /// Whether the arrays fit one another (what a cache read from disk must pass).
    func isWellFormed(names: Int) -> Bool {
        wordCount == Self.wordCount(names: names) && counts.count == keys.count && words.count == keys.count * wordCount
            && zip(keys, keys.dropFirst()).allSatisfy { $0 < $1 }
    }

    var byteCount: Int { keys.count * 12 + words.count * 8 }

    /// Calls `body` with every name of `range`, ascending, that lacks at most
    /// `allowed` of the bitmaps `slots` (each read in the order given:
    /// rarest first leaves a word soonest).
    func survivors(_ slots: [Int], missingAtMost allowed: Int, in range: Range<Int>, _ body: (Int) -> Void) {
        guard !range.isEmpty else { return }
        guard allowed < slots.count else {
            for id in range { body(id) }
            return
        }
        let firstWord = range.lowerBound / 64, lastWord = (range.upperBound - 1) / 64
        words.withUnsafeBufferPointer { all in
            guard let base = all.baseAddress else { return }
            let bitmaps = slots.map { base + $0 * wordCount }
            // The counts of `lacking`, made once for the walk rather than once per word.
            let counts = UnsafeMutableBufferPointer<UInt64>.allocate(capacity: allowed < Self.registerCounts ? 0 : allowed + 1)
            defer { counts.deallocate() }
            bitmaps.withUnsafeBufferPointer { bitmaps in
                for word in firstWord ... lastWord {
                    var inRange = UInt64.max
                    if word == firstWord { inRange &= UInt64.max << UInt64(range.lowerBound % 64) }
                    if word == lastWord, range.upperBound % 64 != 0 { inRange &= UInt64.max >> UInt64(64 - range.upperBound % 64) }
                    let dead = allowed < Self.registerCounts
                        ? Self.lackingInRegisters(bitmaps, word: word, inRange: inRange, allowed: allowed)
                        : Self.lacking(bitmaps, word: word, inRange: inRange, allowed: allowed, counts: counts)
                    var alive = inRange & ~dead
                    while alive != 0 {
                        body(word * 64 + alive.trailingZeroBitCount)
                        alive &= alive &- 1
                    }
                }
            }
        }
    }

    /// Counts up to this many absences are kept in registers.
    static let registerCounts = 8

    /// The names of `word` (within `inRange`) that lack more than `allowed`
    /// (< `registerCounts`) of `bitmaps`. l_j holds the names lacking at
    /// least j + 1 of the bitmaps read so far; each bitmap moves the names it
    /// lacks up one count, all eight counts at once.
    @inline(__always)
    private static func lackingInRegisters(
        _ bitmaps: UnsafeBufferPointer<UnsafePointer<UInt64>>, word: Int, inRange: UInt64, allowed: Int
    ) -> UInt64 {
        var l0: UInt64 = 0, l1: UInt64 = 0, l2: UInt64 = 0, l3: UInt64 = 0
        var l4: UInt64 = 0, l5: UInt64 = 0, l6: UInt64 = 0, l7: UInt64 = 0
        var read = 0
        for bitmap in bitmaps {
            let absent = ~bitmap[word] & inRange
            l7 |= l6 & absent
            l6 |= l5 & absent
            l5 |= l4 & absent
            l4 |= l3 & absent
            l3 |= l2 & absent
            l2 |= l1 & absent
            l1 |= l0 & absent
            l0 |= absent
            read += 1
            // Checked every fourth bitmap: the test costs about as much as a bitmap.
            if read > allowed, read & 3 == 0, Self.pick(allowed, l0, l1, l2, l3, l4, l5, l6, l7) == inRange { return inRange }
        }
        return Self.pick(allowed, l0, l1, l2, l3, l4, l5, l6, l7)
    }

    @inline(__always)
    private static func pick(
        _ j: Int, _ l0: UInt64, _ l1: UInt64, _ l2: UInt64, _ l3: UInt64, _ l4: UInt64, _ l5: UInt64, _ l6: UInt64, _ l7: UInt64
    ) -> UInt64 {
        switch j {
        case 0: return l0
        case 1: return l1
        case 2: return l2
        case 3: return l3
        case 4: return l4
        case 5: return l5
        case 6: return l6
        default: return l7
        }
    }

    /// As `lackingInRegisters`, for any `allowed`, with the counts in memory.
    private static func lacking(
        _ bitmaps: UnsafeBufferPointer<UnsafePointer<UInt64>>, word: Int, inRange: UInt64, allowed: Int,
        counts lacking: UnsafeMutableBufferPointer<UInt64>
    ) -> UInt64 {
        lacking.update(repeating: 0)
        var read = 0
        for bitmap in bitmaps {
            let absent = ~bitmap[word] & inRange
            var j = allowed
            while j > 0 {
                lacking[j] |= lacking[j - 1] & absent
                j -= 1
            }
            lacking[0] |= absent
            read += 1
            if read > allowed, lacking[allowed] == inRange { return inRange }
        }
        return lacking[allowed]
    }
}
