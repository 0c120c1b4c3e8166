import Testing

@testable import GavelCLI

/// The screening benchmark's generated lists stand in for real ones at sizes
/// no real list has, so what makes a query costly must scale as it does in
/// real lists: the words grow in number with the list, and no full name
/// recurs in a large share of it.
@Suite("bench-screening generated names")
struct BenchNamesTests {
    private static func names(_ count: Int, seed: UInt64) -> [String] {
        var generator = BenchNames(seed: seed)
        return generator.entries(names: count).flatMap { [$0.name] + $0.aliases }
    }

    private static func distinctWords(_ names: some Collection<String>) -> Int {
        Set(names.flatMap { $0.lowercased().split(separator: " ") }).count
    }

    @Test("the same seed gives the same names, another seed others")
    func deterministic() {
        #expect(Self.names(2_000, seed: 5) == Self.names(2_000, seed: 5))
        #expect(Self.names(2_000, seed: 5) != Self.names(2_000, seed: 6))
    }

    @Test("the vocabulary keeps growing: ten times the names use well over twice the words")
    func vocabularyGrows() {
        let names = Self.names(40_000, seed: 11)
        let small = Self.distinctWords(names.prefix(4_000)), large = Self.distinctWords(names)
        #expect(Double(large) > 2.0 * Double(small), "\(small) words in 4,000 names, \(large) in 40,000")
    }

    @Test("no full name is a large share of the list, however long it is")
    func fullNamesStayRare() {
        let names = Self.names(40_000, seed: 13).map { $0.lowercased() }
        var counts: [String: Int] = [:]
        for name in names { counts[name, default: 0] += 1 }
        let commonest = counts.values.max() ?? 0
        #expect(commonest * 500 < names.count, "the commonest name is \(commonest) of \(names.count)")
    }
}
