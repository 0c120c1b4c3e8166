/// The `suffix` reading (`NameReading.suffix`): a case's name without the
/// endings written after an apostrophe.
extension EvasionForms {
    /// The apostrophes such an ending is written after: ASCII `'`, the
    /// typographic `’` and `‘`, the modifier letter `ʼ`, the grave and acute
    /// accents typed for one (`` ` `` `´`), and the full-width `＇`.
    static let apostrophes: Set<UInt32> = [0x27, 0x2019, 0x2018, 0x2BC, 0x60, 0xB4, 0xFF07]

    /// The shortest word an ending is taken off.
    static let shortestSuffixedWord = 3

    /// The endings read off, of one to four letters: the English possessive
    /// `s`, and the endings Turkish writes after an apostrophe on a proper
    /// name, in each vowel harmony: case endings (accusative `ı i u ü yı…`,
    /// dative `a e ya ye`, locative `da de ta te`, ablative `dan den tan ten`,
    /// genitive `ın in un ün nın nin nun nün`, instrumental `la le yla yle`),
    /// the possessive (`sı si su sü`, then `nda nde ndan nden`), the plural
    /// `lar ler`, `-li` ("of, member of": `PKK'lı`), `-ki` (`PKK'daki`), the
    /// copula `dır dir…` and the equative `ca ce ça çe`. Compared in small
    /// letters, marks left out (`PKK'NIN`, `IŞİD'İN`).
    static let apostropheEndings: Set<String> = {
        var endings: Set<String> = ["s", "a", "e", "ya", "ye", "da", "de", "ta", "te", "dan", "den", "tan", "ten", "la", "le", "yla", "yle"]
        endings.formUnion(["lar", "ler", "ca", "ce", "ça", "çe", "nda", "nde", "ndan", "nden", "daki", "deki", "taki", "teki"])
        for vowel in ["ı", "i", "u", "ü"] {
            endings.formUnion([vowel, "y" + vowel, vowel + "n", "n" + vowel + "n", "s" + vowel, "l" + vowel, "d" + vowel + "r", "t" + vowel + "r"])
        }
        return endings
    }()

    /// The text with each ending of `apostropheEndings` written after an
    /// apostrophe at the end of a word of three letters or more left out;
    /// nil when there is none. English writes its possessive so (`Hamas’s
    /// Office`), and Turkish the case endings of a proper name (`PKK'nın`,
    /// `Hamas'ın`, `IŞİD'e`): normalising made the ending a word of its
    /// own (`hamas s`), which met no listed name, and met as an initial
    /// (`Saidullah HAMAS`) or a legal form (`ZANGA S.A.S.`) what it should not.
    ///
    /// A word shorter than three letters keeps its apostrophe (`O'Brien`,
    /// `D'Souza`, `Ma'ruf`, `Qa'ida`), and so does one followed by letters
    /// that are no such ending: Arabic transliterations write an ayn or a
    /// hamza so (`Jama'at`, `Isma'il`, which read `Isma` met `Ahmed Ismail
    /// YASSIN` by its first letters). An ending that is also such a vowel
    /// (`Shi'a`) gets the reading (`shi`), beside the plain one (`shi a`):
    /// the better counts.
    static func withoutApostropheSuffixes(_ text: String) -> String? {
        guard text.unicodeScalars.contains(where: { apostrophes.contains($0.value) }) else { return nil }
        let scalars = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        var changed = false
        var letters = 0  // letters of the word so far, up to the scalar at `i`
        var i = 0
        while i < scalars.count {
            let scalar = scalars[i]
            if apostrophes.contains(scalar.value), letters >= shortestSuffixedWord {
                var end = i + 1
                while end < scalars.count, scalars[end].properties.isAlphabetic || isNonspacingMark(scalars[end]) { end += 1 }
                let ending = String(String.UnicodeScalarView(scalars[(i + 1) ..< end])).lowercased().unicodeScalars.filter { !isNonspacingMark($0) }
                if apostropheEndings.contains(String(String.UnicodeScalarView(ending))), end == scalars.count || !apostrophes.contains(scalars[end].value) {
                    changed = true
                    letters = 0
                    i = end
                    continue
                }
            }
            // A mark belongs to its letter's word (a decomposed `İ`), and is no letter of its own.
            if !isNonspacingMark(scalar) { letters = scalar.properties.isAlphabetic ? letters + 1 : 0 }
            out.append(scalar)
            i += 1
        }
        return changed ? String(out) : nil
    }
}
