/// A case name taken apart once for every list it is screened against:
/// its forms, and each form ready for the index.
package struct PreparedName: Sendable {
    package var forms: NameForms
    /// Forms scored at full weight (plain, joined, skeleton).
    let direct: [QueryName]
    /// Forms whose score is multiplied by a factor below 1, with the factor.
    let weighted: [(QueryName, Double)]
    /// Per full-weight, variant or run-together form of several tokens (each once): its tokens'
    /// `NameIndex.wordClassHash`es, sorted, for the containment lookups.
    let containers: [[UInt64]]
    /// Per full-weight form whose words can align (each once): its words,
    /// `TokenAlignment.lookupKeys` (one array per word that needs a
    /// counterpart) and `TokenAlignment.keyPairLookups`.
    let aligners: [(words: TokenAlignment.Words, keys: [[UInt64]], pairs: [UInt64])]
    /// The words of the consonants word by word (`NameForms.consonantWords`,
    /// `consonantWawWords`) long enough to be a listed name's consonants run
    /// together (`NameScorer.runTogetherConsonants`): looked up as names of
    /// their own at 1.0, since a listed name's consonant form is indexed as
    /// a name. Posting every listed organisation's consonants for
    /// containment instead cost 70 MB at 1,000,000 names.
    let runTogetherWords: [QueryName]

    package init(_ forms: NameForms) {
        self.forms = forms
        let direct = (forms.latin + forms.skeleton).filter { !$0.text.isEmpty }
        // Each text once, with every group it is compared with (`NameScorer.best`).
        var directGroups: [(text: String, groups: ReadingGroups)] = []
        for (form, groups) in forms.latin.map({ ($0, ReadingGroups.latin) }) + forms.skeleton.map({ ($0, ReadingGroups.skeleton) })
        where !form.text.isEmpty {
            if let at = directGroups.firstIndex(where: { $0.text == form.text }) {
                directGroups[at].groups.formUnion(groups)
            } else {
                directGroups.append((form.text, groups))
            }
        }
        self.direct = directGroups.map { QueryName($0.text, comparedWith: $0.groups) }
        var weighted = forms.variants.filter { !$0.text.isEmpty }.map {
            (QueryName($0.text, comparedWith: .latin), EvasionScores.variantFactor)
        }
        // Given names spelt one way: compared with the listed names' own such reading alone.
        weighted += forms.givenNames.filter { !$0.text.isEmpty }.map {
            (QueryName($0.text, comparedWith: .givenNames), EvasionScores.variantFactor)
        }
        weighted += forms.skeletonVariants.filter { !$0.text.isEmpty }.map {
            (QueryName($0.text, comparedWith: .skeleton), EvasionScores.variantFactor)
        }
        for consonants in forms.consonants + forms.consonantRespellings where !consonants.text.isEmpty {
            weighted.append((QueryName(consonants.text, comparedWith: .consonants), EvasionScores.consonantFactor))
        }
        self.weighted = weighted
        var containers: [[UInt64]] = []
        // The variant and run-together readings too: `H4mas Media Office` contains HAMAS in its reading
        // `hamas media office`, `HamasOfficial` in `hamas official`; and the consonants word by word.
        for form in direct + forms.variants + forms.skeletonVariants + forms.runTogether + forms.consonantWords + forms.consonantPhraseWords
        where form.text.utf8.contains(0x20) {
            let tokens = form.text.split(separator: " ").map(NameIndex.wordClassHash).sorted()
            if !containers.contains(tokens) { containers.append(tokens) }
        }
        self.containers = containers
        var aligners: [(words: TokenAlignment.Words, keys: [[UInt64]], pairs: [UInt64])] = []
        for form in (forms.latin + forms.skeleton) where !form.text.isEmpty {
            let words = form.words ?? TokenAlignment.Words(form.text)
            let keys = TokenAlignment.lookupKeys(words)
            if !keys.isEmpty, !aligners.contains(where: { $0.words == words }) {
                aligners.append((words, keys, TokenAlignment.keyPairLookups(words)))
            }
        }
        self.aligners = aligners
        var runTogetherWords: [String] = []
        for form in forms.consonantWords + forms.consonantWawWords {
            for word in form.text.split(separator: " ")
            where word.unicodeScalars.count >= EvasionScores.shortestRunTogetherConsonants && !runTogetherWords.contains(String(word)) {
                runTogetherWords.append(String(word))
            }
        }
        // Equal to a listed name's consonants run together (`NameScorer.runTogetherConsonants`).
        self.runTogetherWords = runTogetherWords.map { QueryName($0, comparedWith: .consonants) }
        wholeRunKeys = [forms.wholeRun, forms.skeletonWholeRun].compactMap { $0.map { NameIndex.spacelessKey(Substring($0)) } }
    }
    /// `NameIndex.spacelessKey` of the whole-run readings (`NameForms.wholeRun`, `skeletonWholeRun`).
    let wholeRunKeys: [UInt64]
}
