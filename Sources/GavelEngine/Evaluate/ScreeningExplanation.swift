import GavelSyntax

/// A list entry a screened name came closest to without matching: what
/// `evaluate --explain-screening` adds to the trail, so a reviewer sees why
/// a name was cleared.
package struct NearMiss: Sendable, Equatable {
    package var field: String
    package var query: String
    /// The lowest `min_score` of the screens that searched this list for this name.
    package var threshold: Double
    package var row: ScreenLookup.Row
}

/// The near misses of one decided case.
enum ScreeningExplanation {
    static let perName = 3

    /// For each name screened at the case root by a rule in force (in rule
    /// order, each name once), the `perName` best in-force entries of the
    /// lists those screens searched whose score is below the screen's
    /// `min_score` and which are not already among the case's matches for
    /// that name.
    static func nearMisses(
        bundle: CompiledBundle, outcomes: [RuleOutcome], data: Value, asOf: Instant, matches: [ScreenMatch]
    ) -> [NearMiss] {
        var order: [(field: String, query: String)] = []
        var thresholds: [String: [String: Double]] = [:]  // name key → list → lowest min_score
        func key(_ field: String, _ query: String) -> String { field + "\u{0}" + query }
        for outcome in outcomes where outcome.status != .notInForce {
            ConditionWalk.visit(outcome.rule.condition) { node, base in
                guard case .screen(let spec) = node, base.isEmpty else { return }
                for path in spec.names {
                    for text in strings(PathResolver.resolve(path, root: data, element: data)) {
                        let k = key(path.text, text)
                        if thresholds[k] == nil { order.append((path.text, text)) }
                        for list in spec.lists {
                            thresholds[k, default: [:]][list] = min(thresholds[k]?[list] ?? spec.minScore, spec.minScore)
                        }
                    }
                }
            }
        }
        var out: [NearMiss] = []
        for (field, query) in order {
            guard let byList = thresholds[key(field, query)] else { continue }
            let lists = bundle.lists.filter { byList[$0.id] != nil }
            let matched = Set(matches.filter { $0.field == field && $0.query == query }.map { $0.list + "\u{0}" + $0.entry })
            var taken = 0
            for row in ScreenLookup.rows(query, lists: lists, asOf: asOf) where taken < perName {
                guard row.inForce, let threshold = byList[row.list], row.score < threshold,
                    !matched.contains(row.list + "\u{0}" + row.entry)
                else { continue }
                out.append(NearMiss(field: field, query: query, threshold: threshold, row: row))
                taken += 1
            }
        }
        return out
    }

    private static func strings(_ value: Value?) -> [String] {
        switch value {
        case .string(let s)?: return [s]
        case .list(let items)?: return items.compactMap(\.stringValue)
        default: return []
        }
    }
}
