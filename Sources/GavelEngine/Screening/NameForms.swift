import Foundation
import GavelSyntax

/// How a form of a name was read (SPEC §3, "Evasion").
package enum NameReading: String, Sendable, CaseIterable {
    /// `NameNormalizer.normalize`: the v1 reading.
    case plain
    /// Runs of single letters joined (`H.A.M.A.S` → `hamas`).
    case joined
    /// UTS #39 confusable skeletons (`Наmas` with Cyrillic Н, а).
    case skeleton
    /// Consonants only, for names written in an abjad (Arabic, Hebrew).
    case consonants
    /// Digits read as the letters they stand for (`H4mas`).
    case digits
    /// Each run of one letter written once (`HHaammaass` → `hamas`).
    case repeats
    /// One digit put between every two letters left out (`H1A1M1A1S` → `hamas`).
    case fillers
    /// A Cyrillic or Greek spelling romanised the way its own language
    /// does where ICU's Any-Latin does otherwise (`Гамас` → `hamas`, Ukrainian
    /// г as h; `Βάγκνερ` → `vagner`, Greek γκ as g), or a scholarly
    /// transliteration spelt as lists spell it (`š` as sh):
    /// `EvasionForms.otherRomanisations`.
    case romanised
    /// A case's name without the suffixes written after an apostrophe
    /// (`Hamas’s`, `PKK'nın` → `hamas`, `pkk`): `EvasionForms.withoutApostropheSuffixes`;
    /// and the name without its trademark signs (`HAMAS™` → `hamas`, not
    /// NFKC's `hamastm`) and flags (`Hamas 🇵🇸`): `EvasionForms.withoutDecorations`.
    case suffix
    /// A host read out of a link another URL carries in its query or path
    /// (`google.com/url?q=https://aqsatv.ps`,
    /// `web.archive.org/web/2021/https://aqsatv.ps/`), or the site a
    /// translation proxy's host stands for (`aqsatv-ps.translate.goog`):
    /// identifiers only.
    case linked
    /// A listed name without its leading Arabic article (`AL QAEDA` →
    /// `qaeda`): `EvasionForms.withoutArticle`.
    case article
    /// A listed name's words among more words of the case name, some of
    /// them respelt (`Hammas Media Office` → `hamas`): `RespeltContainment`.
    case respelt
    /// A case's name in another language read in the English the lists
    /// use (`Estado Islámico` → `state islamic`): `EvasionForms.translatedReadings`.
    case translated
    /// A listed organisation's name without its word for a kind of group
    /// or outlet, held with another such word (`Houthi Movement` → HOUTHI
    /// GROUP's `houthi`, `Al Manar Television` → AL MANAR TV's `al manar`):
    /// `EvasionForms.withoutGroupWords`, `withoutOutletWords`.
    case groupless
    /// A name with each Arabic or Persian given name (and `abu`, `bin`,
    /// `abdul`) spelt as its group's first spelling (`Mohamed Sarur` →
    /// `muhammad sarur`, `Youssef Ben Omar` → `yusuf bin umar`), compared
    /// with the other side's same reading: `EvasionForms.givenNamesRead`.
    case givenNames = "given_names"
    /// A listed site's registered name (the label before its public
    /// suffix) under another suffix, hyphenated otherwise, with a letter
    /// doubled or run together with its suffix (`aqsatv.com`, `aqsa-tv.ps`,
    /// `aqsatv-ps.com` for a listed `aqsatv.ps`; `presstv.co.uk` for
    /// `presstv.ir`): `RegisteredNames.swift`. Identifiers only.
    case registered
}

