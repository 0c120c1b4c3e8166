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
    private var identifiers: [IdentifierKey: IdentifierMatcher.Prepared] = [:]
    private var candidates: [CandidateKey: ScreeningCandidates] = [:]
    private var scores: [ScoreKey: NameScorer.Hit] = [:]
    /// Lists and names numbered as first met, so that a score's key hashes
    /// four numbers: hashing the two texts for every candidate entry was a
    /// tenth of scoring a name with thousands of matches.
    private var listNumbers: [String: Int] = [:]
    private var nameNumbers: [String: Int] = [:]

    private struct IdentifierKey: Hashable {
        var kind: String
        var text: String
    }

    private struct CandidateKey: Hashable {
        var list: String
        var threshold: Double
        var names: [String]
        var identifiers: [String]
    }

    /// A list's and a name's numbers, for `ScoreKey`s.
    struct Scoring {
        fileprivate let list: Int
        fileprivate let name: Int
    }

    struct ScoreKey: Hashable {
        fileprivate var list: Int
        fileprivate var entry: Int
        fileprivate var name: Int
        /// The floor only prunes work below it, so a hit at or above it is the same at any floor; keyed all the same.
        fileprivate var floor: Double
        /// The screen's `SpellingFilter` may leave some of the entry's names out.
        fileprivate var spellings: Int
    }

    /// The numbers of `list` and `name`, asked once per screen and name.
    mutating func scoring(list: String, name: String) -> Scoring {
        func number(_ text: String, in numbers: inout [String: Int]) -> Int {
            if let known = numbers[text] { return known }
            numbers[text] = numbers.count
            return numbers.count - 1
        }
        return Scoring(list: number(list, in: &listNumbers), name: number(name, in: &nameNumbers))
    }

    /// The key of `NameScorer.best` of a name against the entry at `entry` of a list.
    func scoreKey(_ scoring: Scoring, entry: Int, floor: Double, spellings: SpellingFilter? = nil) -> ScoreKey {
        ScoreKey(list: scoring.list, entry: entry, name: scoring.name, floor: floor, spellings: spellings?.number ?? 0)
    }

    /// The score worked out before under `key`, if any. (Asked and stored
    /// apart, not through a closure: a closure capturing the borrowed entry
    /// copied it, every field retained, for each candidate.)
    func score(_ key: ScoreKey) -> NameScorer.Hit? { scores[key] }

    mutating func remember(_ hit: NameScorer.Hit, _ key: ScoreKey) -> NameScorer.Hit {
        scores[key] = hit
        return hit
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

    /// A case identifier prepared for matching: the shipped bundle's screens
    /// read the same domains a dozen times per case, and preparing one (its
    /// hosts, skeletons, links and registered names) cost a seventh of the
    /// case's screening.
    mutating func identifier(kind: String, text: String) -> IdentifierMatcher.Prepared {
        let key = IdentifierKey(kind: kind, text: text)
        if let known = identifiers[key] { return known }
        let made = IdentifierMatcher.Prepared(kind: kind, text: text)
        identifiers[key] = made
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
