import Foundation

/// Letters of other scripts that "fancy text" generators put in for Latin
/// ones because of their shape, where UTS #39 has no prototype for them:
/// `ᕼᗩᗰᗩᔕ` (Canadian syllabics), `ꃅꍏꂵꍏꌗ` (Yi), `卄卂爪卂丂` (CJK),
/// `ⲎⲀⲘⲀⲤ` (Coptic), `ђค๓คร` (Thai), `ɦǟʍǟֆ` (IPA and Armenian) and
/// the Greek capitals used for A (`HΛMΛS`, `HΔMΔS`), Cyrillic small `м`
/// (whose UTS #39 prototype is the turned `ʍ`, not `m`: `Намаѕ` met no
/// `HAMAS` while `НАМАЅ` did), the small capital `ᴍ` likewise, and Greek small `μ` (UTS #39 reads
/// its capital `Μ` as M, not it: `Ηαμας`), the turned and hooked Latin letters and
/// symbols generators use for a letter (`H∀M∀S`, `ǶAMAS`, `ƉÆSH`, `PĸĸK`,
/// `Ɯagner`, `DAᗴSH`), the currency signs of "currency" text (`H₳M₳S`,
/// `₩₳₲₦ɆⱤ`), with their Latin Extended-B capitals. Read as those letters
/// in the skeleton reading only (`EvasionForms.skeleton`), where a name
/// spelt in them meets the listed name as the look-alike it is; the plain
/// reading still transliterates them (`Λ` is `L` in a Greek name).
///
/// The alphabets are those the common generators emit, letter by letter;
/// a character is here only when it stands for one Latin letter and UTS #39
/// does not already map it (Cherokee `Ꮋ`, Cyrillic `Н` are mapped there).
enum FancyLetters {
    /// The Latin letter a character stands for, if it is one of these.
    static func letter(for scalar: Unicode.Scalar) -> Unicode.Scalar? {
        table[scalar.value]
    }

    static func hasAny(_ text: String) -> Bool {
        text.unicodeScalars.contains { table[$0.value] != nil } || isTurned(text) || isMirrored(text) || readInContext(text) != nil
    }

    /// The text with each of these characters read as its letter; upside-down
    /// text (`isTurned`) turned back and read from its other end.
    static func read(_ text: String) -> String {
        if isTurned(text) { return String(String.UnicodeScalarView(text.unicodeScalars.reversed().map { turned[$0.value] ?? $0 })) }
        if isMirrored(text) { return String(String.UnicodeScalarView(text.unicodeScalars.reversed().map { mirrored[$0.value] ?? $0 })) }
        let text = readInContext(text) ?? text
        guard text.unicodeScalars.contains(where: { table[$0.value] != nil }) else { return text }
        return String(String.UnicodeScalarView(text.unicodeScalars.map { table[$0.value] ?? $0 }))
    }

