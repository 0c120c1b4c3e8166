/// The `romanised` readings of Japanese katakana, Korean Hangul and Chinese characters:
/// how they write a foreign name, which ICU's Any-Latin reads letter by
/// letter or syllable by syllable.
extension EvasionForms {
    /// Katakana writes every consonant of a foreign name with a vowel after
    /// it, most often u (`ヒズボラ`, Hizbollah, is `hizubora`; `ワグネル`,
    /// Wagner, `waguneru`; `アル・シャバブ`, al-Shabab, `aru shababu`), and
    /// has one letter for r and l. The name read with each `u` after a
    /// consonant and before another consonant or a word's end left out
    /// (`hizbora`, `wagner`, `ar shabab`), then again with r as l
    /// (`hizbola`, `al shabab`: an article run together set apart,
    /// `articleApart`). A foreign name's final -er, which katakana writes
    /// as a long a (`ワグナー`, Wagner, `wagunā`; `ヒトラー`, Hitler), is
    /// also read as -er (`wagner`). Readings equal to ICU's are left out.
    static func katakanaSpellings(_ text: String) -> [String] {
        let latin = NameNormalizer.normalize(text)
        guard !latin.isEmpty else { return [] }
        let unvoiced = withoutAddedVowel(Array(latin.utf8), Array("u".utf8))
        var out: [String] = []
        let withoutVowels = String(decoding: unvoiced, as: UTF8.self)
        if withoutVowels != latin { out.append(withoutVowels) }
        if unvoiced.contains(UInt8(ascii: "r")) { out.append(articleApart(replacing("r", with: "l", in: unvoiced))) }
        if let er = katakanaFinalEr(text) {
            let read = String(decoding: withoutAddedVowel(Array(NameNormalizer.normalize(er).utf8), Array("u".utf8)), as: UTF8.self)
            if !read.isEmpty, read != latin, !out.contains(read) { out.append(read) }
        }
        return out
    }

    /// The text with each syllable of katakana's a-column lengthened by `ー`
    /// at a word's end written as its e-column syllable and `ル` (`ナー` →
    /// `ネル`), as katakana would write the -er it stands for; nil when there is none.
    static func katakanaFinalEr(_ text: String) -> String? {
        var scalars = Array(text.unicodeScalars)
        var changed = false
        var index = 1
        while index < scalars.count {
            let next = index + 1 < scalars.count ? scalars[index + 1] : nil
            let atEnd = next.map { !("\u{30A1}" ... "\u{30FC}").contains($0) || $0 == "\u{30FB}" } ?? true
            if scalars[index] == "\u{30FC}", atEnd, let e = katakanaEColumn[scalars[index - 1]] {
                scalars[index - 1] = e
                scalars[index] = "\u{30EB}"
                changed = true
            }
            index += 1
        }
        return changed ? String(String.UnicodeScalarView(scalars)) : nil
    }

    /// Katakana's a-column syllables and the e-column ones of the same consonant.
    private static let katakanaEColumn: [Unicode.Scalar: Unicode.Scalar] = [
        "ア": "エ", "カ": "ケ", "ガ": "ゲ", "サ": "セ", "ザ": "ゼ", "タ": "テ", "ダ": "デ", "ナ": "ネ", "ハ": "ヘ", "バ": "ベ",
        "パ": "ペ", "マ": "メ", "ラ": "レ",
    ]

