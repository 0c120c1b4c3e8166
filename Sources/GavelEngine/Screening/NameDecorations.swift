/// What decorates a case's name without being part of it: trademark and
/// service-mark signs, flags, and a number written onto a word.
/// `NameForms.query` reads the name without them in every reading, its
/// plain reading of that as `suffix` (`NameReading.suffix`).
extension EvasionForms {
    /// `™` and `℠`, and the same written in modifier letters (`ᵀᴹ`, `ˢᴹ`):
    /// NFKC writes each as two letters (SPEC §3 normalises it first), so
    /// `HAMAS™` read `hamastm` and met HAMAS at 0.9429 only, in review
    /// rather than the block its name alone gets. `®` and `©` need nothing:
    /// they are no letters, and normalising makes them spaces.
    static let trademarkSigns: [[UInt32]] = [[0x2122], [0x2120], [0x1D40, 0x1D39], [0x2E2, 0x1D39]]
    /// The last scalar of each sign: a name without any has no sign, and is
    /// not taken apart. (Four to compare: an array, as every scalar of every
    /// case name is looked up in it.)
    private static let trademarkSignEnds = trademarkSigns.compactMap(\.last)

    /// The text with every trademark sign left out; nil when it has none.
    static func withoutTrademarkSigns(_ text: String) -> String? {
        guard text.unicodeScalars.contains(where: { trademarkSignEnds.contains($0.value) }) else { return nil }
        let scalars = text.unicodeScalars.map(\.value)
        var out = String.UnicodeScalarView()
        var i = 0
        var changed = false
        while i < scalars.count {
            if let sign = trademarkSigns.first(where: { scalars[i...].starts(with: $0) }) {
                i += sign.count
                changed = true
                continue
            }
            if let scalar = Unicode.Scalar(scalars[i]) { out.append(scalar) }
            i += 1
        }
        return changed ? String(out) : nil
    }

    /// The text without its flags, pairs of regional indicators, where they
    /// are words of their own (`Hamas 🇵🇸`) or open or close a word of other
    /// letters (`Hamas🇵🇸`, `🇵🇸Hamas`); nil when it has none, or nothing
    /// else. Normalising reads regional indicators as the letters they stand
    /// for, so that `🇭🇦🇲🇦🇸` is `hamas`; a flag beside a name was then a
    /// word added (`hamas ps`: 0.91, review, where the name alone blocks), and
    /// a flag written onto it letters added (`hamasps`: 0.9429, review).
    static func withoutFlags(_ text: String) -> String? {
        guard text.unicodeScalars.contains(where: isRegionalIndicator) else { return nil }
        let words = text.split(separator: " ", omittingEmptySubsequences: true)
        var kept: [String] = []
        for word in words {
            let scalars = Array(word.unicodeScalars.filter { $0.properties.generalCategory != .format && $0.value != 0xFE0F })
            if scalars.isEmpty {
                kept.append(String(word))
                continue
            }
            let leading = scalars.prefix(while: isRegionalIndicator).count
            // A word of flags alone (an odd count is letters written in regional indicators).
            if leading == scalars.count {
                if leading % 2 != 0 { kept.append(String(word)) }
                continue
            }
            let trailing = scalars.reversed().prefix(while: isRegionalIndicator).count
            guard leading + trailing > 0 else {
                kept.append(String(word))
                continue
            }
            // Only whole flags come off; a lone indicator may be a letter of the word.
            let start = leading % 2 == 0 ? leading : 0
            let end = scalars.count - (trailing % 2 == 0 ? trailing : 0)
            kept.append(String(String.UnicodeScalarView(scalars[start ..< end])))
        }
        let result = kept.joined(separator: " ")
        guard !kept.isEmpty, result != words.joined(separator: " ") else { return nil }
        return result
    }

    /// A regional indicator, half of a flag (or a letter, read as one).
    static func isRegionalIndicator(_ scalar: Unicode.Scalar) -> Bool { (0x1F1E6 ... 0x1F1FF).contains(scalar.value) }

    /// The fewest letters a word keeps before a number written onto its end is read off.
    static let shortestNumberedWord = 3

    /// The text with the number written onto the end of a word of three
    /// letters or more left out (`Hamas2`, `Hamas1987`, `Hizballah_313`
    /// after its low line); nil when there is none. A handle numbers a name
    /// so: `hamas2` met HAMAS at 0.9667 and `hamas1987` at 0.9111, review
    /// where the name alone blocks. A number that is a word of its own, or a
    /// word of fewer letters (`M23`, `G7`), stays.
    static func withoutNumberEndings(_ text: String) -> String? {
        guard text.unicodeScalars.contains(where: { $0.properties.numericType == .decimal }) else { return nil }
        var changed = false
        let words = text.split(separator: " ", omittingEmptySubsequences: false).map { word -> Substring in
            let scalars = Array(word.unicodeScalars)
            var end = scalars.count
            while end > 0, scalars[end - 1].properties.numericType == .decimal { end -= 1 }
            // A low line or a hyphen before the number is the handle's too (`hamas_2`).
            var stem = end
            while stem > 0, end < scalars.count, [0x5F, 0x2D].contains(scalars[stem - 1].value) { stem -= 1 }
            guard end < scalars.count, scalars[..<stem].filter({ $0.properties.isAlphabetic }).count >= shortestNumberedWord else { return word }
            changed = true
            return Substring(String(String.UnicodeScalarView(scalars[..<stem])))
        }
        return changed ? words.joined(separator: " ") : nil
    }

    /// The text without trademark signs, flags and numbers written onto a
    /// word, each where there is one; nil when there is none
    /// (`NameForms.query` reads the name without them in every reading).
    static func withoutDecorations(_ text: String) -> String? {
        let unmarked = withoutTrademarkSigns(text)
        let unflagged = withoutFlags(unmarked ?? text) ?? unmarked
        return withoutNumberEndings(unflagged ?? text) ?? unflagged
    }
}