    /// The text with the letters that are look-alikes only where they stand
    /// read as the Latin letter they imitate there; nil when none is. Each is
    /// an ordinary letter of some language elsewhere, which the table cannot
    /// read whatever its surroundings:
    /// - the "faux Cyrillic" capitals `Д Я И Є Ф Ц Ш Б` (a r n e o u w b) in a
    ///   name that also has a Latin letter (`HДMДS`, `ШAGИEЯ GЯФЦP`): a name
    ///   written in Cyrillic alone (`Дмитрий Шишкин`) is Russian, not a spoof;
    /// - `ß` (and `ẞ`) as b where no vowel comes before it (`ßoko Haram`):
    ///   German writes it only after a vowel or diphthong (`Straße`, `Weiß`);
    /// - `Þ` and `þ` as p where neither a vowel, `r`, `v` nor `j` follows
    ///   (`ÞKK`, `Al-ShaþaaÞ`): Icelandic writes it before those (`Þór`,
    ///   `Þráinn`), so `Þoko Haram` is left to the plain reading's `th`;
    /// - Greek final `ς` as s where it ends a word after a Greek letter
    ///   (`Ηαμας`), which is what it is there; elsewhere generators use it
    ///   for c, as the table reads it;
    /// - Cyrillic soft sign `ь` (and `Ь`) as b where it stands among Latin
    ///   letters: a Latin letter beside it and no Cyrillic one (`Hizьallah`,
    ///   `Al-Shaьaab`). UTS #39 reads it as the tone letter `ƅ`; in Russian
    ///   text it follows a Cyrillic consonant (`Мария Ильина`) and is left alone.
    static func readInContext(_ text: String) -> String? {
        guard text.unicodeScalars.contains(where: { contextual.contains($0.value) }) else { return nil }
        let scalars = Array(text.unicodeScalars)
        let fauxCyrillic = scalars.contains(where: ScriptFolding.isLatinLetter)
        var out = String.UnicodeScalarView()
        var changed = false
        for (i, scalar) in scalars.enumerated() {
            let previous = i > 0 ? scalars[i - 1] : nil, next = i + 1 < scalars.count ? scalars[i + 1] : nil
            var letter: Unicode.Scalar?
            switch scalar.value {
            case 0xDF, 0x1E9E:
                if !(previous.map(isVowel) ?? false) { letter = "b" }
            case 0xDE, 0xFE:
                if let next, next.properties.isAlphabetic, isVowel(next) || "rvjRVJ".unicodeScalars.contains(baseLetter(next) ?? " ") {
                    break
                }
                letter = "p"
            case 0x3C2:
                if let previous, isGreek(previous), !(next?.properties.isAlphabetic ?? false) { letter = "s" }
            case 0x44C, 0x42C:
                let beside = [previous, next].compactMap { $0 }
                if beside.contains(where: ScriptFolding.isLatinLetter), !beside.contains(where: isCyrillicLetter) { letter = "b" }
            default:
                if fauxCyrillic { letter = fauxCyrillicLetters[scalar.value] }
            }
            if let letter {
                out.append(letter)
                changed = true
            } else {
                out.append(scalar)
            }
        }
        return changed ? String(out) : nil
    }

    /// The faux-Cyrillic generators' capitals, which UTS #39 maps to no Latin letter.
    private static let fauxCyrillicLetters: [UInt32: Unicode.Scalar] = [
        0x414: "a", 0x42F: "r", 0x418: "n", 0x404: "e", 0x424: "o", 0x426: "u", 0x428: "w", 0x411: "b",
    ]

    private static let contextual: Set<UInt32> = Set(fauxCyrillicLetters.keys).union([0xDF, 0x1E9E, 0xDE, 0xFE, 0x3C2, 0x44C, 0x42C])

    private static func isCyrillicLetter(_ scalar: Unicode.Scalar) -> Bool {
        (0x400 ... 0x52F).contains(scalar.value) && scalar.properties.isAlphabetic
    }

    /// The text with the Greek capitals the table reads as another letter
    /// read as their own (`Λ` as L, `Δ` as D); nil when it has none.
    /// Generators use them for A (`HΛMΛS`), but a name in Greek capitals
    /// uses them for themselves (`ΗΙΖΒΑΛΛΑΗ`, whose `Α` is the A): the
    /// skeleton reading reads a name with one both ways (`NameForms.query`).
    static func asOwnLetters(_ text: String) -> String? {
        guard text.unicodeScalars.contains(where: { ownLetters[$0.value] != nil }) else { return nil }
        return String(String.UnicodeScalarView(text.unicodeScalars.map { ownLetters[$0.value] ?? $0 }))
    }

    private static let ownLetters: [UInt32: Unicode.Scalar] = [0x39B: "L", 0x394: "D"]

    /// The ASCII letter a Latin letter is written on (`ö` → `o`), if any.
    private static func baseLetter(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
        guard let base = String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars.first, base.isASCII else { return nil }
        return base
    }

