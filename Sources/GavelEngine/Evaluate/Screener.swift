import GavelSyntax

/// Screens names and identifiers against compiled lists (SPEC §3). A linear
/// scan over in-force entries: exactly the brute-force answer by definition.
/// The `[min_score, below)` band applies to each entry's best score over all
/// of the case's names and identifiers, so a weak-match band never fires for
/// an entry that the same case also matches exactly.
struct Screener {
    let lists: [CompiledList]

    struct Query {
        var text: String
        var field: String
    }

    func screen(
        names: [Query], identifiers: [(kind: String, query: Query)], spec: ScreenSpec, asOf: Instant, rule: String
    ) -> [ScreenMatch] {
        var matches: [ScreenMatch] = []
        let normalizedNames = names.map { ($0, NameNormalizer.normalize($0.text)) }.filter { !$0.1.isEmpty }
        let normalizedIDs = identifiers.map { ($0.kind, $0.query, IdentifierNormalizer.normalize($0.query.text, kind: $0.kind)) }
        for list in lists where spec.lists.contains(list.id) {
            for candidate in list.entries {
                let entry = candidate.entry
                guard entry.isInForce(on: asOf) else { continue }
                if let types = spec.types, !types.contains(entry.type) { continue }
                // Every way the case reaches this entry; the band applies to the best of them.
                var hits: [ScreenMatch] = []
                for (query, normalized) in normalizedNames {
                    let (score, name, method) = best(normalized, candidate)
                    hits.append(
                        ScreenMatch(
                            rule: rule, list: list.id, entry: entry.id, name: name, query: query.text,
                            field: query.field, score: score, method: method, listed: entry.listed))
                }
                for (kind, query, normalized) in normalizedIDs
                where !normalized.isEmpty && candidate.identifiers[kind]?.contains(normalized) == true {
                    hits.append(
                        ScreenMatch(
                            rule: rule, list: list.id, entry: entry.id, name: entry.name, query: query.text,
                            field: query.field, score: 1.0, method: .identifier, listed: entry.listed))
                }
                guard let top = hits.map(\.score).max(), inBand(top, spec) else { continue }
                matches += hits.filter { $0.score == top }
            }
        }
        return matches
    }

    /// The entry's best score over its name and aliases; exact equality wins
    /// over fuzzy, and the primary name over an alias.
    private func best(_ query: String, _ candidate: ScreeningEntry) -> (Double, String, ScreenMatch.Method) {
        for name in candidate.names where name.normalized == query {
            return (1.0, name.text, name.isAlias ? .alias : .exact)
        }
        var best = (0.0, candidate.entry.name, ScreenMatch.Method.fuzzy)
        for name in candidate.names where !name.normalized.isEmpty {
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
