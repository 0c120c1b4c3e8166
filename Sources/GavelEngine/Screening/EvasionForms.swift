import Foundation
import GavelSyntax

/// The transformations behind the evasion readings, each a pure function.
package enum EvasionForms {
    /// The plain form and, when a run of single letters joins, the joined
    /// one. `normalized` is `normalize(raw)`; the letters on either side of
    /// a conjunction in `raw` are not joined (`conjunctions`).
    /// `oneLetterWords`: words that count as one letter in a run besides
    /// one-scalar words (`skeletonLetters` for the skeleton reading).
    static func latinForms(
        _ normalized: String, raw: String? = nil, normalize: (String) -> String = NameNormalizer.normalize,
        oneLetterWords: Set<Substring> = []
    ) -> [NameForm] {
        guard !normalized.isEmpty else { return [NameForm("", .plain)] }
        let plain = NameForm(normalized, .plain)
        guard let joined = joinedLetters(normalized, raw: raw, normalize: normalize, oneLetterWords: oneLetterWords), joined != normalized,
            !joined.isEmpty
        else {
            return [plain]
        }
        return [plain, NameForm(joined, .joined)]
    }

    /// `&` and `+` (and their full-width and small forms): a name written
    /// `H&M`, `S&L` or `R+T` joins two names' initials, it does not spell
    /// a word, so no joined reading crosses one. (Joined across it, `H&M`
    /// read `hm`, the alias of Hizbul Mujahideen: an exact match that blocked
    /// the retailer.) Three single letters or more in a row, each apart
    /// from the next by one, are a word spelt out (`H+E+Z+B+O+L+L+A+H`,
    /// `D&A&E&S&H`): those join, as letters apart by dots do.
    static let conjunctions: Set<UInt32> = [0x26, 0x2B, 0xFE60, 0xFE62, 0xFF06, 0xFF0B]

    /// The fewest single letters apart by conjunctions that spell a word rather than join initials.
    static let shortestSpeltRun = 3

    /// `joinedLetters` of `normalized`, each stretch of `raw` between
    /// conjunctions read on its own, except that a run of at least
    /// `shortestSpeltRun` stretches of one letter each is read as one.
    static func joinedLetters(
        _ normalized: String, raw: String?, normalize: (String) -> String, oneLetterWords: Set<Substring> = []
    ) -> String? {
        guard let raw, raw.unicodeScalars.contains(where: { conjunctions.contains($0.value) }) else {
            return joinedLetters(normalized, oneLetterWords: oneLetterWords)
        }
        let stretches = raw.unicodeScalars.split(omittingEmptySubsequences: false, whereSeparator: { conjunctions.contains($0.value) })
            .map { normalize(String(String.UnicodeScalarView($0))) }
        var joinedAny = false
        var parts: [String] = []
        func read(_ plain: String) {
            if let joined = joinedLetters(plain, oneLetterWords: oneLetterWords) {
                joinedAny = true
                if !joined.isEmpty { parts.append(joined) }
            } else if !plain.isEmpty {
                parts.append(plain)
            }
        }
        var letters: [String] = []
        func flushLetters() {
            if letters.count >= shortestSpeltRun {
                read(letters.joined(separator: " "))
            } else {
                letters.forEach(read)
            }
            letters.removeAll()
        }
        for plain in stretches {
            if plain.unicodeScalars.count == 1 {
                letters.append(plain)
            } else {
                flushLetters()
                read(plain)
            }
        }
        flushLetters()
        return joinedAny ? parts.joined(separator: " ") : nil
    }

    /// Runs of two or more one-scalar tokens joined into one token
    /// (`h a m a s` → `hamas`, `hamas i r a` → `hamas ira`); legal-form
    /// words that a join produces are dropped like any other (`s a` → `sa`
    /// → dropped). Nil when the name has no such run. A word of
    /// `oneLetterWords` counts as one letter (`rn`, the skeleton of `m`).
    package static func joinedLetters(_ normalized: String, oneLetterWords: Set<Substring> = []) -> String? {
        // Most names have no one-scalar word: say so from the bytes, without
        // splitting into Characters (a tenth of loading a bundle's lists).
        guard hasOneScalarWord(normalized)
            || (!oneLetterWords.isEmpty && normalized.split(separator: " ").contains(where: { oneLetterWords.contains($0) }))
        else { return nil }
        let tokens = normalized.split(separator: " ")
        var out: [String] = []
        var run = ""
        var runLength = 0
        var joinedAny = false
        func flush() {
            if runLength >= 2 { joinedAny = true }
            if runLength > 0, !(runLength >= 2 && LegalForms.contains(Array(run.utf8))) { out.append(run) }
            run = ""
            runLength = 0
        }
        for token in tokens {
            if token.unicodeScalars.count == 1 || oneLetterWords.contains(token) {
                run += token
                runLength += 1
            } else {
                flush()
                out.append(String(token))
            }
        }
        flush()
        return joinedAny ? out.joined(separator: " ") : nil
    }

    /// Whether some space-separated word holds exactly one Unicode scalar.
    /// Words here may split finer than `split(separator: " ")`, which keeps
    /// a space with a combining mark after it inside a word; such a word has
    /// at least two scalars, so when no word here has one, none there has.
    static func hasOneScalarWord(_ text: String) -> Bool {
        var scalars = 0
        for byte in text.utf8 {
            if byte == UInt8(ascii: " ") {
                if scalars == 1 { return true }
                scalars = 0
            } else if byte & 0xC0 != 0x80 {
                scalars += 1
            }
        }
        return scalars == 1
    }

    /// The words of the skeleton reading that are the skeleton of one letter
    /// and so join a run of single letters like one: UTS #39 writes `m` as
    /// `rn`, and `Н.А.М.А.Ѕ` read `h a rn a s`, which joined as `ha rn` and
    /// the legal form `as` (dropped) instead of `harnas`, the skeleton of `HAMAS`.
    static let skeletonLetters: Set<Substring> = ["rn"]

    /// The confusable skeleton reading, normalised: `FancyLetters` read as
    /// their letters, then UTS #39 skeleton, lower
    /// case, skeleton again (so capitals and small letters meet the same
    /// prototype: `HAMAS` and `Наmas` both give `harnas`), then
    /// `NameNormalizer.normalize`, and `l` read as `i` (the prototype of
    /// capital I is `l`, of small i is `i`: a look-alike of either case must
    /// meet a listed name in either case). Empty when ICU fails.
    /// A capital of Latin Extended-B whose small letter is a look-alike is
    /// read as that small letter first (`smallOfExtendedCapital`): UTS #39
    /// maps `Ɗ` to `'D`, which split `Al-QaiƊa` into `ai qai da`, and `ɗ` to `d`.
    package static func skeleton(_ text: String) -> String {
        var text = text
        if text.unicodeScalars.contains(where: { smallOfExtendedCapital($0) != nil }) {
            // A capital the fancy-text table reads itself (`Ʌ` as A, where its small `ʌ` is no letter there) is left to it.
            text = String(String.UnicodeScalarView(text.unicodeScalars.map {
                FancyLetters.letter(for: $0) == nil ? smallOfExtendedCapital($0) ?? $0 : $0
            }))
        }
        guard let raw = caseBlindSkeleton(FancyLetters.read(text)) else { return "" }
        return lAsI(NameNormalizer.normalize(raw))
    }

    /// The text in the order a reader sees it where a right-to-left override
    /// (U+202E, up to U+202C or the end) reverses it: U+202E then `samaH`
    /// shows as `Hamas`. A case's name is screened in both orders
    /// (`NameForms.query`): what is stored, and what a reviewer is shown.
    static func inDisplayOrder(_ text: String) -> String {
        let override: Unicode.Scalar = "\u{202E}", pop: Unicode.Scalar = "\u{202C}"
        guard text.unicodeScalars.contains(override) else { return text }
        var out = String.UnicodeScalarView()
        var reversed: [Unicode.Scalar] = []
        var overriding = false
        for scalar in text.unicodeScalars {
            if scalar == override {
                out.append(contentsOf: reversed.reversed())
                reversed.removeAll()
                overriding = true
            } else if scalar == pop, overriding {
                out.append(contentsOf: reversed.reversed())
                reversed.removeAll()
                overriding = false
            } else if overriding {
                reversed.append(scalar)
            } else {
                out.append(scalar)
            }
        }
        out.append(contentsOf: reversed.reversed())
        return String(out)
    }

    /// Whether a scalar of `text` beyond ASCII is a look-alike: its UTS #39
    /// prototype is not the scalar itself (its marks taken apart). Only such
    /// a name gets a skeleton reading. One whose letters beyond ASCII are
    /// ordinary letters of their script (`李佳`, `Müller`, `Hà Lê`) is read
    /// by transliteration; the skeleton of that reading only added `l`
    /// read as `i` and `m` as `rn`, and `李佳` (`ii jia`) met `J. I.`.
    ///
    /// A character whose prototype holds no letter or digit (the quotation
    /// mark `’`, whose prototype is `'`) is no look-alike of a letter: the
    /// plain reading makes both a space, and `Al-Shabaab’s` read through
    /// skeletons (`ai shabaab s`) aligned with `ZANGA S.A.S.` at 0.93.
    ///
    /// Latin letters (below U+0250) and combining marks are not asked: the
    /// plain reading already reads them (`ø`, `ł`, `ǐ`), and their
    /// prototypes only swap one mark for another. A capital of Latin
    /// Extended-B (U+0180–U+024F) is asked as its small letter, which case
    /// folding makes it: `Ɓ Ɗ` are `ɓ ɗ`, look-alikes from U+0250 on, so
    /// `Ɗaesh` is read like `ɗaesh`.
    static func hasLookAlike(_ text: String) -> Bool {
        if FancyLetters.hasAny(text) { return true }
        var seen: Set<UInt32> = []
        for original in text.unicodeScalars {
            let scalar = smallOfExtendedCapital(original) ?? original
            guard scalar.value >= ScriptFolding.transliterationFloor, !(0x300 ... 0x36F).contains(scalar.value),
                seen.insert(scalar.value).inserted
            else { continue }
            let single = String(scalar)
            // A look-alike of punctuation (`’` of `'`) is none of a letter: normalising makes both a space.
            guard let prototype = UnicodeSecurity.skeleton(single),
                prototype.unicodeScalars.contains(where: { $0.properties.isAlphabetic || ("0" ... "9").contains($0) })
            else { continue }
            if withoutMarks(prototype) != withoutMarks(single) { return true }
        }
        return false
    }

    /// The small letter of a capital in Latin Extended-B (U+0180–U+024F)
    /// when it is one scalar from U+0250 on (`Ɓ` → `ɓ`); nil otherwise.
    static func smallOfExtendedCapital(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
        guard (0x180 ... 0x24F).contains(scalar.value) else { return nil }
        let lower = scalar.properties.lowercaseMapping.unicodeScalars
        guard lower.count == 1, let small = lower.first, small.value >= ScriptFolding.transliterationFloor else { return nil }
        return small
    }

    static func isNonspacingMark(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.generalCategory == .nonspacingMark
    }

    /// The text decomposed, its non-spacing marks removed.
    static func withoutMarks(_ text: String) -> String {
        String(String.UnicodeScalarView(text.decomposedStringWithCanonicalMapping.unicodeScalars.filter {
            !isNonspacingMark($0)
        }))
    }

    /// A digit reading of a skeleton form read as the skeleton reads letters
    /// (`l` as `i`, and what UTS #39 makes of the letters a digit became), so
    /// that it meets the listed skeleton forms it is compared with.
    static func skeletonOfReading(_ reading: String) -> String {
        lAsI(NameNormalizer.normalize(caseBlindSkeleton(reading) ?? reading))
    }

    /// skeleton(lowercase(skeleton(text))), before normalisation; nil when ICU fails.
    static func caseBlindSkeleton(_ text: String) -> String? {
        // The skeleton of ASCII text is a per-character mapping (NFD leaves it alone).
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return asciiSkeleton(text) }
        guard let first = UnicodeSecurity.skeleton(text) else { return nil }
        return UnicodeSecurity.skeleton(first.lowercased())
    }

    static func lAsI(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "l")) else { return text }
        return String(decoding: text.utf8.map { $0 == UInt8(ascii: "l") ? UInt8(ascii: "i") : $0 }, as: UTF8.self)
    }

    /// skeleton(lowercase(skeleton(c))) for each ASCII scalar, from ICU once.
    private static let asciiTable: [String] = (0 ..< 128).map { value in
        let text = String(UnicodeScalar(UInt8(value)))
        guard let first = UnicodeSecurity.skeleton(text), let second = UnicodeSecurity.skeleton(first.lowercased()) else { return text }
        return second
    }

    private static func asciiSkeleton(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count + 4)
        for byte in text.utf8 { out += asciiTable[Int(byte)] }
        return out
    }

    /// Whether `text` has a letter of the Arabic or Hebrew script.
    static func hasAbjadLetter(_ text: String) -> Bool {
        text.unicodeScalars.contains { scalar in
            switch scalar.value {
            case 0x0590 ... 0x05FF, 0xFB1D ... 0xFB4F, 0x0600 ... 0x06FF, 0x0750 ... 0x077F, 0x08A0 ... 0x08FF,
                0xFB50 ... 0xFDFF, 0xFE70 ... 0xFEFF:
                return scalar.properties.isAlphabetic
            default: return false
            }
        }
    }

    /// Ta marbuta (ة, a final `-a`/`-ah` in romanisations) and tatweel removed:
    /// ICU writes the first as `ẗ`, which no romanisation has.
    static func withoutTaMarbuta(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars where scalar.value != 0x0629 && scalar.value != 0xFE93 && scalar.value != 0xFE94
            && scalar.value != 0x0640
        {
            out.append(scalar)
        }
        return String(out)
    }

    /// The text with each word-final heh (`ه`, and its final and isolated
    /// forms) after another Arabic letter left out: informal spelling writes
    /// a ta marbuta without its dots (`حركه المقاومه الاسلاميه` for `حركة
    /// المقاومة الإسلامية`), which ICU then reads as an `h` no list writes.
    /// Likewise Hebrew `ה` after another Hebrew letter, which ends a word
    /// in a vowel (`קאעדה`, qa'ida). A second consonant reading only: the
    /// heh of `الله` or `فقيه` is a letter.
    static func withoutFinalHeh(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        guard scalars.contains(where: { isHeh($0) || $0.value == 0x05D4 }) else { return text }
        var out = String.UnicodeScalarView()
        for (i, scalar) in scalars.enumerated() {
            let wordFinal = i + 1 == scalars.count || !scalars[i + 1].properties.isAlphabetic
            if wordFinal, i > 0, (isHeh(scalar) && isArabicLetter(scalars[i - 1])) || (scalar.value == 0x05D4 && isHebrewLetter(scalars[i - 1])) {
                continue
            }
            out.append(scalar)
        }
        return String(out)
    }

    private static func isHeh(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value == 0x0647 || scalar.value == 0xFEE9 || scalar.value == 0xFEEA
    }

    static func isHebrewLetter(_ scalar: Unicode.Scalar) -> Bool {
        (0x05D0 ... 0x05EA).contains(scalar.value)
    }

    static func isArabicLetter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0600 ... 0x06FF, 0x0750 ... 0x077F, 0x08A0 ... 0x08FF, 0xFB50 ... 0xFDFF, 0xFE70 ... 0xFEFF: scalar.properties.isAlphabetic
        default: false
        }
    }

    /// Letters minus the vowels `a e i o u y`, without spaces, doubled
    /// letters written once; nil below three letters. An abjad writes few
    /// or no vowels, so this is the reading in which `حماس` (ICU: `hmas`),
    /// `חמאס` (`hm s`) and `HAMAS` agree (`hms`).
    package static func consonants(normalized: String) -> String? {
        var out: [UInt8] = []
        for byte in normalized.utf8 where isConsonant(byte) && out.last != byte { out.append(byte) }
        return out.count >= 3 ? String(decoding: out, as: UTF8.self) : nil
    }

    /// An ASCII small letter other than `a e i o u y`.
    static func isConsonant(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a"), UInt8(ascii: "e"), UInt8(ascii: "i"), UInt8(ascii: "o"), UInt8(ascii: "u"), UInt8(ascii: "y"): false
        case UInt8(ascii: "b") ... UInt8(ascii: "z"): true
        default: false
        }
    }

    /// Words that handles and site names run together with a name
    /// (`HamasOfficial`, `hamasmedia`, `AlAqsaTV`), and the words for what a
    /// group is that German compounds and handles run on
    /// (`Hamasbewegung`, `HamasBrigades`), in English, German and Arabic
    /// written in Latin letters (`HamasKataib`, "Hamas brigades";
    /// `HamasJihad`; `HarakatHamas`, "the Hamas movement"), after it or (`official`,
    /// `harakat`) before it; split off only when at least `shortestRemainder`
    /// letters are left, so that `olive`, `thetv` or `seafront` stay whole.
    static let runTogetherSuffixes = [
        "official", "channel", "online", "center", "centre", "office", "agency", "media", "press", "radio", "news", "info",
        "live", "net", "web", "tv",
        "movement", "bewegung", "brigades", "brigade", "group", "gruppe", "front", "party", "partei", "kataib", "kataeb", "jihad",
    ]
    static let runTogetherPrefixes = ["official", "harakat"]
    static let shortestRemainder = 4

    /// The plain reading with one such word split off each ASCII word that
    /// begins or ends with one (`hamasofficial` → `hamas official`); nil
    /// when no word does. Only containment reads it: a listed name's words
    /// must then all be there, whole.
    static func runTogetherSplit(_ normalized: String) -> String? {
        guard normalized.utf8.allSatisfy({ $0 < 0x80 }) else { return nil }
        var split = false
        let words = normalized.split(separator: " ").map { token -> String in
            var word = Substring(token)
            var parts: [Substring] = []
            if let prefix = runTogetherPrefixes.first(where: { word.count >= $0.count + shortestRemainder && word.hasPrefix($0) }) {
                parts.append(word.prefix(prefix.count))
                word = word.dropFirst(prefix.count)
            }
            var suffix: Substring?
            if let found = runTogetherSuffixes.first(where: { word.count >= $0.count + shortestRemainder && word.hasSuffix($0) }) {
                suffix = word.suffix(found.count)
                word = word.dropLast(found.count)
            }
            parts.append(word)
            if let suffix { parts.append(suffix) }
            if parts.count > 1 { split = true }
            return parts.joined(separator: " ")
        }
        return split ? words.joined(separator: " ") : nil
    }
}