    private static func isVowel(_ scalar: Unicode.Scalar) -> Bool {
        if "æÆøØœŒ".unicodeScalars.contains(scalar) { return true }
        guard let base = baseLetter(scalar) else { return false }
        return "aeiouyAEIOUY".unicodeScalars.contains(base)
    }

    private static func isGreek(_ scalar: Unicode.Scalar) -> Bool {
        (0x370 ... 0x3FF).contains(scalar.value) || (0x1F00 ... 0x1FFF).contains(scalar.value)
    }

    /// Upside-down or mirrored text turned back letter by letter but left in
    /// its order: what a generator that does not write backwards produced
    /// (`ɥɐɯɐs`, `Hɒmɒƨ`).
    static func turnedInPlace(_ text: String) -> String {
        let table = isTurned(text) ? turned : mirrored
        return String(String.UnicodeScalarView(text.unicodeScalars.map { table[$0.value] ?? $0 }))
    }

    /// Whether the text is written in a mirror, as mirror-text generators
    /// write it: at least two letters, and half of them or more mirrored
    /// letters (`ƨ ɒ ɘ ɿ ƚ ᴎ …`), which names in any language hardly use
    /// together; written backwards too (`ƨɒmɒH`), so that it reads in a
    /// mirror as `Hamas`.
    static func isMirrored(_ text: String) -> Bool {
        mostlyWritten(text, in: mirrored, only: mirroredOnly) && !isTurned(text)
    }

    /// Each letter as it reads in a mirror: the mirrored letters, and the
    /// Latin letters that are one another mirrored (`b`/`d`, `p`/`q`).
    private static let mirrored = letterTable([
        ("ɒ", "a"), ("ɘ", "e"), ("ϱ", "g"), ("ꟻ", "f"), ("ꓘ", "k"), ("⅃", "l"), ("ᴎИ", "n"), ("ꟼ", "p"), ("ɿЯ", "r"), ("ƨƧ", "s"),
        ("ƚ", "t"), ("ƹƸ", "z"), ("ᗡ", "d"), ("b", "d"), ("d", "b"), ("p", "q"), ("q", "p"),
    ])

    /// The mirrored letters that are no ordinary letter of the Latin alphabet
    /// or of Cyrillic (`И Я` mirror N and R, but a Russian name is full of them).
    private static let mirroredOnly: Set<UInt32> = Set(mirrored.keys.filter { $0 >= 0x80 && !(0x400 ... 0x4FF).contains($0) })

    /// Whether the text is written upside down, as flip-text generators write
    /// it: at least two letters, and half of them or more turned letters
    /// (`ɐ ɯ ɥ ʇ ǝ ɹ ʎ ʞ …`), which names in any language hardly use together.
    /// A generator also writes the text backwards (`sɐɯɐɥ`), so that turned
    /// over it reads `hamas`.
    static func isTurned(_ text: String) -> Bool {
        mostlyWritten(text, in: turned, only: turnedOnly)
    }

    /// Whether at least two of the text's letters (its alphabetic scalars and
    /// those `table` reads), and half of them or more, are of `only`.
    private static func mostlyWritten(_ text: String, in table: [UInt32: Unicode.Scalar], only: Set<UInt32>) -> Bool {
        // Every such letter is beyond ASCII: most names are asked nothing more.
        guard text.utf8.contains(where: { $0 >= 0x80 }), text.unicodeScalars.contains(where: { only.contains($0.value) }) else {
            return false
        }
        var letters = 0, ofThem = 0
        for scalar in text.unicodeScalars where scalar.properties.isAlphabetic || table[scalar.value] != nil {
            letters += 1
            if only.contains(scalar.value) { ofThem += 1 }
        }
        return ofThem >= 2 && ofThem * 2 >= letters
    }

    /// Each scalar of each string read as its letter.
    private static func letterTable(_ pairs: [(String, Unicode.Scalar)]) -> [UInt32: Unicode.Scalar] {
        var table: [UInt32: Unicode.Scalar] = [:]
        for (scalars, letter) in pairs { for scalar in scalars.unicodeScalars { table[scalar.value] = letter } }
        return table
    }

