/// What screening works out once per case and reuses across the case's
/// screens: each name's forms (normalised, transliterated, skeletons), each
/// name made ready for the index, and each list's index candidates for a set
/// of names at a threshold. Every one is a pure function of its key, so a
/// screen answers exactly as it would alone; the shipped bundle screens the
/// same two fields 26 times a case, over the same lists at two thresholds.
struct ScreeningMemo {
    private var forms: [String: NameForms?] = [:]
    private var prepared: [String: PreparedName] = [:]
    private var candidates: [CandidateKey: ScreeningCandidates] = [:]

    private struct CandidateKey: Hashable {
        var list: String
        var threshold: Double
        var names: [String]
        var identifiers: [String]
    }

    /// The name's forms; nil when it normalises to nothing.
    mutating func forms(of text: String) -> NameForms? {
        if let known = forms[text] { return known }
        let normalized = NameNormalizer.normalize(text)
        let made = normalized.isEmpty ? nil : NameForms.query(text, normalized: normalized)
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
