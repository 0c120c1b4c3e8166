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
        lists.reduce(0) { total, list in
            guard let names = list.index?.names else { return total }
            return total + names.nameEntries.count * 4 + names.scalarOffsets.count * 4 + names.sortedScalars.count * 4
                + names.orderedScalars.count * 4 + names.irregularNames.count * 4
                + names.table.keys.count * 8 + names.table.offsets.count * 4 + names.table.ids.count * 4
        }
    }
}
