import Foundation

/// The `romanised` reading (`NameReading.romanised`): the spellings that
/// ICU's Any-Latin romanises otherwise than their own languages and the
/// lists do.
extension EvasionForms {
    /// The name with the letters that its language romanises otherwise than
    /// ICU's Any-Latin rewritten first, when it has any: the scholarly
    /// transliteration's `š ṯ ḏ ḫ ġ ž č` as `sh th dh kh gh zh ch`, Turkish
    /// (and Azeri, Romanian) `ş ș ç` as `sh sh ch`; Cyrillic `г` as `х`
    /// (h, as Ukrainian and Belarusian write it: `Гамас`, `Гезболла`), and
    /// Greek read as modern Greek is (`μπ` b, `ντ` d, `γκ` g, `γγ` ng, `β` v,
    /// `η` i, and `χ` as the h that Arabic and Hebrew names take:
    /// `Βάγκνερ` → `vagner`, `Χιζμπολάχ` → `hizbolah`); Hebrew `ק` as k,
    /// as names romanised from Hebrew write it where ICU writes q (`פ.ק.ק`
    /// → `p k k`, the PKK), and `ש` as sh (ICU: s; `שבאב` is Shabab).
    /// Russian as English-style romanisation writes it (`russianSpellings`),
    /// also when a Latin name was transliterated from it (`latinRussianSpellings`),
    /// Japanese katakana and Korean Hangul without the vowels they add to
    /// foreign names (`katakanaSpellings`, `hangulSpellings`), Chinese
    /// syllables of one name joined
    /// (`hanSyllablesJoined`). An Arabic article
    /// assimilated to the next word's first letter is read as the lists
    /// mostly write it (`ash-Sham` as `al-Sham`: `articleUnassimilated`).
    /// Case names only, read beside the plain reading: the better counts.
    static func otherRomanisations(_ text: String) -> [String] {
        let unassimilated = articleUnassimilated(text)
        guard text.utf8.contains(where: { $0 >= 0x80 }) else {
            var out = unassimilated.map { [$0] } ?? []
            for spelling in latinRussianSpellings(text) where !out.contains(spelling) { out.append(spelling) }
            return out
        }
        // One pass says which rewrites can apply; most names need none.
        var cyrillicGe = false, mark = false, scholarly = false, greek = false, qof = false, shin = false, russian = false
        var katakana = false, han = false, hangul = false
        for scalar in text.unicodeScalars where scalar.value >= 0x80 {
            switch scalar.value {
            case 0x0433, 0x0413: cyrillicGe = true
            // The Russian letters that ICU writes otherwise than English-style romanisation (`russianSpellings`), and к.
            case 0x0416, 0x0436, 0x0427, 0x0447, 0x0428, 0x0448, 0x0429, 0x0449, 0x0419, 0x0439, 0x0426, 0x0446, 0x042E, 0x044E,
                0x042F, 0x044F, 0x0401, 0x0451, 0x042D, 0x044D, 0x042A, 0x044A, 0x042C, 0x044C, 0x041A, 0x043A:
                russian = true
            case 0x30A1 ... 0x30FA: katakana = true
            case 0xAC00 ... 0xD7A3: hangul = true
            case 0x3400 ... 0x4DBF, 0x4E00 ... 0x9FFF, 0xF900 ... 0xFAFF, 0x20000 ... 0x2A6DF: han = true
            case 0x0300 ... 0x036F: mark = true
            case 0x0160, 0x0161, 0x1E6E, 0x1E6F, 0x1E0E, 0x1E0F, 0x1E2A, 0x1E2B, 0x1E34, 0x1E35, 0x0120, 0x0121, 0x017D, 0x017E,
                0x010C, 0x010D, 0x015E, 0x015F, 0x0218, 0x0219, 0x00C7, 0x00E7:
                scholarly = true
            case 0x0370 ... 0x03FF, 0x1F00 ... 0x1FFF: greek = true
            case 0x05E7: qof = true
            case 0x05E9: shin = true
            default: break
            }
        }
        var out: [String] = unassimilated.map { [$0] } ?? []
        // Scholarly transliteration of Arabic and Persian (DMG, ALA-LC) writes one letter with a mark where
        // lists write two: `wa-š-Šām` is the lists' `wa-sh-Sham`; removing the mark read it `s`. A letter
        // and a combining mark are composed first, so a decomposed `š` counts.
        if scholarly || mark {
            let composed = mark ? text.precomposedStringWithCanonicalMapping : text
            if composed.unicodeScalars.contains(where: { scholarlyLetters[$0] != nil }) {
                let spelt = String(String.UnicodeScalarView(composed.unicodeScalars.flatMap { scholarlyLetters[$0].map { Array($0.unicodeScalars) } ?? [$0] }))
                // The article elided after a vowel (`fī l-ʿIrāq`) as lists write it (`FI AL-'IRAQ`).
                out.append(spelt.replacingOccurrences(of: #"(?<=\s)l-"#, with: "al-", options: .regularExpression))
            }
        }
        if cyrillicGe {
            out.append(String(String.UnicodeScalarView(text.unicodeScalars.map { $0 == "г" ? "х" : $0 == "Г" ? "Х" : $0 })))
        }
        if qof {
            out.append(String(String.UnicodeScalarView(text.unicodeScalars.map { $0 == "\u{5E7}" ? "k" : $0 })))
        }
        if shin {
            out.append(String(String.UnicodeScalarView(text.unicodeScalars.flatMap { $0 == "\u{5E9}" ? ["s", "h"] : [$0] })))
        }
        if russian {
            for spelling in russianSpellings(text) where !out.contains(spelling) { out.append(spelling) }
        }
        if katakana {
            for spelling in katakanaSpellings(text) where !out.contains(spelling) { out.append(spelling) }
        }
        if han, let joined = hanSyllablesJoined(text), !out.contains(joined) { out.append(joined) }
        if hangul {
            for spelling in hangulSpellings(text) where !out.contains(spelling) { out.append(spelling) }
        }
        if greek {
            var rewritten = text.decomposedStringWithCanonicalMapping
            for (digraph, latin) in greekDigraphs { rewritten = rewritten.replacingOccurrences(of: digraph, with: latin, options: .caseInsensitive) }
            rewritten = String(String.UnicodeScalarView(rewritten.unicodeScalars.flatMap { greekLetters[$0].map { Array($0.unicodeScalars) } ?? [$0] }))
            if rewritten != text.decomposedStringWithCanonicalMapping { out.append(rewritten) }
        }
        return out
    }

    /// The text with each Arabic article assimilated to a sun letter (`ash-`,
    /// `ad-`, `ez-` …, before a word that begins with the same consonant;
    /// without the hyphen only in small letters after the first word: `an
    /// Nusra`, not `Ash Sharma`) written `al-`, as the lists write most names (`HAY'AT
    /// TAHRIR AL-SHAM`, `JABHAT AL-NUSRA`); nil when there is none. The
    /// listed names are read the other way already (`withoutArticle`).
    static func articleUnassimilated(_ text: String) -> String? {
        guard text.utf8.contains(where: { $0 == UInt8(ascii: "-") || $0 == 0x20 }) else { return nil }
        let scalars = Array(text.unicodeScalars)
        func lower(_ i: Int) -> Unicode.Scalar? {
            guard scalars.indices.contains(i), scalars[i].isASCII else { return nil }
            return Unicode.Scalar(UInt8(scalars[i].value | 0x20))
        }
        func startsWith(_ letters: [Unicode.Scalar], at i: Int) -> Bool {
            letters.indices.allSatisfy { lower(i + $0) == letters[$0] }
        }
        var out = String.UnicodeScalarView()
        var changed = false
        var index = 0
        while index < scalars.count {
            let wordStart = index == 0 || !(scalars[index - 1].properties.isAlphabetic || scalars[index - 1] == "'" || scalars[index - 1] == "’")
            if wordStart, let vowel = lower(index), vowel == "a" || vowel == "e",
                let consonant = sunConsonants.first(where: { startsWith($0, at: index + 1) })
            {
                var next = index + 1 + consonant.count
                var separated = false
                while next < scalars.count, scalars[next] == "-" || scalars[next] == " " {
                    next += 1
                    separated = true
                }
                // Written as an article: joined by a hyphen, or in small letters after the name's first word (`Hayat
                // Tahrir ash Sham`); `Ash Sharma` and `Ed Davis` are given names.
                let smallAfterFirstWord = index > 0 && !scalars[index].properties.isUppercase
                if separated, scalars[index + 1 + consonant.count] == "-" || smallAfterFirstWord, startsWith(consonant, at: next), next + consonant.count < scalars.count,
                    scalars[next + consonant.count].properties.isAlphabetic
                {
                    out.append(contentsOf: (scalars[index].properties.isUppercase ? "Al-" : "al-").unicodeScalars)
                    index = next
                    changed = true
                    continue
                }
            }
            out.append(scalars[index])
            index += 1
        }
        return changed ? String(out) : nil
    }

    /// The sun letters as romanised, two-letter ones first.
    private static let sunConsonants: [[Unicode.Scalar]] = ["sh", "th", "dh", "d", "n", "r", "s", "t", "z"].map { Array($0.unicodeScalars) }

    private static let scholarlyLetters: [Unicode.Scalar: String] = [
        "š": "sh", "Š": "Sh", "ṯ": "th", "Ṯ": "Th", "ḏ": "dh", "Ḏ": "Dh", "ḫ": "kh", "Ḫ": "Kh", "ḵ": "kh", "Ḵ": "Kh",
        "ġ": "gh", "Ġ": "Gh", "ž": "zh", "Ž": "Zh", "č": "ch", "Č": "Ch",
        // Turkish, Azeri and Romanian write sh and ch with a cedilla or comma: `DEAŞ` is Daesh, `Kürdistan İşçi Partisi`.
        "ş": "sh", "Ş": "Sh", "ș": "sh", "Ș": "Sh", "ç": "ch", "Ç": "Ch",
    ]
    private static let greekDigraphs: [(String, String)] = [("μπ", "b"), ("ντ", "d"), ("γκ", "g"), ("γγ", "ng"), ("τζ", "tz")]
    private static let greekLetters: [Unicode.Scalar: String] = [
        "β": "v", "Β": "V", "η": "i", "Η": "I", "χ": "h", "Χ": "H",
    ]
}
