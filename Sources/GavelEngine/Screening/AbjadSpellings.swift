import Foundation

/// The spellings of an Arabic or Hebrew case name whose consonants are
/// compared (`NameReading.consonants`): ICU's reading, and the reading the
/// lists give a foreign or a Hebrew name where ICU reads its letters
/// otherwise. Case names only, each beside the others: the best counts.
extension EvasionForms {
    /// The spellings scored by Jaro–Winkler, each once: the name without
    /// ta marbuta and tatweel (`withoutTaMarbuta`), and the same with a
    /// word-final heh left out (`withoutFinalHeh`).
    static func consonantSpellings(_ text: String) -> [String] {
        let withoutTaMarbuta = withoutTaMarbuta(hebrewTranscriptionRead(text))
        let withoutHeh = withoutFinalHeh(withoutTaMarbuta)
        return withoutHeh == withoutTaMarbuta ? [withoutTaMarbuta] : [withoutTaMarbuta, withoutHeh]
    }

    /// The fewest consonants a respelling (`asListsSpell`) must have to be
    /// compared: three are too few for a guess on top (`جورج`, George, is
    /// `grg` so, the Taliban alias `Gurg`).
    static let shortestRespelling = 4
    /// The fewest consonants a respelling that also reads an Arabic `و`
    /// after a letter as a vowel (`asListsSpell(_:arabicWawAsVowel:)`) must
    /// have: `بوكو حرام` is Boko Haram's `bkhrm` so, where four let
    /// `محمود` (Mahmoud) be Muhammad's `mhmd`.
    static let shortestWawRespelling = 5

    /// The name with the letters ICU reads otherwise than the lists spell
    /// a name written in them rewritten as Latin letters, a word-final heh
    /// left out (`withoutFinalHeh`):
    /// - Arabic writes a foreign g with `ج` (Egyptian g) or `غ`, and v with
    ///   `ف`: `فاجنر`, `واغنر` are Wagner, which the lists also spell Vagner;
    ///   ICU reads `j`, `gh`, `f`. Here `g`, `g`, `v`.
    /// - `و` and `ו` beginning a word are a consonant, which names from other
    ///   languages spell v (`واغنر`, `ואגנר`); ICU reads `w`. Here v.
    /// - Hebrew `ש` is sh as often as s (`אל שבאב`, al-Shabaab); ICU reads s.
    ///   Here sh.
    /// - Hebrew `ק` is k as often as q (`בוקו חראם`, Boko Haram), and `ו`
    ///   after a letter is most often the vowel o or u (`בוקו`), which the
    ///   consonants leave out; ICU reads q and w. Here k, and nothing
    ///   (`וו` is v). Arabic `و` after a letter stays: it is as often the
    ///   consonant w (`الدولة`, `توحيد`), and read as a vowel it made
    ///   `محمود` (Mahmoud) Muhammad's `mhmd`.
    /// Such a respelling is a guess letter by letter, so it counts only when
    /// its consonants equal a listed name's (`NameScorer`), never as a near
    /// miss on top. The text is read in its compatibility form first, so
    /// that Arabic presentation forms count as their letters.
    /// With `arabicWawAsVowel`, an Arabic `و` after a letter is read as the
    /// vowel it is as often as a consonant, and left out like Hebrew `ו`: a
    /// second guess, compared only with `shortestWawRespelling` consonants
    /// or more.
    static func asListsSpell(_ text: String, arabicWawAsVowel: Bool = false) -> String {
        let scalars = Array(
            withoutFinalHeh(withoutTaMarbuta(hebrewTranscriptionRead(text))).precomposedStringWithCompatibilityMapping.unicodeScalars)
        var out = String.UnicodeScalarView()
        var i = 0
        while i < scalars.count {
            let scalar = scalars[i]
            switch scalar.value {
            case 0x062C, 0x063A: out.append("g")
            case 0x0641: out.append("v")
            case 0x05E7: out.append("k")
            case 0x05E9: out.append(contentsOf: "sh".unicodeScalars)
            case 0x0648:
                if !followsLetter(scalars, i) {
                    out.append("v")
                } else if !arabicWawAsVowel {
                    out.append(scalar)
                }
            case 0x05D5:
                if i + 1 < scalars.count, scalars[i + 1].value == 0x05D5 {
                    out.append("v")
                    i += 1
                } else if !followsLetter(scalars, i) {
                    out.append("v")
                }
            default: out.append(scalar)
            }
            i += 1
        }
        return String(out)
    }

