/// What screening works out once per case and reuses across the case's
/// screens: each name's forms (normalised, transliterated, skeletons), each
/// name made ready for the index, each list's index candidates for a set
/// of names at a threshold, and each name's score against each entry.
/// Every one is a pure function of its key, so a screen answers exactly as
/// it would alone; the shipped bundle screens the same two fields 26 times
/// a case, over the same lists at two thresholds.
///
/// Names, identifiers and lists are numbered as first met, and everything
/// else is kept by number: a screen hashes each of its texts once. Keyed by
/// the texts themselves, a screen hashed each name four times or more (its
/// forms, its score numbers per list, its prepared form, the candidates'
/// key of every text again), a tenth of a case's screening, and a name
/// outside ASCII is normalised to NFC for each hash.
struct ScreeningMemo {
    /// A name's number: its place in `names`.
    private var nameNumbers: [String: Int] = [:]
    private var names: [Name] = []
    private var identifierNumbers: [IdentifierKey: Int] = [:]
    private var identifiers: [IdentifierMatcher.Prepared] = []
    private var listNumbers: [String: Int] = [:]
    private var candidates: [CandidateKey: ScreeningCandidates] = [:]
    /// A scoring's number (its list, name, floor and spellings) → its hits, by entry.
    private var scoringNumbers: [ScoringKey: Int] = [:]
    private var hits: [EntryHits] = []

    /// What is known of one name: its text, its forms once made (nil inside
    /// when it normalises to nothing), its prepared form once made.
    private struct Name {
        let text: String
        var forms: NameForms??
        var prepared: PreparedName?
    }

    private struct IdentifierKey: Hashable {
        var kind: String
        var text: String
    }

    private struct CandidateKey: Hashable {
        var list: Int
        var threshold: Double
        var names: [Int]
        var identifiers: [Int]
    }

    /// What a name's score against an entry depends on besides the entry:
    /// the list, the name, the floor (it only prunes work below itself, so
    /// a hit at or above it is the same at any floor; keyed all the same)
    /// and the screen's `SpellingFilter` (it may leave some of the entry's
    /// names out). Worked out once per screen, list and name; each entry's
    /// hit is then found by the entry's position alone.
    private struct ScoringKey: Hashable {
        var list: Int
        var name: Int
        var floor: Double
        var spellings: Int
    }

    /// The number of a list's and a name's scoring at a floor and spellings.
    struct Scoring {
        fileprivate let number: Int
    }

    /// The number of the name `text`, asked once per screen and name.
    mutating func name(_ text: String) -> Int {
        if let known = nameNumbers[text] { return known }
        nameNumbers[text] = names.count
        names.append(Name(text: text))
        return names.count - 1
    }

    /// The number of `list`, asked once per screen and list.
    mutating func list(_ id: String) -> Int {
        if let known = listNumbers[id] { return known }
        listNumbers[id] = listNumbers.count
        return listNumbers.count - 1
    }

    /// The scoring of name `name` against list `list`'s entries, asked once per screen, list and name.
    mutating func scoring(list: Int, name: Int, floor: Double, spellings: SpellingFilter? = nil) -> Scoring {
        let key = ScoringKey(list: list, name: name, floor: floor, spellings: spellings?.number ?? 0)
        if let known = scoringNumbers[key] { return Scoring(number: known) }
        scoringNumbers[key] = hits.count
        hits.append(EntryHits())
        return Scoring(number: hits.count - 1)
    }

    /// Room for a screen's `count` candidates of `scoring`'s name, so that
    /// its table does not grow while it scores them. A later screen of the
    /// same scoring mostly asks for the entries stored already (the
    /// shipped bundle screens the same names 26 times a case), so room is
    /// made for the larger of the two, not their sum: a screen with other
    /// candidates still grows the table as it needs.
    mutating func reserve(_ scoring: Scoring, candidates count: Int) {
        hits[scoring.number].reserve(max(hits[scoring.number].count, count))
    }

    /// `NameScorer.best` of a scoring's name against the entry at `position`,
    /// when worked out before. (Asked and stored apart, not through a
    /// closure: a closure capturing the borrowed entry copied it, every
    /// field retained, for each candidate.)
    func score(_ scoring: Scoring, entry position: Int) -> NameScorer.Hit? { hits[scoring.number].hit(position) }

    mutating func remember(_ hit: NameScorer.Hit, _ scoring: Scoring, entry position: Int) -> NameScorer.Hit {
        hits[scoring.number].remember(hit, position)
    }

    /// The forms of name `number`; nil when it normalises to nothing.
    mutating func forms(of number: Int) -> NameForms? {
        if let known = names[number].forms { return known }
        let query = NameForms.query(names[number].text)
        let made = query.latin[0].text.isEmpty ? nil : query
        names[number].forms = .some(made)
        return made
    }

    mutating func prepared(_ number: Int, forms: NameForms) -> PreparedName {
        if let known = names[number].prepared { return known }
        let made = PreparedName(forms)
        names[number].prepared = made
        return made
    }

    /// The number of a case identifier, prepared for matching once per case:
    /// the shipped bundle's screens read the same domains a dozen times per
    /// case, and preparing one (its hosts, skeletons, links and registered
    /// names) cost a seventh of the case's screening.
    mutating func identifier(kind: String, text: String) -> Int {
        let key = IdentifierKey(kind: kind, text: text)
        if let known = identifierNumbers[key] { return known }
        identifierNumbers[key] = identifiers.count
        identifiers.append(IdentifierMatcher.Prepared(kind: kind, text: text))
        return identifiers.count - 1
    }

    /// The identifier numbered `number`, prepared.
    func identifier(_ number: Int) -> IdentifierMatcher.Prepared { identifiers[number] }

    /// The index's candidates in list `list` (a number) for these names and identifiers (numbers).
    mutating func candidates(
        list: Int, threshold: Double, names: [Int], identifiers: [Int], compute: () -> ScreeningCandidates
    ) -> ScreeningCandidates {
        let key = CandidateKey(list: list, threshold: threshold, names: names, identifiers: identifiers)
        if let known = candidates[key] { return known }
        let made = compute()
        candidates[key] = made
        return made
    }
}
