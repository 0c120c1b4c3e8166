/// The `romanised` readings of Japanese katakana and Chinese characters:
/// how they write a foreign name, which ICU's Any-Latin reads letter by
/// letter or syllable by syllable.
extension EvasionForms {
    /// Katakana writes every consonant of a foreign name with a vowel after
    /// it, most often u (`ヒズボラ`, Hizbollah, is `hizubora`; `ワグネル`,
    /// Wagner, `waguneru`; `アル・シャバブ`, al-Shabab, `aru shababu`), and
    /// has one letter for r and l. The name read with each `u` after a
    /// consonant and before another consonant or a word's end left out
    /// (`hizbora`, `wagner`, `ar shabab`), then again with r as l
    /// (`hizbola`, `al shabab`). Nil readings are left out.
    static func katakanaSpellings(_ text: String) -> [String] {
        let latin = NameNormalizer.normalize(text)
        guard !latin.isEmpty else { return [] }
        let bytes = Array(latin.utf8)
        var unvoiced: [UInt8] = []
        for (index, byte) in bytes.enumerated() {
            if byte == UInt8(ascii: "u"), index > 0, isConsonant(bytes[index - 1]),
                index + 1 == bytes.count || bytes[index + 1] == 0x20 || isConsonant(bytes[index + 1])
            {
                continue
            }
            unvoiced.append(byte)
        }
        var out: [String] = []
        let withoutVowels = String(decoding: unvoiced, as: UTF8.self)
        if withoutVowels != latin { out.append(withoutVowels) }
        if unvoiced.contains(UInt8(ascii: "r")) {
            out.append(String(decoding: unvoiced.map { $0 == UInt8(ascii: "r") ? UInt8(ascii: "l") : $0 }, as: UTF8.self))
        }
        return out
    }

    /// Chinese writes a foreign name with one character a syllable, which
    /// ICU reads as words apart (`哈马斯`, Hamas, is `ha ma si`): each run of
    /// Chinese characters read as one word (`hamasi`, 0.9667 against
    /// HAMAS). Nil when no run has two characters or more.
    static func hanSyllablesJoined(_ text: String) -> String? {
        var parts: [String] = []
        var run = String.UnicodeScalarView()
        var other = String.UnicodeScalarView()
        var joinedAny = false
        func flushRun() {
            guard !run.isEmpty else { return }
            if run.count >= 2 { joinedAny = true }
            parts.append(NameNormalizer.normalize(String(run)).replacingOccurrences(of: " ", with: ""))
            run = String.UnicodeScalarView()
        }
        func flushOther() {
            guard !other.isEmpty else { return }
            parts.append(String(other))
            other = String.UnicodeScalarView()
        }
        for scalar in text.unicodeScalars {
            if isHan(scalar) {
                flushOther()
                run.append(scalar)
            } else {
                flushRun()
                other.append(scalar)
            }
        }
        flushRun()
        flushOther()
        return joinedAny ? parts.joined(separator: " ") : nil
    }

    static func isHan(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3400 ... 0x4DBF, 0x4E00 ... 0x9FFF, 0xF900 ... 0xFAFF, 0x20000 ... 0x2A6DF: true
        default: false
        }
    }
}
