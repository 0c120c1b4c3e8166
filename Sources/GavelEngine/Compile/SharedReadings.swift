/// The readings of a list's names, one `ListedNameReadings` per distinct
/// text: readings are a function of the text alone, and a large list
/// repeats its common names (at 1,000,000 generated names, 724,359 distinct
/// texts, `Omar Qureshi` alone 1,269 entries' name). Each text's readings
/// are then made once, and a screen that finds those entries reads one
/// copy, not one scattered copy each.
///
/// Texts are the same when their UTF-8 bytes are (the readings are worked
/// out from those). Found through a table of their own, keyed by a hash
/// of the bytes: a `Dictionary` of `String` hashed and compared each text
/// as Unicode, and added nearly a third to loading a list of 1,000,000
/// names (callgrind, with its index cached).
struct SharedReadings {
    /// Name k's readings, names numbered entry by entry, each entry's
    /// primary name first, then its aliases.
    let readings: [ListedNameReadings]
    /// Entry i's names are `readings[starts[i] ..< starts[i + 1]]`.
    let starts: [Int]

    init(_ entries: [ListEntry]) {
        var texts: [String] = []
        var starts = [0]
        starts.reserveCapacity(entries.count + 1)
        texts.reserveCapacity(entries.count)
        // By index: `for entry in entries` copied each entry, every field retained.
        for position in entries.indices {
            texts.append(entries[position].name)
            texts.append(contentsOf: entries[position].aliases)
            starts.append(texts.count)
        }
        self.starts = starts
        // (Past 32-bit numbers, which no list that fits in memory reaches, each name keeps readings of its own.)
        guard texts.count < Int(Int32.max) else {
            readings = texts.map { ListedNameReadings(text: $0, normalized: nil) }
            return
        }
        let named = texts
        let firsts = Self.firsts(named, hashes: Concurrently.map(named.count) { Self.hash(named[$0]) })
        // The first name of each text gets its readings, on every core; the others share them.
        let made = Concurrently.map(named.count) { number in
            firsts[number] == number ? ListedNameReadings(text: named[number], normalized: nil) : nil
        }
        readings = named.indices.map { number in made[firsts[number]] ?? ListedNameReadings(text: named[number], normalized: nil) }
    }

    /// Each text's number of the first text with its bytes, through a table
    /// of those first numbers (plus one: 0 is an empty slot) probed by each
    /// text's hash.
    private static func firsts(_ texts: [String], hashes: [UInt64]) -> [Int] {
        var capacity = 16
        while capacity < texts.count * 2 { capacity *= 2 }
        var slots = [Int32](repeating: 0, count: capacity)
        var firsts: [Int] = []
        firsts.reserveCapacity(texts.count)
        for number in texts.indices {
            let hash = hashes[number]
            var slot = Int(truncatingIfNeeded: hash & UInt64(capacity - 1))
            while true {
                let held = Int(slots[slot]) - 1
                if held < 0 {
                    slots[slot] = Int32(truncatingIfNeeded: number + 1)
                    firsts.append(number)
                    break
                }
                if hashes[held] == hash, texts[held].hasSameUTF8(as: texts[number]) {
                    firsts.append(held)
                    break
                }
                slot = (slot + 1) & (capacity - 1)
            }
        }
        return firsts
    }

    /// The readings of entry `position`'s names, in its order.
    func of(_ position: Int) -> ArraySlice<ListedNameReadings> { readings[starts[position] ..< starts[position + 1]] }

    private static func hash(_ text: String) -> UInt64 {
        var checksum = Checksum(), text = text
        text.withUTF8 { checksum.add(bytes: UnsafeRawBufferPointer($0)) }
        return checksum.value
    }
}
