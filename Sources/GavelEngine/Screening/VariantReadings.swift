/// The readings scored as `variant` (SPEC §3, "Evasion"): a case's name
/// respelt the way evasion respells, each compared with a listed name's
/// plain and joined forms at `EvasionScores.variantFactor` times its
/// Jaro–Winkler score. Case names only: they undo what a writer added.
extension EvasionForms {
    /// Every variant reading of a case's name not among its `latin` forms,
    /// each once: the digit readings (sorted), then letters with their
    /// fillers left out, then each run of one letter written once, then
    /// the name translated.
    static func variantReadings(_ text: String, normalized: String, latin: [NameForm]) -> [NameForm] {
        var variants: [NameForm] = []
        func add(_ text: String, _ reading: NameReading) {
            guard !text.isEmpty, !latin.contains(where: { $0.text == text }), !variants.contains(where: { $0.text == text }) else {
                return
            }
            variants.append(NameForm(text, reading))
        }
        // A lone bar is read as l, and again as the capital I it also draws (`|S|S`).
        var symbolic = [symbolsAsLetters(text)]
        if text.utf8.contains(UInt8(ascii: "|")) { symbolic.append(symbolsAsLetters(text, loneBar: "i")) }
        var raws = [text]
        for reading in symbolic where !raws.contains(reading) { raws.append(reading) }
        let sources = [normalized] + raws.dropFirst().map(NameNormalizer.normalize)
        var digits: [String] = []
        for (position, source) in sources.enumerated() {
            for form in latinForms(source, raw: raws[position]) {
                // `@`/`$` read as letters are a reading of their own, digits or not.
                digits += (position > 0 ? [form.text] : []) + digitReadings(form.text)
            }
        }
        for reading in digits.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) { add(reading, .digits) }
        for form in latin {
            if let unfilled = withoutFillers(form.text) { add(unfilled, .fillers) }
        }
        for source in latin.map(\.text) + variants.map(\.text) {
            if let squeezed = withoutRepeats(source) { add(squeezed, .repeats) }
            if let halved = halvedRepeats(source) { add(halved, .repeats) }
        }
        for reading in translatedReadings(text, latin: latin) { add(reading, .translated) }
        return variants
    }

    /// Each run of one letter written once, when some word loses two
    /// letters or more that way (`hhaammaass` → `hamas`, `haammaass` →
    /// `hamas`); nil otherwise. A single doubled letter (`hammas`) already
    /// scores as a misspelling, and names are full of them (`mohammed`,
    /// `hassan`, `abdullah`): reading those again would only cost lookups.
    static func withoutRepeats(_ normalized: String) -> String? {
        // Said from the bytes first: a name whose letters never repeat twice running in a word, as most do not.
        if normalized.utf8.allSatisfy({ $0 < 0x80 }) {
            var previous: UInt8 = 0, droppedInWord = 0, worthIt = false
            for byte in normalized.utf8 {
                if byte == 0x20 { droppedInWord = 0 } else if byte == previous, (byte | 0x20) >= 0x61, (byte | 0x20) <= 0x7A {
                    droppedInWord += 1
                    if droppedInWord >= 2 { worthIt = true; break }
                }
                previous = byte
            }
            guard worthIt else { return nil }
        }
        var out = String.UnicodeScalarView()
        var previous: Unicode.Scalar?
        var droppedInWord = 0
        var worthIt = false
        for scalar in normalized.unicodeScalars {
            if scalar == " " {
                droppedInWord = 0
            } else if scalar == previous, scalar.properties.isAlphabetic {
                droppedInWord += 1
                if droppedInWord >= 2 { worthIt = true }
                continue
            }
            out.append(scalar)
            previous = scalar
        }
        return worthIt ? String(out) : nil
    }

    /// Each run of one letter written half as many times, when every run of
    /// letters in the name has an even length: every letter was doubled, so
    /// the name's own double letters are kept (`aabbdduullllaahh` →
    /// `abdullah`, `LLttttee` → `ltte`, where `withoutRepeats` reads `abdulah`
    /// and `lte`); nil otherwise, and for fewer than four letters.
    static func halvedRepeats(_ normalized: String) -> String? {
        // Said from the first two scalars for most names: a first letter written once.
        var opening = normalized.unicodeScalars.makeIterator()
        guard let first = opening.next(), let second = opening.next(), first == second || !first.properties.isAlphabetic else {
            return nil
        }
        let scalars = Array(normalized.unicodeScalars)
        var out = String.UnicodeScalarView()
        var index = 0, letters = 0
        while index < scalars.count {
            let scalar = scalars[index]
            guard scalar.properties.isAlphabetic else {
                out.append(scalar)
                index += 1
                continue
            }
            var end = index + 1
            while end < scalars.count, scalars[end] == scalar { end += 1 }
            let run = end - index
            guard run % 2 == 0 else { return nil }
            for _ in 0 ..< run / 2 { out.append(scalar) }
            letters += run
            index = end
        }
        return letters >= 4 ? String(out) : nil
    }

    /// Each word whose letters are separated by one digit, the same every
    /// time (`h1a1m1a1s`, `h0a0m0a0s0`), with the digit left out; nil when
    /// no word is. At least three letters, so that `a1b` (a part number)
    /// stays as written. Punctuation between letters needs no reading of
    /// its own: normalising makes it spaces, and the letters join.
    static func withoutFillers(_ normalized: String) -> String? {
        guard normalized.utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        var changed = false
        let words = normalized.split(separator: " ").map { word -> String in
            let scalars = Array(word.unicodeScalars)
            guard scalars.count >= 5, let filler = scalars.dropFirst().first, ("0" ... "9").contains(filler) else { return String(word) }
            var letters = String.UnicodeScalarView()
            for (offset, scalar) in scalars.enumerated() {
                if offset % 2 == 1 {
                    guard scalar == filler else { return String(word) }
                } else {
                    guard scalar.properties.isAlphabetic else { return String(word) }
                    letters.append(scalar)
                }
            }
            changed = true
            return String(letters)
        }
        return changed ? words.joined(separator: " ") : nil
    }

    /// `@` and `$` inside a word read as `a` and `s` (`H@mas`), `^` as `a`,
    /// `#` as `h` and `€` as `e` (`D€$H`), `!` and `|` before a letter, a
    /// digit or one of those symbols as `i` and `l` (`@n$@r@||@h`; a lone
    /// `|` as `loneBar`)
    /// (`!slamic`, `Hezb0||ah`; `!!` as `ll`: `H!zba!!ah`), and the letters drawn with strokes (`|-|` h, `|\/|`
    /// and `/\/\` m, `|\|` n, `\/\/` w, `\/` v, `/\` and `/-\` a, `|<` and `1<` k, `|)` d,
    /// `|2` r, `|_|` u, `|3` b): `|-|4|\/|4$` is `h4m4s`.
    /// `loneBar` is what a `|` standing alone before a letter reads as.
    static func symbolsAsLetters(_ text: String, loneBar: Unicode.Scalar = "l") -> String {
        guard text.utf8.contains(where: { symbolBytes.contains($0) }) || text.unicodeScalars.contains(where: { !$0.isASCII && symbolLetters[$0] != nil })
        else { return text }
        var out = text
        if out.utf8.contains(where: { $0 == UInt8(ascii: "|") || $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "\\") || $0 == UInt8(ascii: "<") }) {
            for (strokes, letter) in strokeLetters { out = out.replacingOccurrences(of: strokes, with: letter) }
        }
        var mapped = String.UnicodeScalarView()
        let scalars = Array(out.unicodeScalars)
        for (i, scalar) in scalars.enumerated() {
            switch scalar {
            case "!" where barContinuesWord(scalars, after: i):
                // One `!` is the i it looks like; two or more are `ll` (`H!zba!!ah`): names hardly double an i.
                let doubled = (i > 0 && scalars[i - 1] == "!") || (i + 1 < scalars.count && scalars[i + 1] == "!")
                mapped.append(doubled ? "l" : "i")
            case "|" where barContinuesWord(scalars, after: i):
                let doubled = (i > 0 && scalars[i - 1] == "|") || (i + 1 < scalars.count && scalars[i + 1] == "|")
                mapped.append(doubled ? "l" : loneBar)
            default: mapped.append(symbolLetters[scalar] ?? scalar)
            }
        }
        return String(mapped)
    }

    /// Whether the run of `!` and `|` at `index` is followed by a letter or
    /// digit: a bar inside or before a word (`H!zba!!ah`, `!slamic`,
    /// `Hezb0||ah`) is the i or l it stands for; one that ends a word
    /// (`Yahoo!`) or stands apart (`Hamas | Media`) is punctuation.
    private static func barContinuesWord(_ scalars: [Unicode.Scalar], after index: Int) -> Bool {
        var next = index + 1
        while next < scalars.count, scalars[next] == "!" || scalars[next] == "|" { next += 1 }
        guard next < scalars.count else { return false }
        return scalars[next].properties.isAlphabetic || ("0" ... "9").contains(scalars[next]) || symbolLetters[scalars[next]] != nil
    }

    /// The symbols that read as one letter wherever they stand; a bar before one continues a word.
    private static let symbolLetters: [Unicode.Scalar: Unicode.Scalar] = ["@": "a", "^": "a", "$": "s", "#": "h", "€": "e"]
    /// The ASCII bytes of those symbols and of the bars and strokes: a name without any is left as it is.
    private static let symbolBytes: Set<UInt8> = Set("|/\\!<".utf8).union(symbolLetters.keys.filter(\.isASCII).map { UInt8($0.value) })

    /// Longest first, so that `|\/|` is read before `\/` (and `/-\` before
    /// `/\`). `1<` is k as `|<` is: a digit one is drawn as the same stroke.
    private static let strokeLetters: [(String, String)] = [
        ("/\\/\\", "m"), ("\\/\\/", "w"), ("|\\/|", "m"), ("|\\|", "n"), ("|-|", "h"), ("|_|", "u"), ("/-\\", "a"),
        ("\\/", "v"), ("/\\", "a"), ("|<", "k"), ("1<", "k"), ("|)", "d"), ("|2", "r"), ("|3", "b"),
    ]

    /// The digit-for-letter substitutions of `variant`, in tokens that hold
    /// a letter as well as a digit (a number alone is a number, unless
    /// another word mixes digits with letters): 0→o, 1→i
    /// (and, as a second reading, 1→l), 3→e, 4→a, 5→s, 7→t, 8→b, 9→g.
    static let digitLetters: [UInt8: UInt8] = [
        UInt8(ascii: "0"): UInt8(ascii: "o"), UInt8(ascii: "1"): UInt8(ascii: "i"), UInt8(ascii: "3"): UInt8(ascii: "e"),
        UInt8(ascii: "4"): UInt8(ascii: "a"), UInt8(ascii: "5"): UInt8(ascii: "s"), UInt8(ascii: "7"): UInt8(ascii: "t"),
        UInt8(ascii: "8"): UInt8(ascii: "b"), UInt8(ascii: "9"): UInt8(ascii: "g"),
    ]

    /// The readings of `normalized` with digits substituted (none when no
    /// token mixes letters and digits, or when the result equals the input):
    /// `1` as `i`, then as `l`, then `13` as the `b` it draws (`13oko`),
    /// then the Arabizi readings (`arabiziReadings`). A digit alone between
    /// two words is read too: a name spelt with hyphens has one-letter
    /// words there (`Jaish-3-Mohammed`, `Lashkar-3-Taiba`). So is a word of
    /// digits alone when another word mixes digits and letters
    /// (`1515-84n914d35h`): that one says the name is written in them.
    package static func digitReadings(_ normalized: String) -> [String] {
        guard normalized.utf8.contains(where: { digitLetters[$0] != nil }) else { return [] }
        let tokens = normalized.split(separator: " ")
        func hasLetter(_ token: Substring) -> Bool {
            token.utf8.contains { $0 >= 0x80 || ($0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z")) }
        }
        // A word of letters and digits says the digits are letters: then so are those of a word written in
        // them alone (`1515-84n914d35h`, `41-4n54r`, `94m4'4`), which otherwise is a number.
        let leet = tokens.contains { token in hasLetter(token) && token.utf8.contains { digitLetters[$0] != nil } }
        func isRead(_ index: Int) -> Bool {
            if hasLetter(tokens[index]) { return true }
            if leet, tokens[index].utf8.allSatisfy({ digitLetters[$0] != nil }) { return true }
            guard tokens[index].utf8.count == 1, index > 0, index + 1 < tokens.count else { return false }
            return hasLetter(tokens[index - 1]) && hasLetter(tokens[index + 1])
        }
        let thirteen = normalized.contains("13")
        var readings: [String] = []
        for (one, thirteenAsB) in [(UInt8(ascii: "i"), false), (UInt8(ascii: "l"), false), (UInt8(ascii: "i"), true)] {
            if thirteenAsB, !thirteen { continue }
            var mappedTokens: [String] = []
            for (index, token) in tokens.enumerated() {
                guard isRead(index) else {
                    mappedTokens.append(String(token))
                    continue
                }
                var bytes = Array(token.utf8)
                if thirteenAsB, hasLetter(token) { bytes = Self.thirteenAsB(bytes) }
                let mapped = bytes.map { byte -> UInt8 in
                    if byte == UInt8(ascii: "1") { return one }
                    return digitLetters[byte] ?? byte
                }
                mappedTokens.append(String(decoding: mapped, as: UTF8.self))
            }
            let reading = mappedTokens.joined(separator: " ")
            if reading != normalized, !readings.contains(reading) { readings.append(reading) }
        }
        for reading in arabiziReadings(normalized) where reading != normalized && !readings.contains(reading) {
            readings.append(reading)
        }
        return readings
    }

    /// Each `13` in a word written `b`, as `|3` is.
    private static func thirteenAsB(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "1"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "3") {
                out.append(UInt8(ascii: "b"))
                index += 2
            } else {
                out.append(bytes[index])
                index += 1
            }
        }
        return out
    }

    /// Arabizi, the Arabic chat alphabet, in words that hold a letter and a
    /// `7` or `3`: `7` is ح, which lists write `h` (`7amas`, `7izballah`),
    /// and `3` is ع, which they leave out (`Al-Qa3ida`) or write as a vowel
    /// (`Da3ish`: Daesh), so two readings; a doubled vowel there is a long
    /// one, which lists write once (`Daa3ish`: `daeish`). Other digits as
    /// in `digitLetters`. None when no word has a `7` or `3`.
    static func arabiziReadings(_ normalized: String) -> [String] {
        let seven = UInt8(ascii: "7"), three = UInt8(ascii: "3")
        guard normalized.utf8.contains(where: { $0 == seven || $0 == three }) else { return [] }
        let vowels: Set<UInt8> = Set("aeiou".utf8)
        var readings: [String] = []
        for ayn in [nil, UInt8(ascii: "e")] as [UInt8?] {
            var tokens: [String] = []
            for token in normalized.split(separator: " ") {
                let bytes = Array(token.utf8)
                let hasLetter = bytes.contains { $0 >= 0x80 || ($0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z")) }
                guard hasLetter, bytes.contains(where: { $0 == seven || $0 == three }) else {
                    tokens.append(String(token))
                    continue
                }
                var mapped: [UInt8] = []
                for byte in bytes {
                    let letter: UInt8?
                    switch byte {
                    case seven: letter = UInt8(ascii: "h")
                    case three: letter = ayn
                    case UInt8(ascii: "1"): letter = UInt8(ascii: "i")
                    default: letter = digitLetters[byte] ?? byte
                    }
                    guard let letter else { continue }
                    if vowels.contains(letter), mapped.last == letter { continue }
                    mapped.append(letter)
                }
                tokens.append(String(decoding: mapped, as: UTF8.self))
            }
            let reading = tokens.joined(separator: " ")
            if !readings.contains(reading) { readings.append(reading) }
        }
        return readings
    }
}
