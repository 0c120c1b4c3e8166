import GavelSyntax

/// Screens names and identifiers against compiled lists (SPEC §3).
/// The `[min_score, below)` band applies to each entry's best score over all
/// of the case's names and identifiers, so a weak-match band never fires for
/// an entry that the same case also matches exactly.
///
/// Two ways to find the entries, with one way to score them: `.indexed`
/// asks each list's `ScreeningIndex` for the entries the case may reach,
/// `.scan` visits every entry (the brute-force reference, and what serves a
/// `min_score` below `ScreeningIndex.lowestThreshold`). Either way each
/// entry is scored by `matches(for:)`, so the two cannot differ in a score,
/// and the index only skips entries whose every name provably stays below
/// the threshold. An indexed entry is scored against the names whose
/// lookups found it (`ScreeningCandidates`): any other name provably stays
/// below the threshold against it, so the answer is the scan's.
struct Screener {
    enum Mode: Sendable { case indexed, scan }

    let lists: [CompiledList]
    let mode: Mode

    /// Lists without an index get one built here, in memory (bundles from
    /// `BundleLoader.load` bring theirs).
    init(lists: [CompiledList], mode: Mode = .indexed) {
        self.lists = mode == .indexed ? lists.map { $0.indexed() } : lists
        self.mode = mode
    }

    struct Query {
        var text: String
        var field: String
        /// The value as the case gave it, when `text` is cut: an identifier's
        /// host is taken out of the whole value (a URL with a long userinfo
        /// holds its host past the cut).
        var uncut: String?

        /// Names and identifiers are screened up to this many Unicode scalars.
        /// No designation is that long, and transliterating a megabyte-long
        /// "name" would take seconds; longer values are screened on their
        /// first 4,096 scalars that normalising keeps (`LongValueCut`), and the
        /// record's `query` shows where they were cut.
        static let maxScalars = 4_096

        init(text: String, field: String) {
            self.field = field
            let (kept, cut) = LongValueCut.cut(text, limit: Self.maxScalars)
            if cut {
                self.text = kept + "…"
                uncut = text
            } else {
                self.text = text
            }
        }
    }

    /// `corroborating` holds the case's values for each of the spec's
    /// `corroborate` kinds, in its order; matched entries are compared with
    /// them after scoring, so corroboration never changes which entries match.
    func screen(
        names: [Query], identifiers: [(kind: String, query: Query)], spec: ScreenSpec, asOf: Instant, rule: String,
        corroborating: [[String]] = []
    ) -> [ScreenMatch] {
        var memo = ScreeningMemo()
        return screen(
            names: names, identifiers: identifiers, spec: spec, asOf: asOf, rule: rule, corroborating: corroborating, memo: &memo)
    }

