/// The `romanised` reading of Russian: English-style romanisation (as
/// BGN/PCGN writes it), which the lists use for Russian spellings of names.
extension EvasionForms {
    /// Russian spells Arabic names with letters that ICU's Any-Latin writes
    /// as Czech does: `дж` dž (read `dz`), `ш` š (read `s`). Here every
    /// Cyrillic letter of Russian is written as English-style romanisation
    /// writes it, `дж` as j and `х` as h as Arabic names take it (`Джаиш-е-
    /// Мохаммед` → `jaish e mohammed`); then again as Russian spells an
    /// Arabic name, with `к` as the q that Russian has no letter for
    /// (`Хаккани`, Haqqani), `ей` as its `ai` (`Джейш`, Jaish; `Шейх`,
    /// Shaikh), where it has either or a stronger mark of an Arabic name:
    /// `дж`, `аи` or an assimilated article; with one of those also `е`
    /// after a consonant as the short a it writes so (`Джебхат`, Jabhat) and
    /// `аи` as the `ae` of a name whose ayn the lists write so (`Даиш`,
    /// Daesh). An assimilated Arabic article is read as `al-` in each (`аш-Шам`
    /// → `al-Sham`: `articleUnassimilated`). Letters of other Cyrillic
    /// alphabets are left to ICU.
    static func russianSpellings(_ text: String) -> [String] {
        var out: [String] = []
        let scalars = Array(text.unicodeScalars)
        let small = scalars.map { Unicode.Scalar($0.properties.lowercaseMapping) ?? $0 }
        let pairs = Set(zip(small, small.dropFirst()).map { String($0) + String($1) })
        let english = russianSpelling(scalars, asArabic: false, vowels: false)
        // `к` and `ей` are as common in Russian's own names (`Алексей`) as in Arabic ones: only `дж`, `аи` or an
        // article, which Russian's own names hardly have, also read the vowels as an Arabic name's.
        let vowels = !pairs.isDisjoint(with: ["дж", "аи"]) || articleUnassimilated(english) != nil
        let arabic = vowels || small.contains("к") || pairs.contains("ей")
        // Two readings at most: each is another walk of the index, which at a million names costs a millisecond.
        for spelt in [english] + (arabic ? [russianSpelling(scalars, asArabic: true, vowels: vowels)] : []) {
            let read = articleUnassimilated(spelt) ?? spelt
            if read != text, !out.contains(read) { out.append(read) }
        }
        return out
    }

    private static func russianSpelling(_ scalars: [Unicode.Scalar], asArabic: Bool, vowels: Bool) -> String {
        var out = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            let capital = scalar.properties.isUppercase
            let small = Unicode.Scalar(scalar.properties.lowercaseMapping) ?? scalar
            let next = index + 1 < scalars.count ? Unicode.Scalar(scalars[index + 1].properties.lowercaseMapping) : nil
            let previous = index > 0 ? Unicode.Scalar(scalars[index - 1].properties.lowercaseMapping) : nil
            var latin: String?
            var taken = 1
            if small == "д", next == "ж" {
                latin = "j"
                taken = 2
            } else if asArabic, small == "е", next == "й" {
                latin = "ai"
                taken = 2
            } else if vowels, small == "е", let previous, russianConsonants.contains(previous) {
                latin = "a"
            } else if vowels, small == "а", next == "и" {
                latin = "ae"
                taken = 2
            } else if asArabic, small == "к" {
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

    private static let russianConsonants: Set<Unicode.Scalar> = [
        "б", "в", "г", "д", "ж", "з", "к", "л", "м", "н", "п", "р", "с", "т", "ф", "х", "ц", "ч", "ш", "щ",
    ]

    /// `х` as h (Arabic names' ح and خ, which the lists mostly write h), `ъ`
    /// and `ь` as nothing.
    private static let russianLetters: [Unicode.Scalar: String] = [
        "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "yo", "ж": "zh", "з": "z", "и": "i", "й": "y",
        "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f",
        "х": "h", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya",
    ]
}
