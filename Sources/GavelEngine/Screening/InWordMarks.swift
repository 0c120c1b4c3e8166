/// Part of the `joined` reading (`NameReading.joined`): a case's name with
/// the marks written inside a word left out.
extension EvasionForms {
    /// Marks that cut a word without ending it when written between two of
    /// its letters: full stops, middle dots and bullets, hyphens and dashes,
    /// the low line and the asterisk of a censored word. Not the vertical
    /// bar, read as the l it stands for (`Hizba||ah`), nor the apostrophe,
    /// whose endings are read off (`Hama's`, the Syrian city's, is not
    /// `Hamas`), nor the katakana middle dot, which parts the words of a
    /// name (`ワグナー・グループ`), nor a slash, which parts names.
    static let inWordMarks: Set<UInt32> = [
        0x2E, 0xB7, 0x2022, 0x2027, 0x2219, 0x22C5, 0x2E31, 0x2E33, 0xFF0E, 0xFE52,  // . · • ‧ ∙ ⋅ ⸱ ⸳ ． ﹒
        0x2D, 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0xFE63, 0xFF0D,  // - ‐ ‑ ‒ – — ﹣ －
        0x5F, 0xFF3F, 0x2A, 0xFF0A,  // _ ＿ * ＊
    ]

    /// Whether `scalar` cuts a word as `inWordMarks` do: one of those, or a
    /// symbol such as an emoji (`Ha🔥mas`, `Ha★mas`) with the variation
    /// selector and joiner that draw it; not a symbol read as a letter (the
    /// circled `ⓐ`) nor a regional indicator (`withoutFlags`).
    static func cutsWord(_ scalar: Unicode.Scalar) -> Bool {
        if inWordMarks.contains(scalar.value) { return true }
        if scalar.value == 0xFE0F || scalar.value == 0x200D || (0x1F3FB ... 0x1F3FF).contains(scalar.value) { return true }
        let properties = scalar.properties
        return properties.generalCategory == .otherSymbol && !properties.isAlphabetic && !isRegionalIndicator(scalar)
    }

    /// The text with every run of marks that cut a word (`cutsWord`) between
    /// two letters left out (`Ha.mas`, `Hez-bollah`, `Ha*mas`, `Ha🔥mas` →
    /// `Hamas`, `Hezbollah`); nil when there is none. Normalising made the
    /// mark a space, and a listed name written so met its entry at 0.9556
    /// (`ha mas`): review, where the name alone blocks. Runs of single
    /// letters (`H.A.M.A.S`) are joined in the same reading.
    static func withoutInWordMarks(_ text: String) -> String? {
        guard text.unicodeScalars.contains(where: cutsWord) else { return nil }
        let scalars = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        var changed = false
        var i = 0
        while i < scalars.count {
            guard cutsWord(scalars[i]), i > 0, scalars[i - 1].properties.isAlphabetic else {
                out.append(scalars[i])
                i += 1
                continue
            }
            var end = i
            while end < scalars.count, cutsWord(scalars[end]) { end += 1 }
            if end < scalars.count, scalars[end].properties.isAlphabetic {
                changed = true
            } else {
                out.append(contentsOf: scalars[i ..< end])
            }
            i = end
        }
        return changed ? String(out) : nil
    }
}