    /// The same, with what the case's earlier screens already worked out.
    func screen(
        names: [Query], identifiers: [(kind: String, query: Query)], spec: ScreenSpec, asOf: Instant, rule: String,
        corroborating: [[String]] = [], memo: inout ScreeningMemo
    ) -> [ScreenMatch] {
        var matches: [ScreenMatch] = []
        // Each name by its number in the memo; names that normalise to nothing are left out.
        var preparedNames: [PreparedCaseName] = []
        var nameNumbers: [Int] = []
        for query in names {
            let number = memo.name(query.text)
            guard let forms = memo.forms(of: number) else { continue }
            preparedNames.append(PreparedCaseName(query: query, forms: forms))
            nameNumbers.append(number)
        }
        let identifierNumbers = identifiers.map { memo.identifier(kind: $0.kind, text: $0.query.uncut ?? $0.query.text) }
        let preparedIDs = zip(identifiers, identifierNumbers).map { ($0.query, memo.identifier($1)) }
        var queryNames: [PreparedName]?
        // One entry's hits, kept between entries: the scores are compared first, and a match is built only
        // for the best of an entry in the band (at 1,000,000 names a common name has thousands of entries).
        var nameHits: [(name: Int, hit: NameScorer.Hit)] = []
        var identifierHits: [(query: Query, hit: IdentifierMatcher.Hit)] = []
        // Listed words are read into buffers kept for the whole screen.
        var scratch = TokenAlignment.Scratch()
        for list in lists where spec.lists.contains(list.id) {
            let listNumber = memo.list(list.id)
            let scorings = nameNumbers.map {
                memo.scoring(list: listNumber, name: $0, floor: spec.minScore, spellings: spec.spellings)
            }
            // The entry is read in place, through the buffer: copying it retained each of its dozen
            // fields, for every candidate (a `borrowing` parameter was still copied to read its `entry`).
            // `names` indexes `preparedNames`: the names that may reach this entry.
            func match(_ entries: UnsafeBufferPointer<ScreeningEntry>, _ position: Int, names: some Sequence<Int>) {
                guard entries[position].entry.isInForce(on: asOf) else { return }
                if let types = spec.types, !types.contains(entries[position].entry.type) { return }
                // Every way the case may reach this entry; the band applies to the best of them.
                nameHits.removeAll(keepingCapacity: true)
                identifierHits.removeAll(keepingCapacity: true)
                var top = -Double.infinity
                for name in names {
                    // The case's screens often ask again (the shipped bundle: the same names, 26 screens).
                    // Under a `SpellingFilter` only the spellings it admits are scored; with none,
                    // the hit scores 0, below any band, and only an identifier can match the entry.
                    let hit = memo.score(scorings[name], entry: position) ?? memo.remember(
                        NameScorer.best(
                            preparedNames[name].forms, names: spec.spellings.admitted(entries[position].names),
                            primary: entries[position].entry.name, type: entries[position].entry.type, floor: spec.minScore,
                            scratch: &scratch), scorings[name], entry: position)
                    top = max(top, hit.score)
                    nameHits.append((name, hit))
                }
                var identifierKinds: [String] = []
                for (query, prepared) in preparedIDs {
                    guard let hit = IdentifierMatcher.match(prepared, entries[position]) else { continue }
                    // Only a listed identifier (or its parent domain) is corroborating evidence; a look-alike is not.
                    if hit.method == .identifier { identifierKinds.append(prepared.kind) }
                    top = max(top, hit.score)
                    identifierHits.append((query, hit))
                }
                guard inBand(top, spec) else { return }
                // The entry's fields are read in place (a copy of the entry retained every one of them).
                let compared = spec.corroboration.map {
                    Corroborator.compare(
                        $0, caseValues: corroborating, entry: entries[position].entry, identifierKinds: identifierKinds)
                }
                for (name, hit) in nameHits where hit.score == top {
                    let query = preparedNames[name].query
                    matches.append(
                        ScreenMatch(
                            rule: rule, list: list.id, entry: entries[position].entry.id, name: hit.name, query: query.text,
                            field: query.field, score: hit.score, method: hit.method, listed: entries[position].entry.listed,
                            corroboration: compared, reading: hit.reading == .plain ? nil : hit.reading,
                            listedSource: entries[position].entry.listedDateSource))
                }
                for (query, hit) in identifierHits where hit.score == top {
                    matches.append(
                        ScreenMatch(
                            rule: rule, list: list.id, entry: entries[position].entry.id, name: entries[position].entry.name,
                            query: query.text, field: query.field, score: hit.score, method: hit.method,
                            listed: entries[position].entry.listed, corroboration: compared, matchedSuffix: hit.suffix,
                            reading: hit.reading, listedSource: entries[position].entry.listedDateSource))
                }
            }
            if mode == .indexed, let index = list.index, index.serves(spec.minScore) {
                let prepared = queryNames ?? zip(nameNumbers, preparedNames).map { memo.prepared($0, forms: $1.forms) }
                queryNames = prepared
                let candidates = memo.candidates(
                    list: listNumber, threshold: spec.minScore, names: nameNumbers, identifiers: identifierNumbers
                ) {
                    index.candidates(names: prepared, identifiers: preparedIDs.map(\.1), threshold: spec.minScore)
                }
                for (scoring, count) in zip(scorings, candidates.entriesPerName(scorings.count)) { memo.reserve(scoring, candidates: count) }
                list.entries.withUnsafeBufferPointer { entries in
                    candidates.forEach { position, names in match(entries, position, names: names) }
                }
            } else {
                list.entries.withUnsafeBufferPointer { entries in
                    for position in entries.indices { match(entries, position, names: preparedNames.indices) }
                }
            }
        }
        return matches
    }

    /// A case name with its readings, shared by reference: each candidate entry
    /// read the name's dozen arrays, and copying them retained every one.
    private final class PreparedCaseName {
        let query: Query
        let forms: NameForms

        init(query: Query, forms: NameForms) {
            self.query = query
            self.forms = forms
        }
    }

    private func inBand(_ score: Double, _ spec: ScreenSpec) -> Bool {
        score >= spec.minScore && (spec.below.map { score < $0 } ?? true)
    }

    static func rounded(_ score: Double) -> Double { (score * 10_000).rounded() / 10_000 }

}
