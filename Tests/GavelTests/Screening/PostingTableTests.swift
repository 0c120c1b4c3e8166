import Testing

@testable import GavelEngine

/// The posting table's ids ascend within each key, which lets a lookup cut a
/// posting to a run of ids by binary search, and which a table read from a
/// cache file must show before it is used.
@Suite("Posting table")
struct PostingTableTests {
    /// Keys 1…20, each posted for a random ascending set of ids below 500.
    static func table(seed: UInt64) throws -> (PostingTable, [UInt64: [UInt32]]) {
        var random = SeededRandom(seed: seed)
        var posted: [UInt64: [UInt32]] = [:]
        for key in UInt64(1) ... 20 {
            posted[key] = (0 ..< 500).filter { _ in random.int(in: 0 ... 9) == 0 }.map { UInt32($0) }
        }
        let table = try #require(
            PostingTable.build { post in
                for id in UInt32(0) ..< 500 {
                    for key in UInt64(1) ... 20 where posted[key]?.contains(id) == true { post(KeyMix.mix(9, key), id) }
                }
            })
        return (table, posted)
    }

    @Test("a posting cut to a run of ids holds exactly its ids in that run", arguments: [1, 2, 3] as [UInt64])
    func cutToARun(seed: UInt64) throws {
        let (table, posted) = try Self.table(seed: seed)
        #expect(table.idsAscend)
        var random = SeededRandom(seed: seed &+ 50)
        var nonEmpty = 0
        for key in UInt64(1) ... 20 {
            let whole = table.postings(KeyMix.mix(9, key))
            for _ in 0 ..< 20 {
                let low = random.int(in: 0 ... 520), high = random.int(in: 0 ... 520)
                let run = min(low, high) ..< max(low, high)
                let cut = table.postings(whole, within: run)
                let expected = (posted[key] ?? []).filter { run.contains(Int($0)) }
                #expect(Array(table.ids[cut]) == expected, "key \(key), ids \(run)")
                nonEmpty += expected.isEmpty ? 0 : 1
            }
        }
        #expect(nonEmpty > 100)
    }

    @Test("ids that fall within a key's postings are refused; from one key's to the next they may fall")
    func idsAscend() {
        // Slot 0 holds 5, 9; slot 1 is empty; slot 2 holds 2, 7; slot 3 holds 1.
        let ascending = PostingTable(keys: [11, 0, 12, 13], offsets: [0, 2, 2, 4, 5], ids: [5, 9, 2, 7, 1])
        #expect(ascending.idsAscend)
        let falling = PostingTable(keys: [11, 0, 12, 13], offsets: [0, 2, 2, 4, 5], ids: [5, 9, 7, 2, 1])
        #expect(!falling.idsAscend)
        let fallingInTheLast = PostingTable(keys: [11, 0, 12, 13], offsets: [0, 2, 2, 3, 5], ids: [5, 9, 2, 7, 1])
        #expect(!fallingInTheLast.idsAscend)
    }
}
