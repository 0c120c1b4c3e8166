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
    /// → `p k k`, the PKK). Case names only, read beside the plain reading:
    /// the better counts.
    static func otherRomanisations(_ text: String) -> [String] {
        guard text.utf8.contains(where: { $0 >= 0x80 }) else { return [] }
        // One pass says which rewrites can apply; most names need none.
        var cyrillicGe = false, mark = false, scholarly = false, greek = false, qof = false
        for scalar in text.unicodeScalars where scalar.value >= 0x80 {
            switch scalar.value {
            case 0x0433, 0x0413: cyrillicGe = true
            case 0x0300 ... 0x036F: mark = true
            case 0x0160, 0x0161, 0x1E6E, 0x1E6F, 0x1E0E, 0x1E0F, 0x1E2A, 0x1E2B, 0x1E34, 0x1E35, 0x0120, 0x0121, 0x017D, 0x017E,
                0x010C, 0x010D, 0x015E, 0x015F, 0x0218, 0x0219, 0x00C7, 0x00E7:
                scholarly = true
            case 0x0370 ... 0x03FF, 0x1F00 ... 0x1FFF: greek = true
            case 0x05E7: qof = true
            default: break
            }
        }
        var out: [String] = []
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
        if greek {
            var rewritten = text.decomposedStringWithCanonicalMapping
            for (digraph, latin) in greekDigraphs { rewritten = rewritten.replacingOccurrences(of: digraph, with: latin, options: .caseInsensitive) }
            rewritten = String(String.UnicodeScalarView(rewritten.unicodeScalars.flatMap { greekLetters[$0].map { Array($0.unicodeScalars) } ?? [$0] }))
            if rewritten != text.decomposedStringWithCanonicalMapping { out.append(rewritten) }
        }
        return out
    }

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
