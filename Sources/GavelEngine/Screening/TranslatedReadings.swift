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
    /// `hanSyllablesJoined` reads it (`瓦格纳集团` → `wagena group`), then
    /// what is left in katakana or Hangul also as `katakanaSpellings` and
    /// `hangulSpellings` read it (`ワグナー・グループ` → `wagner group`,
    /// `바그너 그룹` → `vagner group`); empty when no phrase is in it.
    static func translatedEastAsian(_ text: String) -> [String] {
        guard text.unicodeScalars.contains(where: { isHan($0) || isHangul($0) || ("\u{30A0}" ... "\u{30FF}").contains($0) }),
            let replaced = replacingPhrases(translatedHanPhrases, in: text)
        else { return [] }
        var out: [String] = []
        let read = NameNormalizer.normalize(scriptRunsJoined(replaced, where: isHan) ?? replaced)
        if !read.isEmpty { out.append(read) }
        var spellings: [String] = []
        if replaced.unicodeScalars.contains(where: { ("\u{30A1}" ... "\u{30FA}").contains($0) }) { spellings += katakanaSpellings(replaced) }
        if replaced.unicodeScalars.contains(where: isHangul) { spellings += hangulSpellings(replaced) }
        for spelling in spellings where !spelling.isEmpty && !out.contains(spelling) { out.append(spelling) }
        return out
    }

    /// The name with `translatedArabicPhrases` read as English and the rest
    /// normalised (`الدولة الإسلامية في العراق` → `islamic state fy al raq`);
    /// nil when no phrase is in it.
    static func translatedArabic(_ text: String) -> String? {
        guard hasAbjadLetter(text), let replaced = replacingPhrases(translatedArabicPhrases, in: foldedArabic(text)) else { return nil }
        let read = NameNormalizer.normalize(replaced)
        return read.isEmpty ? nil : read
    }

    /// `text` with each phrase written as its English words, apart from
    /// what stands beside it; nil when no phrase is in it.
    private static func replacingPhrases(_ phrases: [(String, String)], in text: String) -> String? {
        var replaced = text
        for (phrase, english) in phrases where replaced.contains(phrase) {
            replaced = replaced.replacingOccurrences(of: phrase, with: " \(english) ")
        }
        return replaced == text ? nil : replaced
    }

    /// Arabic letters as informal spelling and the phrases' keys write
    /// them: `أ إ آ` as `ا`, ta marbuta as `ه`, alef maqsura and Persian
    /// `ی` as `ي`, Persian `ک` as `ك`; marks (harakat) and tatweel left out.
    static func foldedArabic(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x0623, 0x0625, 0x0622: out.append("\u{0627}")
            case 0x0629: out.append("\u{0647}")
            case 0x0649, 0x06CC: out.append("\u{064A}")
            case 0x06A9: out.append("\u{0643}")
            case 0x064B ... 0x065F, 0x0670, 0x0640: continue
            default: out.append(scalar)
            }
        }
        return String(out)
    }

    /// Every translated reading of a case's name: of each of its Latin forms
    /// (plain and romanised), and of its Chinese, Japanese or Arabic phrases.
    static func translatedReadings(_ text: String, latin: [NameForm]) -> [String] {
        var out: [String] = []
        for form in latin {
            if let read = translatedWords(form.text), !out.contains(read) { out.append(read) }
        }
        for read in translatedEastAsian(text) + [translatedArabic(text)].compactMap({ $0 }) where !out.contains(read) { out.append(read) }
        return out
    }
}
