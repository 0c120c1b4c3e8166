/// What screening works out once per case and reuses across the case's
/// screens: each name's forms (normalised, transliterated, skeletons), each
/// name made ready for the index, each list's index candidates for a set
/// of names at a threshold, and each name's score against each entry.
/// Every one is a pure function of its key, so a screen answers exactly as
/// it would alone; the shipped bundle screens the same two fields 26 times
/// a case, over the same lists at two thresholds.
struct ScreeningMemo {
    private var forms: [String: NameForms?] = [:]
    private var prepared: [String: PreparedName] = [:]
    private var candidates: [CandidateKey: ScreeningCandidates] = [:]
    private var scores: [ScoreKey: NameScorer.Hit] = [:]

    private struct CandidateKey: Hashable {
        var list: String
        var threshold: Double
        var names: [String]
        var identifiers: [String]
    }

    private struct ScoreKey: Hashable {
        var list: String
        var entry: Int
        var name: String
        /// The floor only prunes work below it, so a hit at or above it is the same at any floor; keyed all the same.
        var floor: Double
    }

    /// `NameScorer.best` of the name against the entry at `entry` in `list`.
    mutating func score(list: String, entry: Int, name: String, floor: Double, compute: () -> NameScorer.Hit) -> NameScorer.Hit {
        let key = ScoreKey(list: list, entry: entry, name: name, floor: floor)
        if let known = scores[key] { return known }
        let made = compute()
        scores[key] = made
        return made
    }

    /// The name's forms; nil when it normalises to nothing.
    mutating func forms(of text: String) -> NameForms? {
        if let known = forms[text] { return known }
        let query = NameForms.query(text)
        let made = query.latin[0].text.isEmpty ? nil : query
        forms[text] = made
        return made
    }

    mutating func prepared(_ text: String, forms: NameForms) -> PreparedName {
        if let known = prepared[text] { return known }
        let made = PreparedName(forms)
        prepared[text] = made
        return made
    }

    /// The index's candidates in `list` for these names and identifiers.
    mutating func candidates(
        list: String, threshold: Double, names: [String], identifiers: [(kind: String, text: String)],
        compute: () -> ScreeningCandidates
    ) -> ScreeningCandidates {
        let key = CandidateKey(
            list: list, threshold: threshold, names: names, identifiers: identifiers.map { $0.kind + "\u{0}" + $0.text })
        if let known = candidates[key] { return known }
        let made = compute()
        candidates[key] = made
        return made
    }
}
