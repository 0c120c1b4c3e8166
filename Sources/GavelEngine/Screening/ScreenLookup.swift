import GavelSyntax

/// The analyst's look-up (`gavel screen`, SPEC §4) and the near misses of
/// `evaluate --explain-screening`: every entry of the lists scored against
/// one name, with the scorer screens use, ranked. A scan on purpose: it
/// must show what lies below any threshold, which an index skips.
package enum ScreenLookup {
    package struct Row: Sendable, Equatable {
        package var list: String
        package var entry: String
        /// The entry's primary name, and the spelling that scored.
        package var entryName: String
        package var name: String
        package var method: ScreenMatch.Method
        package var reading: NameReading
        package var score: Double
        /// Jaro–Winkler of the plain forms (query and the spelling that
        /// scored), on the whole strings and on their tokens sorted.
        package var whole: Double
        package var sortedTokens: Double
        /// Why the words capped a letter score (`TokenAlignment.cap`), when they did.
        package var capped: TokenAlignment.Cap?
        package var listed: Instant?
        package var delisted: Instant?
        package var inForce: Bool
        /// Where `listed` comes from, when an importer derived it.
        package var listedSource: ListEntry.DateSource? = nil
    }

    /// The name's forms, as screening reads them.
    package static func forms(_ name: String) -> NameForms {
        NameForms.query(name)
    }

    /// Every entry of `lists` with a score above 0 for `name`, best first
    /// (then list and entry id), whether in force on `asOf` or not.
    ///
    /// With `nearMisses`, only the entries at or above `minScore` and the
    /// best `count` below it (ties included) are sure to be there, which is
    /// all `gavel screen` shows: once `count` near misses are in hand, an
    /// entry is scored with the lowest of their scores as its floor, so the
    /// scorer skips the pairs that cannot reach it (`NameScorer.best`; a pair
    /// that can is scored exactly). A long case name against every entry at
    /// floor 0 took seconds.
    package static func rows(
        _ name: String, lists: [CompiledList], asOf: Instant, nearMisses: (minScore: Double, count: Int)? = nil
    ) -> [Row] {
        let forms = forms(name)
        guard !forms.latin[0].text.isEmpty else { return [] }
        let plain = forms.latin[0].text
        var rows: [Row] = []
        let nearMisses = nearMisses.flatMap { $0.count > 0 ? $0 : nil }
        // The best near-miss scores so far, ascending, at most `count` of them.
        var kept: [Double] = []
        for list in lists {
            for candidate in list.entries {
                let floor = nearMisses.map { kept.count == $0.count ? kept.first ?? 0 : 0 } ?? 0
                let hit = NameScorer.best(forms, candidate, floor: floor)
                guard hit.score > 0, hit.score >= floor else { continue }
                if let nearMisses, hit.score < nearMisses.minScore {
                    kept.insert(hit.score, at: kept.firstIndex { $0 > hit.score } ?? kept.count)
                    if kept.count > nearMisses.count { kept.removeFirst() }
                }
                let spelling = candidate.names.first { $0.text == hit.name }?.normalized ?? ""
                let whole = Screener.rounded(JaroWinkler.similarity(plain, spelling))
                let sortedTokens = Screener.rounded(
                    JaroWinkler.similarity(JaroWinkler.sortedTokens(plain), JaroWinkler.sortedTokens(spelling)))
                rows.append(
                    Row(
                        list: list.id, entry: candidate.entry.id, entryName: candidate.entry.name, name: hit.name,
                        method: hit.method, reading: hit.reading, score: hit.score, whole: whole, sortedTokens: sortedTokens,
                        capped: hit.capped,
                        listed: candidate.entry.listed, delisted: candidate.entry.delisted,
                        inForce: candidate.entry.isInForce(on: asOf), listedSource: candidate.entry.listedDateSource))
            }
        }
        rows.sort { a, b in
            if a.score != b.score { return a.score > b.score }
            return (a.list, a.entry) < (b.list, b.entry)
        }
        return rows
    }

    /// The analyst's identifying details (`gavel screen --detail KEY=VALUE`)
    /// compared with one entry's attributes, as a screen's `corroborate:`
    /// compares a case's values: every kind Gavel compares takes part, so a
    /// kind nobody gave shows as unknown rather than disappearing.
    package static func corroboration(
        _ details: [(kind: CorroborationSpec.Kind, value: String)], list: CompiledList, entry id: String
    ) -> Corroboration? {
        guard let candidate = list.entries.first(where: { $0.entry.id == id }) else { return nil }
        let kinds = CorroborationSpec.Kind.allCases
        let spec = CorroborationSpec(kinds: kinds.map { ($0, []) }, minimum: nil)
        let values = kinds.map { kind in details.filter { $0.kind == kind }.map(\.value) }
        return Corroborator.compare(spec, caseValues: values, entry: candidate.entry, identifierKinds: [])
    }
}