    /// Each letter as it reads turned 180°: the turned letters, and the Latin
    /// letters that are one another turned (`n`/`u`, `d`/`p`, `b`/`q`).
    private static let turned = letterTable([
        ("ɐ∀Ɐ", "a"), ("ɔƆ", "c"), ("ǝƎ", "e"), ("ɟℲ", "f"), ("ƃ⅁", "g"), ("ɥꞍ", "h"), ("ᴉ", "i"), ("ɾ", "j"),
        ("ʞꞰ", "k"), ("ɯƜ", "m"), ("ɹ", "r"), ("ʇꞱ", "t"), ("ʌɅ", "v"), ("ʍ", "w"), ("ʎ⅄", "y"), ("Ԁ", "p"),
        ("n", "u"), ("u", "n"), ("d", "p"), ("p", "d"), ("b", "q"), ("q", "b"),
    ])

    /// The turned letters that are no ordinary letter of the Latin alphabet.
    private static let turnedOnly: Set<UInt32> = Set(turned.keys.filter { $0 >= 0x80 })

    private static let table: [UInt32: Unicode.Scalar] = {
        let alphabets: [(letter: Unicode.Scalar, lookAlikes: String)] = [
            ("a", "ᗩꍏ卂ค∆ΛΔⲀǟᎯ∀ⱯꓯɅɒꭤ₳"),
            ("b", "ᗷꌃ乃๒ɮ฿₿"),
            ("c", "ᑕꉓ匚ςƈ₵₡"),
            ("d", "ᗪꀸ๔ɖ"),
            ("e", "ꍟ乇єɛᗴǝ"),
            ("f", "ᖴꎇ千ʄ₣"),
            ("g", "ꁅﻮɢ₲"),
            ("h", "ᕼꃅ卄ђⲎƕ"),
            ("i", "ꀤ丨เɨ"),
            ("j", "ᒍꀭﾌןʝ"),
            ("k", "ꀘҜкӄĸƙ₭"),
            ("l", "ᒪ꒒ㄥɭǀ"),
            ("m", "ᗰꂵ爪๓Ⲙʍмμᴍ₥"),
            ("n", "ᑎꈤ几ภռɲ₦"),
            ("o", "ꂦㄖ๏օᝪ"),
            ("p", "ᑭꉣ卩קքƥ₱₽"),
            ("q", "ᑫꆰợզ"),
            ("r", "ᖇꋪ尺гɾʁ"),
            ("s", "ᔕꌗ丂รֆ₴"),
            ("t", "꓄ㄒՇȶ₮₸"),
            ("u", "ᑌꀎㄩยʊ"),
            ("v", "ᐯꃴʋ"),
            ("w", "ᗯꅏ山ฬաƜ₩"),
            ("x", "᙭ꊼ乂אӼ"),
            ("y", "ꌩㄚץ"),
            ("z", "ᘔꁴ乙չʐ"),
        ]
        var table: [UInt32: Unicode.Scalar] = [:]
        for (letter, lookAlikes) in alphabets {
            for scalar in lookAlikes.unicodeScalars { table[scalar.value] = letter }
        }
        // The capitals in Latin Extended-B (U+0180–U+024F) of the hooked letters above (`Ʋ Ɖ Ƙ Ƥ Ǝ Ƕ`):
        // generators write `Ʋagner` as readily as `ʋagner`, and case folding, which would make one the
        // other, comes after the reading is chosen. Other scripts' capitals are not added: Greek `ς` is
        // `c` here, but its capital `Σ` looks like no `c`.
        for (value, letter) in table {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let upper = scalar.properties.uppercaseMapping.unicodeScalars
            guard upper.count == 1, let capital = upper.first, (0x180 ... 0x24F).contains(capital.value), table[capital.value] == nil
            else { continue }
            table[capital.value] = letter
        }
        return table
    }()
}
