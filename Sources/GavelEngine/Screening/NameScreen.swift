import GavelSyntax

/// Names screened against lists outside any rule, the way a rule's `screen`
/// does it: what `gavel bench-screening` times, through the index or the scan.
package struct NameScreen: Sendable {
    package enum Mode: Sendable { case indexed, scan }

    private let screener: Screener
    private let listIDs: [String]

    /// Lists without an index are indexed here, in memory.
    package init(lists: [CompiledList], mode: Mode) {
        screener = Screener(lists: lists, mode: mode == .indexed ? .indexed : .scan)
        listIDs = lists.map(\.id)
    }

    package func matches(_ names: [String], minScore: Double, below: Double? = nil, asOf: Instant) -> [ScreenMatch] {
        let spec = ScreenSpec(
            lists: listIDs, names: [], identifiers: [], minScore: minScore, below: below, types: nil,
            location: SourceLocation(file: "bench", line: 1, column: 1))
        return screener.screen(
            names: names.map { Screener.Query(text: $0, field: "name") }, identifiers: [], spec: spec, asOf: asOf, rule: "bench")
    }

    /// Bytes held by the lists' name indexes (their arrays; not the entries).
    package static func indexBytes(_ lists: [CompiledList]) -> Int {
        indexParts(lists).reduce(0) { $0 + $1.bytes }
    }

    /// The same, array by array, for the benchmark's breakdown.
    package static func indexParts(_ lists: [CompiledList]) -> [(name: String, bytes: Int)] {
        var parts: [(name: String, bytes: Int)] = [
            ("name owners", 0), ("name groups", 0), ("scalar offsets", 0), ("scalars (sorted and in order)", 0), ("signatures", 0), ("irregular names", 0),
            ("posting keys", 0), ("posting offsets", 0), ("posting ids", 0), ("occurrence bitmaps", 0),
        ]
        for list in lists {
            guard let names = list.index?.names else { continue }
            let sizes = [
                (names.ownerStarts.count + names.owners.count) * 4, names.nameGroups.count, names.scalarOffsets.count * 4, names.scalars.byteCount, names.signatures.count * 8,
                names.irregularNames.count * 4,
                names.table.keys.count * 4, names.table.offsets.count * 4, names.table.ids.count * 4,
                names.bitmaps.byteCount,
            ]
            for (index, size) in sizes.enumerated() { parts[index].bytes += size }
        }
        return parts
    }
}
