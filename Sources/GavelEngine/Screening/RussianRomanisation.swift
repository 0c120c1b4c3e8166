/// The `romanised` reading of Russian: English-style romanisation (as
/// BGN/PCGN writes it), which the lists use for Russian spellings of names.
extension EvasionForms {
    /// Russian spells Arabic names with letters that ICU's Any-Latin writes
    /// as Czech does: `дж` dž (read `dz`), `ш` š (read `s`). Here every
    /// Cyrillic letter of Russian is written as English-style romanisation
    /// writes it, `дж` as j and `х` as h as Arabic names take it (`Джаиш-е-
    /// Мохаммед` → `jaish e mohammed`); then again as Russian spells an
    /// Arabic name, with `к` as the q that Russian has no letter for
    /// (`Хаккани`, Haqqani) and `ей` as its `ai` (`Джейш`, Jaish; `Шейх`,
    /// Shaikh), where it has either. An assimilated Arabic article is read as
    /// `al-` in each (`аш-Шам` → `al-Sham`: `articleUnassimilated`). Letters
    /// of other Cyrillic alphabets are left to ICU.
    static func russianSpellings(_ text: String) -> [String] {
        var out: [String] = []
        let scalars = Array(text.unicodeScalars)
        let hasK = scalars.contains { $0 == "к" || $0 == "К" }
        let hasEy = zip(scalars, scalars.dropFirst()).contains { ($0 == "е" || $0 == "Е") && ($1 == "й" || $1 == "Й") }
        // Two readings at most: each is another walk of the index, which at a million names costs a millisecond.
        for arabic in [false, true] {
            if arabic, !hasK, !hasEy { continue }
            let spelt = russianSpelling(scalars, kAsQ: arabic, eyAsAi: arabic)
            let read = articleUnassimilated(spelt) ?? spelt
            if read != text, !out.contains(read) { out.append(read) }
        }
        return out
    }

    private static func russianSpelling(_ scalars: [Unicode.Scalar], kAsQ: Bool, eyAsAi: Bool) -> String {
        var out = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            let capital = scalar.properties.isUppercase
            let small = Unicode.Scalar(scalar.properties.lowercaseMapping) ?? scalar
            let next = index + 1 < scalars.count ? Unicode.Scalar(scalars[index + 1].properties.lowercaseMapping) : nil
            var latin: String?
            var taken = 1
            if small == "д", next == "ж" {
                latin = "j"
                taken = 2
            } else if eyAsAi, small == "е", next == "й" {
                latin = "ai"
                taken = 2
            } else if kAsQ, small == "к" {
                latin = "q"
            } else {
                latin = russianLetters[small]
            }
            if let latin {
                out.append(contentsOf: (capital ? latin.prefix(1).uppercased() + latin.dropFirst() : latin).unicodeScalars)
            } else {
                out.append(scalar)
            }
            index += taken
        }
        return String(out)
    }

    /// `х` as h (Arabic names' ح and خ, which the lists mostly write h), `ъ`
    /// and `ь` as nothing.
    private static let russianLetters: [Unicode.Scalar: String] = [
        "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "yo", "ж": "zh", "з": "z", "и": "i", "й": "y",
        "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f",
        "х": "h", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya",
    ]
}
