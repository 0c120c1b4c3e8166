/// Consonant phrase containment: a listed name of two words or more, read as
/// the consonants of each word, held in order by an Arabic or Hebrew case
/// name with more words (`إعلام بوكو حرام`, "Boko Haram media", holds
/// BOKO HARAM's `bk hrm`; `مكتب أنصار الله`, "the Ansar Allah office",
/// ANSAR ALLAH's `ansr alh`). The one-word names have their own, narrower
/// containment (`NameScorer.consonantsContained`): the consonants of one
/// word say too little without a word naming a group beside them.
extension EvasionForms {
    /// The fewest consonants a listed phrase must have in all: `bk hrm`,
    /// `ansr alh` and `jsh mhmd` have five or more; a pair of short words
    /// (`BAIT UL-MAAL`, "house of money", `bt alml`) is an everyday phrase.
    static let shortestConsonantPhrase = 5

    /// Words that are the Arabic article as the lists write it apart.
    static let articleWords: Set<Substring> = ["al", "el", "ul", "il"]

    /// A listed name read as Arabic writes it, word by word: the article
    /// joined to the word after it (`AL-SHABAAB` → `alshabaab`, as
    /// `الشباب`), each word as `phraseWord` reads it; nil unless two words
    /// or more have a consonant and they have `shortestConsonantPhrase` in all.
    static func consonantPhrase(normalized: String) -> String? {
        guard normalized.utf8.contains(0x20) else { return nil }
        var words: [String] = []
        var count = 0
        var article: Substring?
        for word in normalized.split(separator: " ") {
            if articleWords.contains(word) {
                article = word
                continue
            }
            let (letters, consonants) = phraseWord((article.map { String($0) } ?? "") + word)
            article = nil
            guard consonants > 0 else { continue }
            words.append(letters)
            count += consonants
        }
        return words.count >= 2 && count >= shortestConsonantPhrase ? words.joined(separator: " ") : nil
    }

    /// A case name's spelling (`consonantSpellings`, `asListsSpell`) word by
    /// word as `phraseWord` reads each; nil unless two words or more have a
    /// consonant. Each word is normalised alone, as in `consonantWords`.
    static func consonantPhraseWords(spelling: String) -> String? {
        var words: [String] = []
        for word in spellingWords(spelling) {
            for part in NameNormalizer.normalize(String(word)).split(separator: " ") {
                let (letters, consonants) = phraseWord(String(part))
                if consonants > 0 { words.append(letters) }
            }
        }
        return words.count >= 2 ? words.joined(separator: " ") : nil
    }

    /// A word's consonants, a doubled one written once, after an `a` when
    /// the word begins with a vowel (`ansar` → `ansr`, `allah` → `alh`,
    /// `نصر`, Nasr, → `nsr`): Arabic writes a word's first vowel with an
    /// alef, so Ansar Allah is not Nasrallah. With the number of consonants.
    static func phraseWord(_ word: String) -> (String, Int) {
        let vowels: Set<UInt8> = Set("aeiou".utf8)
        var out: [UInt8] = []
        var consonants = 0
        for (offset, byte) in word.utf8.enumerated() {
            if offset == 0, vowels.contains(byte) {
                out.append(UInt8(ascii: "a"))
            } else if isConsonant(byte), out.last != byte {
                out.append(byte)
                consonants += 1
            }
        }
        return (String(decoding: out, as: UTF8.self), consonants)
    }
}

extension NameScorer {
    /// Whether a case form holds a listed consonant phrase's words in
    /// order, one after another, and more words besides.
    static func consonantPhraseContained(_ queryForms: [NameForm], _ phrase: String) -> Bool {
        let wanted = phrase.split(separator: " ")
        for form in queryForms {
            let words = form.text.split(separator: " ")
            guard words.count > wanted.count else { continue }
            for start in 0 ... (words.count - wanted.count) where words[start ..< start + wanted.count].elementsEqual(wanted) {
                return true
            }
        }
        return false
    }
}
