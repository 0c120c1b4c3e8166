/// Keys to lists of name ids, in three flat arrays (so it is written to and
/// read from disk as it lies): an open-addressing table of 64-bit keys with
/// linear probing, and the postings of each slot, in slot order, in `ids`.
///
/// Keys are hashes, kept as 32-bit fingerprints that also give their home
/// slot: keys with one fingerprint are one key, built and looked up alike,
/// so they share a posting list. The index only ever uses postings as a
/// superset of candidates that are then checked exactly, so a collision
/// costs time, never a match.
struct PostingTable: Sendable {
    /// A power of two long; 0 marks an empty slot.
    let keys: [UInt32]
    /// `keys.count + 1` long: slot s holds `ids[offsets[s] ..< offsets[s + 1]]`.
    let offsets: [UInt32]
    let ids: [UInt32]

    init(keys: [UInt32], offsets: [UInt32], ids: [UInt32]) {
        self.keys = keys
        self.offsets = offsets
        self.ids = ids
    }

    /// Whether the arrays describe a table `postings` can walk without
    /// leaving them: what a table read from disk must pass before it is used.
    var isWellFormed: Bool {
        guard keys.count > 0, keys.count & (keys.count - 1) == 0, offsets.count == keys.count + 1 else { return false }
        guard offsets.first == 0, Int(offsets[offsets.count - 1]) == ids.count else { return false }
        for s in 0 ..< keys.count where offsets[s] > offsets[s + 1] { return false }
        return keys.contains(0)
    }

    /// Where the postings of `key` lie in `ids` (empty when there are none).
    func postings(_ key: UInt64) -> Range<Int> {
        let wanted = Self.stored(key)
        let mask = keys.count - 1
        var slot = Int(truncatingIfNeeded: wanted) & mask
        while true {
            let found = keys[slot]
            if found == wanted { return Int(offsets[slot]) ..< Int(offsets[slot + 1]) }
            if found == 0 { return 0 ..< 0 }
            slot = (slot + 1) & mask
        }
    }

    /// The part of `posting` whose ids lie in `names`: a posting's ids ascend.
    func postings(_ posting: Range<Int>, within names: Range<Int>) -> Range<Int> {
        func firstSlot(from id: Int) -> Int {
            var low = posting.lowerBound, high = posting.upperBound
            while low < high {
                let middle = (low + high) / 2
                if Int(ids[middle]) < id { low = middle + 1 } else { high = middle }
            }
            return low
        }
        return firstSlot(from: names.lowerBound) ..< firstSlot(from: names.upperBound)
    }

    /// Whether each key's ids ascend (as `build` lays them out, and `postings(_:within:)` needs).
    /// (Read in place, one pass over the ids: a million names' index holds
    /// 33 million, and the checked loop per key cost a quarter of a second
    /// of every load.)
    var idsAscend: Bool {
        offsets.withUnsafeBufferPointer { offsets in
            ids.withUnsafeBufferPointer { ids in
                // The ids may fall only where one key's postings end and the next's begin (offsets ascend).
                var boundary = 0
                for slot in ids.indices.dropLast() where ids[slot] > ids[slot + 1] {
                    while boundary < offsets.count, Int(offsets[boundary]) <= slot { boundary += 1 }
                    guard boundary < offsets.count, Int(offsets[boundary]) == slot + 1 else { return false }
                }
                return true
            }
        }
    }

    /// A key's fingerprint: its low 32 bits (they also pick its home slot),
    /// 1 for 0, which marks empty slots.
    static func stored(_ key: UInt64) -> UInt32 {
        let fingerprint = UInt32(truncatingIfNeeded: key)
        return fingerprint == 0 ? 1 : fingerprint
    }

    /// The table doubles when more than three quarters of its slots would
    /// be used. Half, as first built, doubled the keys and offsets of the
    /// 1,000,000-name benchmark list (to 128 MB of its 468) once its keys
    /// passed 4.2 million. Linear probing reads the slots after the home
    /// slot, 16 to a cache line, so the longer runs of a fuller table cost
    /// little beside the one cache miss every lookup pays.
    ///
    /// Builds the table from `emit`, which must call its argument with the
    /// same (key, id) pairs, ids ascending, each time it is run (it runs
    /// twice: once to count, once to fill). Nil when the postings would not
    /// fit 32-bit offsets.
    static func build(_ emit: ((UInt64, UInt32) -> Void) -> Void) -> PostingTable? {
        var keys = [UInt32](repeating: 0, count: 1 << 10)
        var counts = [UInt32](repeating: 0, count: 1 << 10)
        var used = 0
        var total = 0
        emit { key, _ in
            if (used + 1) * 4 > keys.count * 3 { grow(&keys, &counts) }
            let slot = findOrInsert(stored(key), in: &keys, used: &used)
            counts[slot] &+= 1
            total += 1
        }
        guard total < Int(UInt32.max) else { return nil }
        var offsets = [UInt32](repeating: 0, count: keys.count + 1)
        for s in 0 ..< keys.count { offsets[s + 1] = offsets[s] + counts[s] }
        var cursor = Array(offsets.dropLast())
        var ids = [UInt32](repeating: 0, count: total)
        emit { key, id in
            let slot = slotOf(stored(key), in: keys)
            ids[Int(cursor[slot])] = id
            cursor[slot] += 1
        }
        return PostingTable(keys: keys, offsets: offsets, ids: ids)
    }

    private static func slotOf(_ key: UInt32, in keys: [UInt32]) -> Int {
        let mask = keys.count - 1
        var slot = Int(truncatingIfNeeded: key) & mask
        while keys[slot] != key { slot = (slot + 1) & mask }
        return slot
    }

    private static func findOrInsert(_ key: UInt32, in keys: inout [UInt32], used: inout Int) -> Int {
        let mask = keys.count - 1
        var slot = Int(truncatingIfNeeded: key) & mask
        while true {
            if keys[slot] == key { return slot }
            if keys[slot] == 0 {
                keys[slot] = key
                used += 1
                return slot
            }
            slot = (slot + 1) & mask
        }
    }

    private static func grow(_ keys: inout [UInt32], _ counts: inout [UInt32]) {
        var newKeys = [UInt32](repeating: 0, count: keys.count * 2)
        var newCounts = [UInt32](repeating: 0, count: keys.count * 2)
        var ignored = 0
        for (key, count) in zip(keys, counts) where key != 0 {
            let slot = findOrInsert(key, in: &newKeys, used: &ignored)
            newCounts[slot] = count
        }
        keys = newKeys
        counts = newCounts
    }
}

/// A deterministic 64-bit mix (the finaliser of SplitMix64): keys are
/// written to disk, so they cannot depend on a per-process hash seed.
enum KeyMix {
    @inline(__always)
    static func mix(_ state: UInt64, _ value: UInt64) -> UInt64 {
        var x = (state ^ value) &+ 0x9E37_79B9_7F4A_7C15
        x = (x ^ (x >> 30)) &* 0xBF58_476D_1CE4_E5B9
        x = (x ^ (x >> 27)) &* 0x94D0_49BB_1331_11EB
        return x ^ (x >> 31)
    }
}
