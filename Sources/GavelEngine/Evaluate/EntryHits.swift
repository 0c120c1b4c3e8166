/// One case name's `NameScorer` hits against a list's entries, by entry
/// position: open addressing on the position itself (Fibonacci hashing),
/// with no hasher to seed and finish per look-up.
///
/// Why not a `Dictionary`: at 1,000,000 names a common name's screen stores
/// thousands of hits, and a dictionary keyed by the whole score key spent
/// about a sixth of the screen hashing it, mostly again each time it grew.
struct EntryHits {
    /// Position + 1 per slot (0: empty); a power of two of them, or none yet.
    private var keys: [UInt64] = []
    /// Where each slot's hit is in `hits`.
    private var places: [Int] = []
    private var hits: [NameScorer.Hit] = []
    private var shift: UInt64 = 64

    var count: Int { hits.count }

    /// The hit stored for the entry at `position`, if any.
    func hit(_ position: Int) -> NameScorer.Hit? {
        guard !keys.isEmpty else { return nil }
        let key = UInt64(truncatingIfNeeded: position) &+ 1
        var slot = home(key)
        while true {
            let found = keys[slot]
            if found == key { return hits[places[slot]] }
            if found == 0 { return nil }
            slot = (slot + 1) & (keys.count - 1)
        }
    }

    /// Stores `hit` for the entry at `position` (in place of one stored before) and returns it.
    mutating func remember(_ hit: NameScorer.Hit, _ position: Int) -> NameScorer.Hit {
        reserve(hits.count + 1)
        let key = UInt64(truncatingIfNeeded: position) &+ 1
        var slot = home(key)
        while keys[slot] != 0, keys[slot] != key { slot = (slot + 1) & (keys.count - 1) }
        if keys[slot] == key {
            hits[places[slot]] = hit
        } else {
            keys[slot] = key
            places[slot] = hits.count
            hits.append(hit)
        }
        return hit
    }

    /// Room for `count` hits without growing, kept at most half full.
    mutating func reserve(_ count: Int) {
        guard count * 2 > keys.count else { return }
        var capacity = max(16, keys.count)
        while count * 2 > capacity { capacity *= 2 }
        let oldKeys = keys, oldPlaces = places
        keys = [UInt64](repeating: 0, count: capacity)
        places = [Int](repeating: 0, count: capacity)
        shift = UInt64(64 - capacity.trailingZeroBitCount)
        hits.reserveCapacity(count)
        for (key, place) in zip(oldKeys, oldPlaces) where key != 0 {
            var slot = home(key)
            while keys[slot] != 0 { slot = (slot + 1) & (capacity - 1) }
            keys[slot] = key
            places[slot] = place
        }
    }

    private func home(_ key: UInt64) -> Int { Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift) }
}
