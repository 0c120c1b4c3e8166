/// The one scoring of a case name against a list entry, used by the scan,
/// by the index's candidates and by `gavel screen`, so that none of them
/// can differ in a score (SPEC §3).
package enum NameScorer {
    package struct Hit: Sendable, Equatable {
        package var score: Double
        /// The entry's spelling that scored (its primary name when nothing did).
        package var name: String
        package var method: ScreenMatch.Method
        package var reading: NameReading
        /// For a whole-text score the words capped: why (`TokenAlignment.cap`).
        package var capped: TokenAlignment.Cap? = nil
    }

    /// The entry's best score over its names and every reading.
    ///
    /// Equality in the plain or joined reading, then in the skeleton
    /// reading, scores 1.0 as `exact` (the entry's name) or `alias`. Otherwise
    /// the best of: Jaro–Winkler within the Latin and within the skeleton
    /// reading (`fuzzy`, capped where words were added or replaced:
    /// `TokenAlignment.cap`), containment (`contained`), word-by-word
    /// alignment within the Latin and within the skeleton reading
    /// (`aligned`), the variant readings against the Latin forms (`variant`,
    /// capped likewise), the case's Latin forms against a listed
    /// organisation's names without their article (`variant`, likewise) and
    /// the consonant readings (`fuzzy`; a respelling only when equal); on a
    /// tie the first in that order, and the earlier name. Containment also
    /// reads a name and words naming a group word by word in consonants, and
    /// a listed name without its article with such words.
    /// Pairs whose lengths alone keep them below `floor` are not scored:
    /// they could not be reported.
    package static func best(_ query: NameForms, _ candidate: ScreeningEntry, floor: Double) -> Hit {
        best(query, names: candidate.names, primary: candidate.entry.name, type: candidate.entry.type, floor: floor)
    }

    /// The same from the entry's names, primary name and type: what a
    /// caller reading the entry in place (`Screener`) passes, since passing
    /// the entry read from a buffer copied it whole, every field retained.
    static func best(
        _ query: NameForms, names: [ScreeningEntry.Name], primary: String, type: ListEntry.EntryType, floor: Double
    ) -> Hit {
        var scratch = TokenAlignment.Scratch()
        return best(query, names: names, primary: primary, type: type, floor: floor, scratch: &scratch)
    }

    /// The same, reading listed words into `scratch`, whose buffers a caller
    /// scoring many entries keeps between them.
    static func best(
        _ query: NameForms, names: [ScreeningEntry.Name], primary: String, type: ListEntry.EntryType, floor: Double,
        scratch: inout TokenAlignment.Scratch
    ) -> Hit {
        // Each name's readings once (made now if first needed): asked for per use, each read
        // cost an atomic load and a copy of the forms, every array in them retained and released.
        // (Element by element: a key path's getter copied each name, its text and readings retained.)
        var listed: [ListedNameReadings.Readings] = []
        listed.reserveCapacity(names.count)
        for i in names.indices { listed.append(names[i].made) }
        // The v1 test first: it is the common case and needs no other form.
        for i in names.indices where listed[i].normalized == query.latin[0].text {
            return Hit(score: 1.0, name: names[i].text, method: names[i].isAlias ? .alias : .exact, reading: .plain)
        }
        // Latin forms, then skeletons.
        if let hit = equalHit(query.latin, names, listed, skeleton: false) ?? equalHit(query.skeleton, names, listed, skeleton: true) {
            return hit
        }
        // A name spelt out letter by letter, every word (`B.O.K.O. H.A.R.A.M.`), is the listed name whose letters
        // those are: only the whole run, equal to all of the listed name's letters, so no run-together word meets it.
        if let run = query.wholeRun {
            for i in names.indices where equalsWithoutSpaces(listed[i].normalized, run) {
                return Hit(score: 1.0, name: names[i].text, method: names[i].isAlias ? .alias : .exact, reading: .joined)
            }
        }
        if let run = query.skeletonWholeRun {
            for i in names.indices where listed[i].forms.skeleton.first.map({ equalsWithoutSpaces($0.text, run) }) ?? false {
                return Hit(score: 1.0, name: names[i].text, method: names[i].isAlias ? .alias : .exact, reading: .skeleton)
            }
        }

        let margin = ScreeningBounds.roundingMargin
        var best = Hit(score: 0.0, name: primary, method: .fuzzy, reading: .plain)
        // The entry's name by its index: passing the name copied it (its text and readings retained) for every pair.
        func consider(
            _ score: Double, _ name: Int, _ method: ScreenMatch.Method, _ reading: NameReading, capped: TokenAlignment.Cap? = nil
        ) {
            guard score > best.score else { return }
            best = Hit(score: score, name: names[name].text, method: method, reading: reading, capped: capped)
        }
        func fuzzy(_ queryForms: [NameForm], _ nameForms: [NameForm], _ name: Int, factor: Double, method: ScreenMatch.Method) {
            // The Jaro a pair needs to reach the floor with the most prefix boost: the index's bound (`ScreeningBounds`).
            let jaro = ScreeningBounds.requiredJaro((floor - margin) / factor, prefix: JaroWinkler.maxPrefix)
            // By index, read in place: a `for q in` copied each form (its text and arrays) for every pair.
            for qi in queryForms.indices where !queryForms[qi].text.isEmpty {
                // A listed form of one or two letters is an acronym: only equality (above) meets it. Jaro–Winkler
                // on two letters is coarse: `HMS` scored 0.9111 against Hizbul Mujahideen's `HM`, in the review band.
                for ni in nameForms.indices where nameForms[ni].length > EvasionScores.longestEqualityOnlyForm {
                    let ql = queryForms[qi].length, nl = nameForms[ni].length
                    if JaroWinkler.upperBound(ql, nl) * factor < floor - margin { continue }
                    // Most of an entry's forms share too few scalars with the case's to reach the floor, which their signatures tell.
                    if floor > margin, let levels = queryForms[qi].levels,
                        ql - ScalarSignature.missing(levels, name: nameForms[ni].signature)
                            < ScreeningBounds.requiredCommon(ql, nl, jaro: jaro)
                    {
                        continue
                    }
                    let reading = queryForms[qi].reading == .plain ? nameForms[ni].reading : queryForms[qi].reading
                    var score = Screener.rounded(JaroWinkler.nameScore(queryForms[qi], nameForms[ni]) * factor)
                    var capped: TokenAlignment.Cap?
                    // Words added or replaced cap the score (`TokenAlignment.cap`); only a score above the lower cap can change.
                    if score > EvasionScores.substitutedWord, queryForms[qi].hasSpace || nameForms[ni].hasSpace, score > best.score {
                        let words = queryForms[qi].words ?? TokenAlignment.Words(queryForms[qi].text)
                        scratch.load(nameForms[ni])
                        if let cap = TokenAlignment.cap(words, scratch.words(listed: true), alignment: &scratch.alignment),
                            cap.score < score
                        {
                            score = cap.score
                            capped = cap
                        }
                    }
                    consider(score, name, method, reading, capped: capped)
                }
            }
        }

        // Word by word, within one group of readings (`TokenAlignment.alignedScore`).
        func aligned(_ queryForms: [NameForm], _ nameForms: [NameForm], _ name: Int) {
            for qi in queryForms.indices {
                let words = queryForms[qi].words ?? TokenAlignment.Words(queryForms[qi].text)
                guard words.wordCount >= 2 else { continue }
                for ni in nameForms.indices where nameForms[ni].hasSpace {
                    guard let score = TokenAlignment.alignedScore(words, listed: nameForms[ni], scratch: &scratch) else { continue }
                    let reading = queryForms[qi].reading == .plain ? nameForms[ni].reading : queryForms[qi].reading
                    consider(score, name, .aligned, reading)
                }
            }
        }

        // Names are read in place (by index): a `for name in names` copied each, and every one of its forms, per entry.
        for i in names.indices { fuzzy(query.latin, listed[i].forms.latin, i, factor: 1.0, method: .fuzzy) }
        if !query.skeleton.isEmpty {
            for i in names.indices { fuzzy(query.skeleton, listed[i].forms.skeleton, i, factor: 1.0, method: .fuzzy) }
        }
        if EvasionScores.contained >= floor - margin, EvasionScores.contained > best.score {
            for i in names.indices where entersContainment(listed[i].normalized, type: type) {
                if let reading = containment(query, listed[i], type: type) {
                    consider(EvasionScores.contained, i, .contained, reading)
                    break
                }
            }
        }
        if EvasionScores.containedRespelt >= floor - margin, EvasionScores.containedRespelt > best.score {
            for i in names.indices where entersContainment(listed[i].normalized, type: type) {
                if respeltContained(query, listed[i].forms) {
                    consider(EvasionScores.containedRespelt, i, .contained, .respelt)
                    break
                }
            }
        }
        if floor - margin <= TokenAlignment.ceiling, best.score < TokenAlignment.ceiling {
            for i in names.indices {
                aligned(query.latin, listed[i].forms.latin, i)
                aligned(query.skeleton, listed[i].forms.skeleton, i)
            }
        }
        if !query.variants.isEmpty {
            for i in names.indices {
                fuzzy(query.variants, listed[i].forms.latin, i, factor: EvasionScores.variantFactor, method: .variant)
            }
        }
        // Both names with their given names spelt one way (`Mohamed` and `Muhammad` as `muhammad`), when both hold
        // one. At most 0.95 × 1, as below.
        if !query.givenNames.isEmpty, Screener.rounded(EvasionScores.variantFactor) > best.score {
            for i in names.indices where !listed[i].forms.givenNames.isEmpty {
                fuzzy(query.givenNames, listed[i].forms.givenNames, i, factor: EvasionScores.variantFactor, method: .variant)
            }
        }
        // At most 0.95 × 1: once the entry has that, no article reading can beat it (a tie keeps the earlier).
        if readsAsGroup(type), Screener.rounded(EvasionScores.variantFactor) > best.score {
            for i in names.indices where !listed[i].forms.article.isEmpty {
                fuzzy(query.latin, listed[i].forms.article, i, factor: EvasionScores.variantFactor, method: .variant)
            }
        }
        if !query.skeletonVariants.isEmpty {
            for i in names.indices {
                fuzzy(query.skeletonVariants, listed[i].forms.skeleton, i, factor: EvasionScores.variantFactor, method: .variant)
            }
        }
        if !query.consonants.isEmpty {
            for i in names.indices where !listed[i].forms.consonants.isEmpty {
                fuzzy(query.consonants, listed[i].forms.consonants, i, factor: EvasionScores.consonantFactor, method: .fuzzy)
            }
        }
        // A respelling letter by letter (`EvasionForms.asListsSpell`) counts only when it lands on a listed name's consonants.
        let respelt = Screener.rounded(EvasionScores.consonantFactor)
        if !query.consonantRespellings.isEmpty, respelt >= floor - margin, respelt > best.score {
            for i in names.indices {
                for form in listed[i].forms.consonants where query.consonantRespellings.contains(where: { $0.text == form.text }) {
                    consider(respelt, i, .fuzzy, .consonants)
                }
            }
        }
        return best
    }

    /// Whether an entry's names are also read as only a group's are: without
    /// their leading article (`NameForms.article`), and with their words
    /// run together inside a longer name (`runTogetherContained`). An
    /// organisation's or other entry's names. A person's surname without its
    /// article is another spelling that Jaro–Winkler and the words already
    /// weigh (`Masri` for `AL-MASRI`), and a person's full name run together
    /// inside a longer name is as likely a namesake's handle; a vessel's
    /// name is no Arabic name.
    static func readsAsGroup(_ type: ListEntry.EntryType) -> Bool {
        type == .organization || type == .other
    }

    /// Whether a listed name's consonants are a word of the case name's
    /// consonants word by word (`NameForms.consonantWords`): `مجموعة فاجنر`
    /// ("the Wagner group", `mgmw vgnr` respelt) holds Vagner's `vgnr`. Only a
    /// one-word listed name (the article apart: `consonantContainable`) that takes part in containment
    /// (`entersContainment`), with at least
    /// `EvasionScores.shortestContainedConsonants` consonants (`حركة حماس`,
    /// "the Hamas movement", holds HAMAS's `hms`).
    static func consonantsContained(_ queryForms: [NameForm], _ listed: ListedNameReadings.Readings, type: ListEntry.EntryType) -> Bool {
        guard !queryForms.isEmpty, let consonants = listed.forms.consonants.first,
            consonantContainable(consonants.text, normalized: listed.normalized, type: type)
        else { return false }
        return queryForms.contains { containsByCharacters($0.text, consonants.text) }
    }

    /// A listed name of two words or more as its consonant reading has it,
    /// run together (`BOKO HARAM` → `bkhrm`), which Persian and Urdu write
    /// as one word (`گروه بوکوحرام`, "the Boko Haram group", holds it word
    /// by word); nil for a name of one word (`consonantsContained`'s) or
    /// under `EvasionScores.shortestRunTogetherConsonants`.
    static func runTogetherConsonants(_ consonants: [NameForm], normalized: String) -> String? {
        guard normalized.utf8.contains(0x20), let text = consonants.first?.text,
            text.unicodeScalars.count >= EvasionScores.shortestRunTogetherConsonants
        else { return nil }
        return text
    }

    /// Whether a listed name's consonant form takes part in containment:
    /// a name of one word, or of one word after the Arabic article, which
    /// Arabic writes joined to its word (`قناة المنار`, "the al-Manar
    /// channel", holds `lmnr`, AL-MANAR's consonants; `تنظيم الشباب`
    /// AL-SHABAAB's `lshb`).
    static func consonantContainable(_ consonants: String, normalized: String, type: ListEntry.EntryType) -> Bool {
        guard consonants.unicodeScalars.count >= EvasionScores.shortestContainedConsonants else { return false }
        guard normalized.utf8.contains(0x20) else { return entersContainment(normalized, type: type) }
        return readsAsGroup(type) && isArticleAndOneWord(normalized)
    }

    /// The article `al` or `el` and one word.
    static func isArticleAndOneWord(_ normalized: String) -> Bool {
        guard let space = normalized.utf8.firstIndex(of: 0x20) else { return false }
        let first = normalized.utf8[..<space]
        let rest = normalized.utf8[normalized.utf8.index(after: space)...]
        return (first.elementsEqual("al".utf8) || first.elementsEqual("el".utf8)) && !rest.isEmpty && !rest.contains(0x20)
    }

    /// Whether a case form holds every word of a listed article form and
    /// more, each of the more one of `others` (words naming a kind of
    /// group, `EvasionForms.groupWords`, unless told otherwise) or `the`:
    /// `qaida organization` holds `qaida`, `the houthi organization` holds
    /// HOUTHI GROUP's `houthi`.
    static func articleContained(
        _ queryForms: [NameForm], _ articleForms: [NameForm], others: Set<Substring> = EvasionForms.groupWords
    ) -> Bool {
        for listed in articleForms where containable(listed.text) {
            let wanted = listed.text.split(separator: " ")
            for form in queryForms {
                let words = form.text.split(separator: " ")
                guard words.count > wanted.count else { continue }
                var missing = wanted
                var othersNameGroups = true
                for word in words {
                    if let at = missing.firstIndex(of: word) {
                        missing.remove(at: at)
                    } else if !others.contains(word), word != "the" {
                        othersNameGroups = false
                        break
                    }
                }
                if othersNameGroups, missing.isEmpty { return true }
            }
        }
        return false
    }

    /// Whether `listed` has a space and, its spaces left out, is `run`.
    static func equalsWithoutSpaces(_ listed: String, _ run: String) -> Bool {
        guard listed.utf8.contains(0x20) else { return false }
        var letters = run.utf8.makeIterator()
        for byte in listed.utf8 where byte != 0x20 {
            guard letters.next() == byte else { return false }
        }
        return letters.next() == nil
    }

    /// The exact hit of the first name (then form) of the entry equal to a
    /// form of the case's `group`, in the Latin or the skeleton reading.
    private static func equalHit(
        _ group: [NameForm], _ names: [ScreeningEntry.Name], _ listed: [ListedNameReadings.Readings], skeleton: Bool
    ) -> Hit? {
        guard !group.isEmpty else { return nil }
        for i in names.indices {
            let forms = skeleton ? listed[i].forms.skeleton : listed[i].forms.latin
            for j in forms.indices where !forms[j].text.isEmpty {
                for q in group.indices where group[q].text == forms[j].text {
                    let reading = group[q].reading == .plain ? forms[j].reading : group[q].reading
                    return Hit(score: 1.0, name: names[i].text, method: names[i].isAlias ? .alias : .exact, reading: reading)
                }
            }
        }
        return nil
    }

    /// The reading in which the case name contains the listed one, trying
    /// each kind of containment in turn; nil when none holds.
    private static func containment(_ query: NameForms, _ listed: ListedNameReadings.Readings, type: ListEntry.EntryType) -> NameReading? {
        if let reading = firstContainmentPair(query, listed.forms, containedReading) { return reading }
        if readsAsGroup(type), let reading = runTogetherContained(query, listed.forms.latin) { return reading }
        if consonantsContained(query.consonantWords, listed, type: type) { return .consonants }
        if readsAsGroup(type), !query.consonantWords.isEmpty, let joined = runTogetherConsonants(listed.forms.consonants, normalized: listed.normalized),
            (query.consonantWords + query.consonantWawWords).contains(where: { containsByCharacters($0.text, joined) })
        {
            return .consonants
        }
        // Worked out here, for the few Arabic and Hebrew case names, rather than kept with every listed name.
        if readsAsGroup(type), !query.consonantPhraseWords.isEmpty, let phrase = EvasionForms.consonantPhrase(normalized: listed.normalized),
            consonantPhraseContained(query.consonantPhraseWords, phrase)
        {
            return .consonants
        }
        guard readsAsGroup(type), query.hasGroupWord || query.hasOutletWord || !query.consonantWords.isEmpty else { return nil }
        // With the case's translations too: `Organización Qaeda`, `Movimiento Houthi`.
        let forms = query.hasGroupWord || query.hasOutletWord ? query.latin + query.variants.filter { $0.reading == .translated } : []
        if query.hasGroupWord, articleContained(forms, listed.forms.article) { return .article }
        // Worked out here, once a pair and only for case names with such a word, rather than kept with every listed name.
        let groupless = EvasionForms.withoutGroupWords(listed.normalized), outletless = EvasionForms.withoutOutletWords(listed.normalized)
        if query.hasGroupWord, let groupless, articleContained(forms, [NameForm(groupless, .groupless)]) { return .groupless }
        if query.hasOutletWord, let outletless,
            articleContained(forms, [NameForm(outletless, .groupless)], others: EvasionForms.outletWords)
        {
            return .groupless
        }
        // An Arabic or Hebrew name with a word for a group or an outlet, word by word: `قناة المنار` holds `lmnr`.
        for consonants in EvasionForms.consonantsOfStripped([groupless, outletless].compactMap { $0 }, type: type)
        where query.consonantWords.contains(where: { containsByCharacters($0.text, consonants) }) {
            return .groupless
        }
        return nil
    }

    /// The groups of a case's forms and a listed name's that containment
    /// compares, in the order tried: Latin with Latin, skeleton with
    /// skeleton, the case's variant readings with the listed Latin forms,
    /// its skeleton's digit readings with the listed skeletons, its
    /// run-together reading with the listed Latin forms. `compare`'s first
    /// answer. Exact and respelt containment both read these pairs, and the
    /// index finds what either holds: `PreparedName.containers` holds those
    /// case readings' word classes.
    @inline(__always)
    private static func firstContainmentPair<T>(
        _ query: NameForms, _ listed: NameForms, _ compare: ([NameForm], [NameForm]) -> T?
    ) -> T? {
        compare(query.latin, listed.latin) ?? compare(query.skeleton, listed.skeleton) ?? compare(query.variants, listed.latin)
            ?? compare(query.skeletonVariants, listed.skeleton) ?? compare(query.runTogether, listed.latin)
    }

    /// Whether a case form holds a listed form's words, some respelt
    /// (`RespeltContainment`), in the pairs of readings exact containment
    /// compares (`firstContainmentPair`: `H4mmas Media`, `HammasOfficial`).
    static func respeltContained(_ query: NameForms, _ listed: NameForms) -> Bool {
        firstContainmentPair(query, listed) { queryForms, nameForms -> Bool? in
            for q in queryForms.indices where queryForms[q].hasSpace {
                for n in nameForms.indices where RespeltContainment.holds(queryForms[q], nameForms[n]) { return true }
            }
            return nil
        } ?? false
    }

    /// The reading of the first pair (case form, then listed form) where the
    /// case's form contains the listed one, if any.
    private static func containedReading(_ queryForms: [NameForm], _ nameForms: [NameForm]) -> NameReading? {
        for q in queryForms.indices {
            for n in nameForms.indices where contains(queryForms[q].text, nameForms[n].text) {
                return queryForms[q].reading == .plain ? nameForms[n].reading : queryForms[q].reading
            }
        }
        return nil
    }

    /// The reading in which a case name holds, as one of its words, a listed
    /// name of several words written without its spaces: `BokoHaram Media`,
    /// `B.O.K.O.H.A.R.A.M. Media` (joined: `bokoharam media`),
    /// `BokoHaramOfficial` (split: `bokoharam official`). The listed words
    /// run together are one word of five letters or more (`containable`).
    static func runTogetherContained(_ query: NameForms, _ nameForms: [NameForm]) -> NameReading? {
        for n in nameForms.indices where nameForms[n].hasSpace {
            for forms in [query.latin, query.variants, query.runTogether] {
                for q in forms.indices where holdsRunTogether(forms[q].text, nameForms[n].text) {
                    return forms[q].reading == .plain ? nameForms[n].reading : forms[q].reading
                }
            }
        }
        return nil
    }

    /// `contains(query, listed without its spaces)`, read in place: the
    /// query has two words or more, one of them is `listed`'s letters run
    /// together, and those are one containable word (five scalars or more).
    /// By bytes, with no string made: every case/entry pair of an
    /// organisation comes here, and making the run-together text for each
    /// cost a fifth of scoring a pair. A space byte is never part of another
    /// scalar's UTF-8, so cutting at it gives `String.split`'s words.
    static func holdsRunTogether(_ query: String, _ listed: String) -> Bool {
        var query = query, listed = listed
        return query.withUTF8 { q in
            listed.withUTF8 { l in
                var spaces = 0, scalars = 0
                for byte in l {
                    if byte == 0x20 { spaces += 1 } else if byte & 0xC0 != 0x80 { scalars += 1 }
                }
                let letters = l.count - spaces
                guard spaces > 0, scalars >= EvasionScores.shortestContainedWord, q.count > letters else { return false }
                var words = 0, found = false, start = 0
                while start < q.count {
                    while start < q.count, q[start] == 0x20 { start += 1 }
                    var end = start
                    while end < q.count, q[end] != 0x20 { end += 1 }
                    if end > start {
                        words += 1
                        if !found, end - start == letters {
                            var at = start
                            found = true
                            for byte in l where byte != 0x20 {
                                if q[at] != byte {
                                    found = false
                                    break
                                }
                                at += 1
                            }
                        }
                    }
                    start = end
                }
                return found && words >= 2
            }
        }
    }

    /// Whether every token of `listed` appears in `query` (as a multiset)
    /// and `query` has more tokens; `listed` must be long enough to take
    /// part (`EvasionScores.shortestContainedWord`).
    package static func contains(_ query: String, _ listed: String) -> Bool {
        guard query.utf8.count > listed.utf8.count, containable(listed) else { return false }
        if let answer = asciiContains(query, listed) { return answer }
        return containsByCharacters(query, listed)
    }

    /// `contains` on the tokens `String.split` cuts: the reference, and the
    /// way for any text that is not ASCII.
    static func containsByCharacters(_ query: String, _ listed: String) -> Bool {
        let queryTokens = query.split(separator: " ")
        let listedTokens = listed.split(separator: " ")
        guard queryTokens.count > listedTokens.count else { return false }
        var used = [Bool](repeating: false, count: queryTokens.count)
        for token in listedTokens {
            guard let at = queryTokens.indices.first(where: { !used[$0] && queryTokens[$0] == token }) else { return false }
            used[at] = true
        }
        return true
    }

    /// `containsByCharacters` on two ASCII texts, by their bytes: in ASCII
    /// every byte is a character of its own, so cutting at each space byte
    /// gives `String.split`'s tokens. Nil for any other text. A case's
    /// names meet every candidate entry's forms here, and splitting both
    /// into Substrings each time cost more than the rest of the test.
    static func asciiContains(_ query: String, _ listed: String) -> Bool? {
        guard JaroWinkler.isASCII(query), JaroWinkler.isASCII(listed) else { return nil }
        let answer = query.utf8.withContiguousStorageIfAvailable { q in
            listed.utf8.withContiguousStorageIfAvailable { l -> Bool in
                let queryTokens = JaroWinkler.tokenRanges(q), listedTokens = JaroWinkler.tokenRanges(l)
                guard queryTokens.count > listedTokens.count else { return false }
                var used = [Bool](repeating: false, count: queryTokens.count)
                for token in listedTokens {
                    let wanted = UnsafeBufferPointer(rebasing: l[token])
                    guard let at = queryTokens.indices.first(where: {
                        !used[$0] && UnsafeBufferPointer(rebasing: q[queryTokens[$0]]).elementsEqual(wanted)
                    }) else { return false }
                    used[at] = true
                }
                return true
            }
        }
        // Nil when either text is not contiguous (never for a native string).
        return answer ?? nil
    }

    /// Whether a listed name's readings take part in containment at all
    /// (each then if it is `containable`): a name of two words or more, or a
    /// one-word name of an organisation (or an entry of another kind) long
    /// enough in its plain reading. A person's or vessel's one-word name
    /// (`MULLER`, `CONRAD`) inside a longer customer name is a namesake, not
    /// a listed group's name with words added; and a name too short to take
    /// part must not take part through a longer reading (`EMMA`: skeleton
    /// `ernrna`, which `Szabó Vivien Emma` contained).
    static func entersContainment(_ normalized: String, type: ListEntry.EntryType) -> Bool {
        guard !normalized.isEmpty else { return false }
        if normalized.utf8.contains(0x20) { return true }
        switch type {
        case .individual, .vessel: return false
        case .organization, .other: return normalized.unicodeScalars.count >= EvasionScores.shortestContainedWord
        }
    }

    /// Whether a listed form takes part in containment at all.
    static func containable(_ listed: String, shortestWord: Int = EvasionScores.shortestContainedWord) -> Bool {
        guard !listed.isEmpty else { return false }
        if listed.utf8.contains(0x20) { return true }
        return listed.unicodeScalars.count >= shortestWord
    }

    /// The token a containable listed form is posted under in the index: its
    /// longest (the first of those in UTF-8 order). A query that contains
    /// the form contains this token, so looking up each query token finds it.
    static func postingToken(_ listed: String, shortestWord: Int = EvasionScores.shortestContainedWord) -> Substring? {
        guard containable(listed, shortestWord: shortestWord) else { return nil }
        var best: Substring?
        for token in listed.split(separator: " ") {
            guard let current = best else {
                best = token
                continue
            }
            let a = token.unicodeScalars.count, b = current.unicodeScalars.count
            if a > b || (a == b && token.utf8.lexicographicallyPrecedes(current.utf8)) { best = token }
        }
        return best
    }
}
