import Testing

@testable import GavelEngine

/// The bitmap walk must keep exactly the names that lack at most `allowed`
/// of the bitmaps read: compared with a name-by-name count over random
/// bitmaps, ranges that start and end inside a word, and every count kept
/// in registers and in memory.
@Suite("Occurrence bitmaps")
struct OccurrenceBitmapsTests {
    @Test("survivors are the names lacking at most the allowed count", arguments: [1, 2, 3] as [UInt64])
    func survivorsMatchCounting(seed: UInt64) {
        var random = SeededRandom(seed: seed)
        let names = 64 * 5 + 17
        // Keys of varying density, so that words die early and late.
        let densities = (0 ..< 14).map { _ in random.int(in: 1 ... 99) }
        let holds = densities.map { density in (0 ..< names).map { _ in random.int(in: 0 ... 99) < density } }
        let bitmaps = OccurrenceBitmaps.build(names: names, denseMinimum: 1) { id, emit in
            for (key, holding) in holds.enumerated() where holding[id] { emit(OccurrenceBitmaps.key(UInt32(key), 1)) }
        }
        #expect(bitmaps.isWellFormed(names: names))
        var compared = 0
        for _ in 0 ..< 60 {
            let keys = (0 ..< random.int(in: 1 ... holds.count)).map { _ in random.int(in: 0 ... holds.count - 1) }
            let slots = keys.compactMap { bitmaps.slot(OccurrenceBitmaps.key(UInt32($0), 1)) }
            #expect(slots.count == keys.count)
            let lower = random.int(in: 0 ... names - 1)
            let range = lower ..< random.int(in: lower + 1 ... names)
            for allowed in 0 ... 11 {
                var found: [Int] = []
                bitmaps.survivors(slots, missingAtMost: allowed, in: range) { found.append($0) }
                let expected = range.filter { id in keys.filter { !holds[$0][id] }.count <= allowed }
                #expect(found == expected, "keys \(keys) allowed \(allowed) range \(range)")
                compared += expected.count
            }
        }
        #expect(compared > 1_000)
    }

    @Test("rare occurrences get no bitmap; a key without one is not found")
    func denseMinimum() {
        let bitmaps = OccurrenceBitmaps.build(names: 10, denseMinimum: 5) { id, emit in
            emit(OccurrenceBitmaps.key(0x61, 1))
            if id < 3 { emit(OccurrenceBitmaps.key(0x62, 1)) }
        }
        #expect(bitmaps.keys == [OccurrenceBitmaps.key(0x61, 1)])
        #expect(bitmaps.counts == [10])
        #expect(bitmaps.slot(OccurrenceBitmaps.key(0x62, 1)) == nil)
        #expect(bitmaps.words == [(1 << 10) - 1])
    }
}
