import Testing

@testable import GavelEngine

/// A case's memo of scores answers for the entry and the scoring it was
/// asked for and no other: a table that lost a hit when it grew, or found
/// one under a neighbour's position, or a memo that shared hits between
/// floors, lists or spelling filters, would give an entry another entry's
/// score.
@Suite("A case's memo of entry scores")
struct EntryHitsTests {
    static func hit(_ position: Int) -> NameScorer.Hit {
        NameScorer.Hit(score: Double(position % 10_000) / 10_000, name: "entry \(position)", method: .fuzzy, reading: .plain)
    }

    /// Positions that share home slots at every size (multiples of a large
    /// power of two), the first and the largest, and a run of neighbours.
    static let positions: [Int] = [0, 1, 2, Int(UInt32.max) - 1, Int(UInt32.max)] + (1 ... 40).map { $0 << 20 } + Array(500 ..< 900)

    @Test("every hit stored is found, through every growth, and only those")
    func storedAndFound() {
        var hits = EntryHits()
        #expect(hits.hit(0) == nil)
        for (count, position) in Self.positions.enumerated() {
            #expect(hits.remember(Self.hit(position), position) == Self.hit(position))
            #expect(hits.count == count + 1)
            // Checked after each insertion: a growth that dropped or misplaced one shows at once.
            for earlier in Self.positions.prefix(count + 1) { #expect(hits.hit(earlier) == Self.hit(earlier)) }
        }
        for absent in [3, 499, 900, 41 << 20, Int(UInt32.max) - 2] { #expect(hits.hit(absent) == nil) }
    }

    @Test("room reserved ahead keeps what is stored")
    func reserveKeeps() {
        var hits = EntryHits()
        for position in 0 ..< 10 { _ = hits.remember(Self.hit(position), position) }
        hits.reserve(5_000)
        for position in 0 ..< 10 { #expect(hits.hit(position) == Self.hit(position)) }
        #expect(hits.hit(10) == nil)
        #expect(hits.count == 10)
    }

    @Test("scorings differ by list, name, floor and spelling filter, and keep their own hits")
    func scoringsApart() {
        var memo = ScreeningMemo()
        var filter = SpellingFilter()
        filter.number = 3
        let scorings = [
            memo.scoring(list: 0, name: 0, floor: 0.92), memo.scoring(list: 1, name: 0, floor: 0.92),
            memo.scoring(list: 0, name: 1, floor: 0.92), memo.scoring(list: 0, name: 0, floor: 0.85),
            memo.scoring(list: 0, name: 0, floor: 0.92, spellings: filter),
        ]
        for (offset, scoring) in scorings.enumerated() { _ = memo.remember(Self.hit(offset), scoring, entry: 7) }
        for (offset, scoring) in scorings.enumerated() {
            #expect(memo.score(scoring, entry: 7) == Self.hit(offset))
            #expect(memo.score(scoring, entry: 8) == nil)
        }
        // Asked again, a scoring is the same one, with its hits.
        #expect(memo.score(memo.scoring(list: 0, name: 0, floor: 0.85), entry: 7) == Self.hit(3))
    }
}
