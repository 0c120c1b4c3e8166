import Testing

@testable import GavelEngine

/// Loading a bundle maps its lists' entries on every core: the results must
/// be those of `map`, in order, whatever the count and chunk size.
@Suite("Concurrently")
struct ConcurrentlyTests {
    @Test("the same results as map, in order", arguments: [0, 1, 7, 8, 9, 63, 64, 65, 1_000, 10_007])
    func sameAsMap(count: Int) {
        for chunk in [1, 8, 64, 1_024] {
            let mapped = Concurrently.map(count, chunk: chunk) { $0 &* 2_654_435_761 ^ $0 }
            #expect(mapped == (0 ..< count).map { $0 &* 2_654_435_761 ^ $0 }, "count \(count), chunk \(chunk)")
        }
    }

    @Test("forEach hands every result over in order, block by block, and stops when asked", arguments: [0, 1, 99, 100, 101, 1_000])
    func forEachInBlocks(count: Int) {
        var seen: [Int] = []
        let finished = Concurrently.forEach(count, block: 100, chunk: 7, { $0 * 3 }) { index, value in
            seen.append(index)
            #expect(value == index * 3)
            return true
        }
        #expect(finished)
        #expect(seen == Array(0 ..< count))
        guard count > 150 else { return }
        var stoppedAt: Int?
        let stopped = Concurrently.forEach(count, block: 100, chunk: 7, { $0 }) { index, _ in
            stoppedAt = index
            return index < 150
        }
        #expect(!stopped)
        #expect(stoppedAt == 150)
    }

    @Test("an array's concurrentMap is its map")
    func arrayMap() {
        let names = (0 ..< 5_000).map { "name \($0)" }
        #expect(names.concurrentMap { $0.uppercased() } == names.map { $0.uppercased() })
    }
}