/// One form of a name: normalised text and its length in scalars.
package struct NameForm: Sendable, Hashable {
    package private(set) var text: String
    package private(set) var reading: NameReading
    package private(set) var length: Int
    /// Which groups of scalars the text holds (`ScalarSignature`): with a
    /// case form's `levels`, a bound on what the two can share, so that a
    /// pair that cannot reach the floor is not scored.
    let signature: UInt64
    /// A case's form only (a listed one would pay for it at every load):
    /// what scoring it against each candidate name would otherwise redo.
    /// Kept in one shared box: a form is read out of its array for every
    /// pair it is scored in, and the box costs one retain, its arrays seven.
    private var prepared: PreparedForScoring?

    private final class PreparedForScoring: Sendable {
        let sortedTokenBytes: [UInt8]?
        let levels: [UInt32]
        let words: TokenAlignment.Words

        init(sortedTokenBytes: [UInt8]?, levels: [UInt32], words: TokenAlignment.Words) {
            self.sortedTokenBytes = sortedTokenBytes
            self.levels = levels
            self.words = words
        }
    }

    /// A case's form only: when it is ASCII with a space, `JaroWinkler.sortedTokenBytes` of it.
    var sortedTokenBytes: [UInt8]? { prepared?.sortedTokenBytes }
    /// A case's form only: `ScalarSignature.levels` of its scalars.
    var levels: [UInt32]? { prepared?.levels }
    /// A case's form only: its words, for `TokenAlignment` against each candidate name.
    var words: TokenAlignment.Words? { prepared?.words }
    /// Whether the text is ASCII and whether it has a space: what
    /// `JaroWinkler.nameScore` would otherwise ask of both texts for every pair.
    let isASCII: Bool
    let hasSpace: Bool
    /// `RespeltContainment.WordEnds` of the text: every case form meets
    /// every form of the entries it is scored against there.
    let wordEnds: RespeltContainment.WordEnds

    init(_ text: String, _ reading: NameReading) {
        self.text = text
        self.reading = reading
        length = text.unicodeScalars.count
        signature = ScalarSignature.of(text.unicodeScalars.lazy.map(\.value))
        isASCII = JaroWinkler.isASCII(text)
        hasSpace = text.utf8.contains(0x20)
        wordEnds = RespeltContainment.WordEnds(text)
    }

    // The sorted tokens follow from the text: a prepared form equals the plain one.
    package static func == (a: NameForm, b: NameForm) -> Bool {
        a.text == b.text && a.reading == b.reading
    }

    package func hash(into hasher: inout Hasher) {
        hasher.combine(text)
        hasher.combine(reading)
    }

    /// The same text, read another way (a reading of the name without a decoration).
    func read(as reading: NameReading) -> NameForm {
        var copy = self
        copy.reading = reading
        return copy
    }

    /// This form with its sorted tokens worked out, for scoring against many names.
    func preparedForScoring() -> NameForm {
        var copy = self
        copy.prepared = PreparedForScoring(
            sortedTokenBytes: hasSpace && isASCII ? JaroWinkler.sortedTokenBytes(text) : nil,
            levels: ScalarSignature.levels(text.unicodeScalars.map(\.value)), words: TokenAlignment.Words(text))
        return copy
    }
}