    /// Hangul writes a foreign name's lone consonants with the vowel `ㅡ`,
    /// which ICU reads `eu` (`헤즈볼라`, Hezbollah, is `hejeubolla`; `하마스`
    /// `hamaseu`), `sh` as `sy` (`알샤바브`, al-Shabab, `alsyababeu`), z with
    /// `ㅈ` (j), and a word's syllables apart where a vowel begins one
    /// (`알카에다` → `alka eda`). Each run of Hangul read as one word without
    /// those `eu`, `sy` as sh, a word's final `eo` as the -er it writes
    /// (`바그너`, Wagner, `bageuneo` → `bagner`), the Arabic article apart
    /// (`al shabab`), then again with j as z (`hezbolla`) and with b as the
    /// v (or German w) it also writes (`vagner`).
    static func hangulSpellings(_ text: String) -> [String] {
        guard let joined = scriptRunsJoined(text, where: isHangul) else { return [] }
        var out = withoutAddedVowel(Array(NameNormalizer.normalize(joined).utf8), Array("eu".utf8))
        for index in out.indices.dropFirst() where out[index] == UInt8(ascii: "y") && out[index - 1] == UInt8(ascii: "s") {
            out[index] = UInt8(ascii: "h")
        }
        out = finalEoAsEr(out)
        let spelt = articleApart(String(decoding: out, as: UTF8.self))
        var spellings = [spelt]
        if out.contains(UInt8(ascii: "j")) { spellings.append(replacing("j", with: "z", in: Array(spelt.utf8))) }
        if out.contains(UInt8(ascii: "b")) { spellings.append(replacing("b", with: "v", in: Array(spelt.utf8))) }
        return spellings
    }

    /// Each word of four letters or more ending in a consonant and `eo`
    /// with `eo` written `er`.
    private static func finalEoAsEr(_ bytes: [UInt8]) -> [UInt8] {
        var out = bytes
        var start = 0
        for end in out.indices.map({ $0 + 1 }) where end == out.count || out[end] == 0x20 {
            if end - start >= 4, out[end - 2] == UInt8(ascii: "e"), out[end - 1] == UInt8(ascii: "o"), isConsonant(out[end - 3]) {
                out[end - 1] = UInt8(ascii: "r")
            }
            start = end + 1
        }
        return out
    }

    /// `bytes` without each `vowel` a script writes after a consonant that
    /// has none: after a consonant, before another or a word's end.
    static func withoutAddedVowel(_ bytes: [UInt8], _ vowel: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        var index = 0
        while index < bytes.count {
            let after = index + vowel.count
            if index > 0, isConsonant(bytes[index - 1]), after <= bytes.count, bytes[index ..< after].elementsEqual(vowel),
                after == bytes.count || bytes[after] == 0x20 || isConsonant(bytes[after])
            {
                index = after
                continue
            }
            out.append(bytes[index])
            index += 1
        }
        return out
    }

    /// The text of `bytes` with each `letter` written `other`.
    private static func replacing(_ letter: Unicode.Scalar, with other: Unicode.Scalar, in bytes: [UInt8]) -> String {
        String(decoding: bytes.map { $0 == UInt8(letter.value) ? UInt8(other.value) : $0 }, as: UTF8.self)
    }

    /// Each word that begins with the Arabic article run together with the
    /// word after it (`alkaida`, `alshabab`, as katakana and Hangul write
    /// it) with the article apart, as the lists write it (`al kaida`).
    static func articleApart(_ text: String) -> String {
        let words = text.split(separator: " ").map { word -> String in
            let bytes = Array(word.utf8)
            // `allegs` (Alex) keeps its double l: the article is not followed by an l.
            guard bytes.count >= 5, bytes[0] == UInt8(ascii: "a"), bytes[1] == UInt8(ascii: "l"), isConsonant(bytes[2]), bytes[2] != UInt8(ascii: "l")
            else { return String(word) }
            return "al " + String(word.dropFirst(2))
        }
        return words.joined(separator: " ")
    }

    static func isHangul(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0xAC00 ... 0xD7A3, 0x1100 ... 0x11FF, 0x3130 ... 0x318F: true
        default: false
        }
    }

    /// Chinese writes a foreign name with one character a syllable, which
    /// ICU reads as words apart (`哈马斯`, Hamas, is `ha ma si`): each run of
    /// Chinese characters read as one word (`hamasi`, 0.9667 against
    /// HAMAS). Nil when no run has two characters or more.
    static func hanSyllablesJoined(_ text: String) -> String? {
        scriptRunsJoined(text, where: isHan)
    }

    /// `text` with each run of two scalars or more that `inRun` takes read
    /// (ICU's Any-Latin) as one word; nil when there is no such run.
    static func scriptRunsJoined(_ text: String, where inRun: (Unicode.Scalar) -> Bool) -> String? {
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
            if inRun(scalar) {
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
