/// The reading scored as `variant` with reading `translated`: a case's name
/// in another language read word by word in the English the lists use
/// (`Estado Islámico` → `state islamic`, which meets ISLAMIC STATE through
/// its sorted words; `Partido de Dios` → `party of god`; `瓦格纳集团` →
/// `wagena group`). Lists publish a group's English names and seldom its
/// Spanish, French or Chinese ones, while its supporters and the press
/// write those. A translation is a reading, not an identity: scored like
/// the other variants, it is reviewed, never acted on alone.
extension EvasionForms {
    /// The name's words translated through `translatedAnchors` and, beside
    /// one of those, `translatedCompanions` (articles left out); nil when no
    /// anchor is among them or nothing changes.
    static func translatedWords(_ normalized: String) -> String? {
        let words = normalized.split(separator: " ")
        guard words.contains(where: { translatedAnchors[$0] != nil }) else { return nil }
        let translated = words.compactMap { word -> Substring? in
            guard let english = translatedAnchors[word] ?? translatedCompanions[word] else { return word }
            return english.isEmpty ? nil : Substring(english)
        }
        let text = translated.joined(separator: " ")
        return text.isEmpty || text == normalized ? nil : text
    }

    /// The name with `translatedHanPhrases` read as English, normalised,
    /// and each remaining run of Chinese characters read as one word, as
    /// `hanSyllablesJoined` reads it (`瓦格纳集团` → `wagena group`); nil
    /// when no phrase is in it.
    static func translatedHan(_ text: String) -> String? {
        guard text.unicodeScalars.contains(where: { isHan($0) || ("\u{30A0}" ... "\u{30FF}").contains($0) }) else { return nil }
        var replaced = text
        for (phrase, english) in translatedHanPhrases where replaced.contains(phrase) {
            replaced = replaced.replacingOccurrences(of: phrase, with: " \(english) ")
        }
        guard replaced != text else { return nil }
        let read = NameNormalizer.normalize(scriptRunsJoined(replaced, where: isHan) ?? replaced)
        return read.isEmpty ? nil : read
    }

    /// Every translated reading of a case's name: of each of its Latin forms
    /// (plain and romanised), and of its Chinese or Japanese phrases.
    static func translatedReadings(_ text: String, latin: [NameForm]) -> [String] {
        var out: [String] = []
        for form in latin {
            if let read = translatedWords(form.text), !out.contains(read) { out.append(read) }
        }
        if let read = translatedHan(text), !out.contains(read) { out.append(read) }
        return out
    }
}