/// Every form a name is compared in. Forms are compared only within their
/// group: `latin` (plain and joined) with `latin`, `skeleton` with
/// `skeleton`, `consonants` with `consonants`; a query's `variants` with a
/// listed name's `latin` forms.
package struct NameForms: Sendable {
    /// The plain form first, then the joined one when it differs (and for a
    /// case's name under a right-to-left override, the same of the name as shown).
    package var latin: [NameForm]
    /// The skeleton form, then its joined form when it differs. For a query,
    /// empty unless it has a look-alike (`EvasionForms.hasLookAlike`).
    package var skeleton: [NameForm]
    /// For a query, nil unless it is written (partly) in Arabic or Hebrew.
    /// The second, for a query only, the same with a word-final `ه` left out
    /// as a ta marbuta is (`EvasionForms.withoutFinalHeh`), when that differs.
    package var consonants: [NameForm]
    /// Query only: the readings scored as `variant` (a factor below 1 times
    /// Jaro–Winkler against a listed name's `latin` forms): digits for
    /// letters, then letters doubled or separated by filler, each form with
    /// its reading (`EvasionForms.variantReadings`).
    package var variants: [NameForm]
    /// Query only: the plain reading with words that run together with a
    /// name split off (`hamasofficial` → `hamas official`), compared by
    /// containment alone (`EvasionForms.runTogetherSplit`).
    package var runTogether: [NameForm] = []
    /// Query only: the digit readings of the skeleton reading (`Н4МА5` →
    /// `h4rna5` → `harnas`), scored as `variant` against a listed name's
    /// skeleton forms: a look-alike and a digit in one name were read by
    /// neither reading alone.
    package var skeletonVariants: [NameForm] = []
    /// Query only: the joined reading when the whole name is one run of
    /// single letters (`B.O.K.O. H.A.R.A.M.` → `bokoharam`), which equals a
    /// listed name of several words written without its spaces as `exact`
    /// (`NameScorer.best`): the dots lost the word boundary, not a letter.
    package var wholeRun: String?
    /// Query only: the same in the skeleton reading, where `rn` (the
    /// skeleton of m) counts as one letter (`В.О.К.О Н.А.R.А.М` →
    /// `bokohararn`), met by a listed skeleton form without its spaces.
    package var skeletonWholeRun: String?
    /// Query only: the consonants of an Arabic or Hebrew name spelt as the
    /// lists spell a foreign or Hebrew name (`EvasionForms.asListsSpell`:
    /// `فاجنر` → `vgnr`), when they differ from `consonants`; scored as
    /// those are, but only when equal to a listed name's.
    package var consonantRespellings: [NameForm] = []
    /// Query only: for a name that is a name and words naming a group
    /// (`EvasionForms.namesAGroup`), the consonants of each of its words
    /// apart, in each spelling (`مجموعة فاجنر` → `mjmw fjnr`, `mgmw vgnr`):
    /// compared by containment alone, with a listed one-word name's
    /// consonants (`NameScorer.consonantsContained`).
    package var consonantWords: [NameForm] = []
    /// Query only: the same, in the spelling that also reads an Arabic or
    /// Persian `و` after a letter as the vowel it most often is there
    /// (`گروه بوکوحرام` → `gr bkhrm`): compared only with a listed name's
    /// consonants run together (`NameScorer.runTogetherConsonants`), which
    /// need five consonants, as such a guess does on its own.
    package var consonantWawWords: [NameForm] = []
    /// Query only: for an Arabic or Hebrew name of two words or more, each
    /// word apart in each spelling as `EvasionForms.phraseWord` reads it
    /// (`EvasionForms.consonantPhraseWords`): compared by
    /// containment alone, with a listed organisation's consonant phrase
    /// (`EvasionForms.consonantPhrase`, `NameScorer.consonantPhraseContained`).
    package var consonantPhraseWords: [NameForm] = []
    /// Query only: whether a Latin or translated form has a word naming a
    /// kind of group (`EvasionForms.groupWords`), without which no listed
    /// name without its article or its own word for a group is contained
    /// (`NameScorer.articleContained`): known once per case name rather
    /// than found out for every pair.
    package var hasGroupWord = false
    /// Query only: whether a Latin or translated form has a word naming an
    /// outlet (`EvasionForms.outletWords`), without which no listed name
    /// without its own such words is contained.
    package var hasOutletWord = false
    /// Listed only: the plain reading without a leading Arabic article
    /// (`EvasionForms.withoutArticle`), scored as `variant` against a
    /// case's Latin forms, and contained only with words naming a kind of
    /// group (`EvasionForms.groupWords`). For an organisation's (or other
    /// entry's) name only: `NameScorer` and `NameIndex` leave it out for
    /// people and vessels.
    package var article: [NameForm] = []
    /// The plain reading with its given names spelt one way
    /// (`EvasionForms.givenNamesRead`), when it holds one: scored as
    /// `variant` against the other side's such reading (`NameScorer.best`).
    package var givenNames: [NameForm] = []

    /// A listed name: every group, so that any query can meet it.
    package static func listed(_ text: String, normalized: String) -> NameForms {
        let latin = EvasionForms.latinForms(normalized, raw: text)
        let skeletonForm = EvasionForms.skeleton(text)
        return NameForms(
            latin: latin,
            skeleton: skeletonForm.isEmpty
                ? [] : EvasionForms.latinForms(skeletonForm, raw: text, normalize: EvasionForms.skeleton, oneLetterWords: EvasionForms.skeletonLetters).map { NameForm($0.text, .skeleton) },
            consonants: EvasionForms.consonants(normalized: normalized).map { [NameForm($0, .consonants)] } ?? [],
            variants: [],
            article: EvasionForms.withoutArticle(normalized).map { [NameForm($0, .article)] } ?? [],
            givenNames: EvasionForms.givenNamesRead(normalized).map { [NameForm($0, .givenNames)] } ?? [])
    }

    /// A case's name, normalised here, read on at most `Screener.Query.maxScalars`
    /// scalars before and after normalising: compatibility mappings can make
    /// one character eighteen letters (U+FDFA), and the readings of a 70,000-letter
    /// "name" took seconds.
    package static func query(_ text: String) -> NameForms {
        let cut = LongValueCut.cut(text, limit: Screener.Query.maxScalars).text
        return query(cut, normalized: cutToLongestQuery(NameNormalizer.normalize(cut)))
    }

    private static func cutToLongestQuery(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard scalars.count > Screener.Query.maxScalars else { return text }
        return String(String.UnicodeScalarView(scalars.prefix(Screener.Query.maxScalars)))
    }

    /// A case's name: only the readings that can differ from the plain one.
    /// A trademark sign or a flag (`HAMAS™`, `Hamas 🇵🇸`), which
    /// normalising makes letters, decorates the name in every reading: the
    /// name is read without it too, each reading of that added to its
    /// group (the plain one as `suffix`), so that `H4MAS™` is read as `H4MAS` is.
    package static func query(_ text: String, normalized: String) -> NameForms {
        var forms = readings(text, normalized: normalized)
        if let undecorated = EvasionForms.withoutDecorations(text) {
            forms.add(readings(undecorated, normalized: cutToLongestQuery(NameNormalizer.normalize(undecorated))))
        }
        return forms
    }

    /// The readings of a case's name as it is written.
    private static func readings(_ text: String, normalized: String) -> NameForms {
        var latin = EvasionForms.latinForms(normalized, raw: text)
        // Under a right-to-left override the name shows reversed: its plain reading as shown too.
        let shown = EvasionForms.inDisplayOrder(text)
        if shown != text {
            for form in EvasionForms.latinForms(cutToLongestQuery(NameNormalizer.normalize(shown)), raw: shown)
            where !form.text.isEmpty && !latin.contains(form) {
                latin.append(form)
            }
        }
        // Another spelling's plain and joined forms, as `reading`, where they are not read already.
        func add(_ spelling: String, as reading: NameReading) {
            for form in EvasionForms.latinForms(cutToLongestQuery(NameNormalizer.normalize(spelling)), raw: spelling)
            where !form.text.isEmpty && !latin.contains(where: { $0.text == form.text }) {
                latin.append(NameForm(form.text, reading))
            }
        }
        for other in EvasionForms.otherRomanisations(text) { add(other, as: .romanised) }
        // The name without what is written after an apostrophe (`Hamas’s`), as it is and romanised.
        let unsuffixed = EvasionForms.withoutApostropheSuffixes(text)
        if let unsuffixed {
            for spelling in [unsuffixed] + EvasionForms.otherRomanisations(unsuffixed) { add(spelling, as: .suffix) }
        }
        // The name without marks written inside its words (`Ha.mas`, `Hez-bollah`), read as joined.
        let unmarked = EvasionForms.withoutInWordMarks(unsuffixed ?? text)
        if let unmarked { add(unmarked, as: .joined) }
        var skeleton: [NameForm] = []
        if EvasionForms.hasLookAlike(text) {
            let form = EvasionForms.skeleton(text)
            if !form.isEmpty {
                skeleton = EvasionForms.latinForms(form, raw: text, normalize: EvasionForms.skeleton, oneLetterWords: EvasionForms.skeletonLetters).map { NameForm($0.text, .skeleton) }
            }
            // Greek capitals the fancy-text table reads as another letter, read as their own too (`ΗΙΖΒΑΛΛΑΗ`),
            // and the name without its apostrophe suffixes (`Наmas’s`).
            for other in [FancyLetters.asOwnLetters(text), unsuffixed, unmarked].compactMap({ $0 }) {
                for form in EvasionForms.latinForms(
                    EvasionForms.skeleton(other), raw: other, normalize: EvasionForms.skeleton, oneLetterWords: EvasionForms.skeletonLetters)
                where !form.text.isEmpty && !skeleton.contains(where: { $0.text == form.text }) {
                    skeleton.append(NameForm(form.text, .skeleton))
                }
            }
            // Upside-down and mirrored text is read backwards, as generators write it; some do not, so in its own order too.
            if FancyLetters.isTurned(text) || FancyLetters.isMirrored(text) {
                let inPlace = FancyLetters.turnedInPlace(text)
                for form in EvasionForms.latinForms(
                    EvasionForms.skeleton(inPlace), raw: inPlace, normalize: EvasionForms.skeleton, oneLetterWords: EvasionForms.skeletonLetters)
                where !form.text.isEmpty && !skeleton.contains(where: { $0.text == form.text }) {
                    skeleton.append(NameForm(form.text, .skeleton))
                }
            }
        }
        var consonants: [NameForm] = []
        var consonantRespellings: [NameForm] = []
        var consonantWords: [NameForm] = []
        var consonantWawWords: [NameForm] = []
        var consonantPhraseWords: [NameForm] = []
        if EvasionForms.hasAbjadLetter(text) {
            let spellings = EvasionForms.consonantSpellings(text), respelt = EvasionForms.asListsSpell(text)
            for spelling in spellings {
                if let form = EvasionForms.consonants(normalized: NameNormalizer.normalize(spelling)), !consonants.contains(where: { $0.text == form }) {
                    consonants.append(NameForm(form, .consonants))
                }
            }
            // The guess as lists spell, then one that also reads an Arabic و after a letter as the vowel it
            // is in `بوكو حرام` (the lists' `bkhrm` leaves it out), which needs more consonants to count.
            let wawAsVowel = EvasionForms.asListsSpell(text, arabicWawAsVowel: true)
            let guesses = [(respelt, EvasionForms.shortestRespelling)] + (wawAsVowel == respelt ? [] : [(wawAsVowel, EvasionForms.shortestWawRespelling)])
            for (guess, fewest) in guesses {
                if let form = EvasionForms.consonants(normalized: NameNormalizer.normalize(guess)), form.utf8.count >= fewest,
                    !consonants.contains(where: { $0.text == form }), !consonantRespellings.contains(where: { $0.text == form })
                {
                    consonantRespellings.append(NameForm(form, .consonants))
                }
            }
            for spelling in spellings + [respelt, wawAsVowel] {
                if let words = EvasionForms.consonantPhraseWords(spelling: spelling), !consonantPhraseWords.contains(where: { $0.text == words }) {
                    consonantPhraseWords.append(NameForm(words, .consonants))
                }
            }
            if EvasionForms.namesAGroup(text) {
                for spelling in spellings + [respelt] {
                    if let words = EvasionForms.consonantWords(spelling: spelling),
                        !consonantWords.contains(where: { $0.text == words })
                    {
                        consonantWords.append(NameForm(words, .consonants))
                    }
                }
                if wawAsVowel != respelt, let words = EvasionForms.consonantWords(spelling: wawAsVowel),
                    !consonantWords.contains(where: { $0.text == words })
                {
                    consonantWawWords.append(NameForm(words, .consonants))
                }
            }
        }
        let variants = EvasionForms.variantReadings(text, normalized: normalized, latin: latin)
        var skeletonVariants: [NameForm] = []
        // The digit readings of the skeleton reading; without one, of a Latin form with a `1`: a `1` is an i or
        // an l, and a name may write both with it (`H1zb4114h`, `1183r4710n`), which no one digit reading has.
        // Read through skeletons, where l is i, either meets the listed skeleton forms.
        let digitSources = skeleton.isEmpty ? latin.map(\.text).filter { $0.utf8.contains(UInt8(ascii: "1")) } : skeleton.map(\.text)
        for source in digitSources {
            for reading in EvasionForms.digitReadings(source) {
                let read = EvasionForms.skeletonOfReading(reading)
                if !read.isEmpty, !skeleton.contains(where: { $0.text == read }), !skeletonVariants.contains(where: { $0.text == read }) {
                    skeletonVariants.append(NameForm(read, .digits))
                }
            }
        }
        var wholeRun: String?
        let words = normalized.split(separator: " ")
        if words.count >= 2, words.allSatisfy({ $0.unicodeScalars.count == 1 }),
            let joined = latin.first(where: { $0.reading == .joined }), !joined.text.isEmpty, !joined.hasSpace
        {
            wholeRun = joined.text
        }
        var skeletonWholeRun: String?
        if let first = skeleton.first, !text.unicodeScalars.contains(where: { EvasionForms.conjunctions.contains($0.value) }) {
            let words = first.text.split(separator: " ")
            if words.count >= 2, words.allSatisfy({ $0.unicodeScalars.count == 1 || EvasionForms.skeletonLetters.contains($0) }),
                let joined = EvasionForms.joinedLetters(first.text, oneLetterWords: EvasionForms.skeletonLetters), !joined.isEmpty,
                !joined.utf8.contains(0x20)
            {
                skeletonWholeRun = joined
            }
        }
        // The words that may say the name is a group's or an outlet's, in the Latin and translated readings.
        let kindWords = (latin + variants.filter { $0.reading == .translated }).flatMap { $0.text.split(separator: " ") }
        var runTogether: [NameForm] = []
        if let split = EvasionForms.runTogetherSplit(normalized), !latin.contains(where: { $0.text == split }) {
            runTogether = [NameForm(split, .plain)]
        }
        return NameForms(
            latin: latin.map { $0.preparedForScoring() }, skeleton: skeleton.map { $0.preparedForScoring() },
            consonants: consonants.map { $0.preparedForScoring() }, variants: variants.map { $0.preparedForScoring() },
            runTogether: runTogether, skeletonVariants: skeletonVariants.map { $0.preparedForScoring() }, wholeRun: wholeRun,
            skeletonWholeRun: skeletonWholeRun, consonantRespellings: consonantRespellings.map { $0.preparedForScoring() },
            consonantWords: consonantWords, consonantWawWords: consonantWawWords, consonantPhraseWords: consonantPhraseWords,
            hasGroupWord: kindWords.contains { EvasionForms.groupWords.contains($0) },
            hasOutletWord: kindWords.contains { EvasionForms.outletWords.contains($0) },
            givenNames: EvasionForms.givenNamesRead(normalized).map { [NameForm($0, .givenNames).preparedForScoring()] } ?? [])
    }

    /// `other`'s forms that this one lacks, each added to its group; its
    /// plain reading as `suffix` (what it reads is the name without a
    /// decoration, as `suffix` reads one without an ending).
    private mutating func add(_ other: NameForms) {
        func append(_ forms: [NameForm], to group: inout [NameForm]) {
            for form in forms where !form.text.isEmpty && !group.contains(where: { $0.text == form.text }) { group.append(form) }
        }
        append(other.latin.map { $0.reading == .plain ? $0.read(as: .suffix) : $0 }, to: &latin)
        append(other.skeleton, to: &skeleton)
        append(other.consonants, to: &consonants)
        append(other.variants, to: &variants)
        append(other.runTogether, to: &runTogether)
        append(other.skeletonVariants, to: &skeletonVariants)
        append(other.consonantRespellings, to: &consonantRespellings)
        append(other.consonantWords, to: &consonantWords)
        append(other.consonantWawWords, to: &consonantWawWords)
        append(other.consonantPhraseWords, to: &consonantPhraseWords)
        append(other.givenNames, to: &givenNames)
        wholeRun = wholeRun ?? other.wholeRun
        skeletonWholeRun = skeletonWholeRun ?? other.skeletonWholeRun
        hasGroupWord = hasGroupWord || other.hasGroupWord
        hasOutletWord = hasOutletWord || other.hasOutletWord
    }
}
