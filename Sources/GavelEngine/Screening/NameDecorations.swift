/// What decorates a case's name without being part of it: trademark and
/// service-mark signs, and flags. `NameForms.query` reads the name without
/// them in every reading, its plain reading of that as `suffix`
/// (`NameReading.suffix`).
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

    private static func isRegionalIndicator(_ scalar: Unicode.Scalar) -> Bool { (0x1F1E6 ... 0x1F1FF).contains(scalar.value) }

    /// The text without trademark signs and flags, each where there is
    /// one; nil when there is neither (`NameForms.query` reads the name
    /// without them in every reading).
    static func withoutDecorations(_ text: String) -> String? {
        let unmarked = withoutTrademarkSigns(text)
        return withoutFlags(unmarked ?? text) ?? unmarked
    }
}
