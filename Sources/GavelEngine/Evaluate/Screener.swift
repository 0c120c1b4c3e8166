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
/// the threshold.
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

        /// Names and identifiers are screened up to this many Unicode scalars.
        /// No designation is that long, and transliterating a megabyte-long
        /// "name" would take seconds; longer values are screened on their
        /// first 4,096 scalars, and the record's `query` shows where they were cut.
        static let maxScalars = 4_096

        init(text: String, field: String) {
            self.field = field
            let scalars = text.unicodeScalars
            if scalars.count > Self.maxScalars {
                var cut = String.UnicodeScalarView(scalars.prefix(Self.maxScalars))
                cut.append("…")
                self.text = String(cut)
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
        var matches: [ScreenMatch] = []
        let normalizedNames = names.map { query -> (Query, String, Int) in
            let normalized = NameNormalizer.normalize(query.text)
            return (query, normalized, normalized.unicodeScalars.count)
        }.filter { !$0.1.isEmpty }
        let normalizedIDs = identifiers.map { ($0.kind, $0.query, IdentifierNormalizer.normalize($0.query.text, kind: $0.kind)) }
        var queryNames: [QueryName]?
        for list in lists where spec.lists.contains(list.id) {
            func match(_ candidate: ScreeningEntry) {
                let entry = candidate.entry
                guard entry.isInForce(on: asOf) else { return }
                if let types = spec.types, !types.contains(entry.type) { return }
                // Every way the case reaches this entry; the band applies to the best of them.
                var hits: [ScreenMatch] = []
                for (query, normalized, length) in normalizedNames {
                    let (score, name, method) = best(normalized, length: length, candidate, floor: spec.minScore)
                    hits.append(
                        ScreenMatch(
                            rule: rule, list: list.id, entry: entry.id, name: name, query: query.text,
                            field: query.field, score: score, method: method, listed: entry.listed))
                }
                var identifierKinds: [String] = []
                for (kind, query, normalized) in normalizedIDs
                where !normalized.isEmpty && candidate.identifiers[kind]?.contains(normalized) == true {
                    identifierKinds.append(kind)
                    hits.append(
                        ScreenMatch(
                            rule: rule, list: list.id, entry: entry.id, name: entry.name, query: query.text,
                            field: query.field, score: 1.0, method: .identifier, listed: entry.listed))
                }
                guard let top = hits.map(\.score).max(), inBand(top, spec) else { return }
                var found = hits.filter { $0.score == top }
                if let corroboration = spec.corroboration {
                    let compared = Corroborator.compare(
                        corroboration, caseValues: corroborating, entry: entry, identifierKinds: identifierKinds)
                    for index in found.indices { found[index].corroboration = compared }
                }
                matches += found
            }
            if mode == .indexed, let index = list.index, index.serves(spec.minScore) {
                let prepared = queryNames ?? normalizedNames.map { QueryName($0.1) }
                queryNames = prepared
                let ids = normalizedIDs.map { (kind: $0.0, normalized: $0.2) }
                for position in index.candidates(names: prepared, identifiers: ids, threshold: spec.minScore) {
                    match(list.entries[position])
                }
            } else {
                for candidate in list.entries { match(candidate) }
            }
        }
        return matches
    }

    /// The entry's best score over its name and aliases; exact equality wins
    /// over fuzzy, and the primary name over an alias. Names whose length
    /// alone keeps them below `floor` are not scored: they could not be
    /// reported, so the result is the brute-force one wherever it matters.
    private func best(_ query: String, length: Int, _ candidate: ScreeningEntry, floor: Double) -> (Double, String, ScreenMatch.Method) {
        for name in candidate.names where name.normalized == query {
            return (1.0, name.text, name.isAlias ? .alias : .exact)
        }
        var best = (0.0, candidate.entry.name, ScreenMatch.Method.fuzzy)
        for name in candidate.names where !name.normalized.isEmpty {
            // Scores are rounded to four places before comparison; keep a margin below that.
            if JaroWinkler.upperBound(length, name.length) < floor - 0.0001 { continue }
            let score = Self.rounded(JaroWinkler.nameScore(query, name.normalized))
            if score > best.0 { best = (score, name.text, .fuzzy) }
        }
        return best
    }

    private func inBand(_ score: Double, _ spec: ScreenSpec) -> Bool {
        score >= spec.minScore && (spec.below.map { score < $0 } ?? true)
    }

    static func rounded(_ score: Double) -> Double { (score * 10_000).rounded() / 10_000 }
}