    /// The name with what Hebrew adds to its letters to write Arabic and
    /// other foreign sounds read as Latin letters, as the lists spell those
    /// sounds: a letter with a geresh (`׳`, or an apostrophe typed for it)
    /// is j (`ג׳בהת`, Jabhat), zh, th, dh, kh, gh or z (`ז׳ ת׳ ד׳ ח׳ ע׳ ט׳`),
    /// where ICU reads the letter alone and the geresh as a word break
    /// (`g bht`); and an alef standing alone before a hyphen or maqaf is the
    /// Arabic article, which Hebrew writes so before a sun letter (`תחריר
    /// א-שאם`, Tahrir al-Sham), where ICU reads nothing. (`צ׳` is ch in a
    /// European name and d in an Arabic one, so it is left to ICU.)
    static func hebrewTranscriptionRead(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { (0x05D0 ... 0x05EA).contains($0.value) }) else { return text }
        let scalars = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        var i = 0
        while i < scalars.count {
            let scalar = scalars[i]
            let next = i + 1 < scalars.count ? scalars[i + 1].value : nil
            if let next, gereshes.contains(next), let sound = gereshSounds[scalar.value] {
                out.append(contentsOf: sound.unicodeScalars)
                i += 2
                continue
            }
            if scalar.value == 0x05D0, next == 0x2D || next == 0x05BE, i == 0 || !scalars[i - 1].properties.isAlphabetic {
                out.append(contentsOf: "al".unicodeScalars)
                i += 1
                continue
            }
            out.append(scalar)
            i += 1
        }
        return String(out)
    }

    /// The geresh (U+05F3) and the apostrophes typed for it.
    private static let gereshes: Set<UInt32> = [0x05F3, 0x27, 0x2019, 0x02BC, 0x60, 0xB4]
    private static let gereshSounds: [UInt32: String] = [
        0x05D2: "j", 0x05D6: "zh", 0x05EA: "th", 0x05D3: "dh", 0x05D7: "kh", 0x05E2: "gh", 0x05D8: "z",
    ]

    /// Whether a letter comes before `index` in its word (marks passed over).
    private static func followsLetter(_ scalars: [Unicode.Scalar], _ index: Int) -> Bool {
        var before = index - 1
        while before >= 0, isNonspacingMark(scalars[before]) { before -= 1 }
        return before >= 0 && scalars[before].properties.isAlphabetic
    }

    /// Each word's consonants (`consonants`, word by word), the words that
    /// have none left out; nil unless two words or more are left. What
    /// containment compares: a listed one-word name's consonants are one
    /// of these words (`مجموعة فاجنر`, "the Wagner group": `mgmw vgnr`
    /// respelt holds Vagner's `vgnr`). The words are the spelling's own,
    /// each normalised alone: ICU writes Hebrew `א` and `ע` as signs that
    /// normalising makes spaces, which split `חמאס` (`hm s`) when the whole
    /// name was normalised first, so `תנועת חמאס` held no `hms`.
    static func consonantWords(spelling: String) -> String? {
        var words: [String] = []
        for word in spellingWords(spelling) {
            var out: [UInt8] = []
            for byte in NameNormalizer.normalize(String(word)).utf8 where isConsonant(byte) && out.last != byte { out.append(byte) }
            if !out.isEmpty { words.append(String(decoding: out, as: UTF8.self)) }
        }
        return words.count >= 2 ? words.joined(separator: " ") : nil
    }

    /// The words of a spelling, apart at anything but a letter or a mark. A
    /// format character (a Persian zero-width non-joiner) is inside a word,
    /// as normalising leaves it out.
    static func spellingWords(_ spelling: String) -> [Substring] {
        spelling.split(whereSeparator: {
            !$0.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || isNonspacingMark($0) || $0.properties.generalCategory == .format }
        })
    }

    /// Whether the name is one word and words naming a kind of group or
    /// one of its outlets in Arabic or Hebrew (`abjadGroupWords`,
    /// `abjadOutletWords`): "the Wagner group" (`مجموعة فاجنر`, `קבוצת
    /// וגנר`), "Hamas for the media" (`حماس للإعلام`). Only such a name is
    /// read word by word for containment: the consonants of one word of an
    /// ordinary name say too little (`خالد`, Khalid, is `khld`, the company
    /// `KHALIDI`'s).
    static func namesAGroup(_ text: String) -> Bool {
        let words = text.split(whereSeparator: { !$0.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || isNonspacingMark($0) } })
        guard words.count >= 2 else { return false }
        return words.filter { word in
            let form = groupWordForm(word)
            return !abjadGroupWords.contains(form) && !abjadOutletWords.contains(form)
        }.count == 1
    }

    /// A word as `abjadGroupWords` holds it: marks and tatweel left out,
    /// ta marbuta and the Urdu and Kurdish hehs (`ہ` `ە`) as heh, alef with
    /// hamza as alef, Persian keheh and yeh (`ک` `ی`) as Arabic kaf and yeh,
    /// and the article (`ال`, with `ل` "for" before it `لل`; Hebrew `ה`)
    /// taken off.
    private static func groupWordForm(_ word: Substring) -> String {
        var scalars = word.unicodeScalars.filter { !isNonspacingMark($0) && $0.value != 0x0640 }.map { scalar -> Unicode.Scalar in
            switch scalar.value {
            case 0x0629, 0x06C1, 0x06D5: "\u{0647}"
            case 0x0623, 0x0625, 0x0622: "\u{0627}"
            case 0x06A9: "\u{0643}"
            case 0x06CC: "\u{064A}"
            default: scalar
            }
        }
        if scalars.count > 4, scalars[0] == "\u{0627}" || scalars[0] == "\u{0644}", scalars[1] == "\u{0644}" { scalars.removeFirst(2) }
        if scalars.count > 4, scalars[0] == "\u{05D4}" { scalars.removeFirst() }
        return String(String.UnicodeScalarView(scalars))
    }

    /// Arabic: group, jama'a, movement, organisation (two words), front,
    /// brigades, army, network; Persian and Urdu (as `groupWordForm` folds
    /// their letters): group (`گروه`, `گروہ`), organisation (`سازمان`),
    /// movement (`جنبش`, `تحریک`), and the Arabic words they
    /// share (`تنظیم`, `جماعت`, `شبکه`); Hebrew: group (construct and
    /// absolute), organisation, movement (both), front, battalion, army,
    /// network.
    static let abjadGroupWords: Set<String> = [
        "مجموعه", "جماعه", "حركه", "تنظيم", "منظمه", "جبهه", "كتائب", "جيش", "شبكه",
        "گروه", "سازمان", "جنبش", "تحريك", "جماعت",
        "קבוצת", "קבוצה", "ארגון", "תנועת", "תנועה", "חזית", "גדוד", "צבא", "רשת",
    ]

    /// Arabic: media (the noun, and its adjective), channel, radio
    /// station; Persian: media, channel, radio; Hebrew: media, channel, radio. The words a group's media
    /// are named with, as `EvasionForms.runTogetherSuffixes` has them in
    /// Latin letters: `حماس للإعلام`, "Hamas for the media", and `قناة
    /// حماس`, "the Hamas channel", hold HAMAS's `hms`. Not office, centre
    /// or foundation: beside a person's name (`مكتب خالد`, "Khalid's
    /// office") those made the consonants of a given name a listed
    /// company's (`khld`, KHALIDI's) far more often than they named a group.
    static let abjadOutletWords: Set<String> = [
        "اعلام", "اعلامي", "اعلاميه", "قناه", "اذاعه",
        "رسانه", "كانال", "راديو",
        "תקשורת", "ערוץ", "רדיו",
    ]
}
