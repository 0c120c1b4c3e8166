/// Letters of other scripts that "fancy text" generators put in for Latin
/// ones because of their shape, where UTS #39 has no prototype for them:
/// `ᕼᗩᗰᗩᔕ` (Canadian syllabics), `ꃅꍏꂵꍏꌗ` (Yi), `卄卂爪卂丂` (CJK),
/// `ⲎⲀⲘⲀⲤ` (Coptic), `ђค๓คร` (Thai), `ɦǟʍǟֆ` (IPA and Armenian) and
/// the Greek capitals used for A (`HΛMΛS`, `HΔMΔS`). Read as those letters
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
        text.unicodeScalars.contains { table[$0.value] != nil }
    }

    /// The text with each of these characters read as its letter.
    static func read(_ text: String) -> String {
        guard hasAny(text) else { return text }
        return String(String.UnicodeScalarView(text.unicodeScalars.map { table[$0.value] ?? $0 }))
    }

    private static let table: [UInt32: Unicode.Scalar] = {
        let alphabets: [(letter: Unicode.Scalar, lookAlikes: String)] = [
            ("a", "ᗩꍏ卂ค∆ΛΔⲀǟᎯ"),
            ("b", "ᗷꌃ乃๒ɮ"),
            ("c", "ᑕꉓ匚ςƈ"),
            ("d", "ᗪꀸ๔ɖ"),
            ("e", "ꍟ乇єɛ"),
            ("f", "ᖴꎇ千ʄ"),
            ("g", "ꁅﻮɢ"),
            ("h", "ᕼꃅ卄ђⲎ"),
            ("i", "ꀤ丨เɨ"),
            ("j", "ᒍꀭﾌןʝ"),
            ("k", "ꀘҜкӄ"),
            ("l", "ᒪ꒒ㄥɭ"),
            ("m", "ᗰꂵ爪๓Ⲙʍ"),
            ("n", "ᑎꈤ几ภռ"),
            ("o", "ꂦㄖ๏օ"),
            ("p", "ᑭꉣ卩קք"),
            ("q", "ᑫꆰợզ"),
            ("r", "ᖇꋪ尺г"),
            ("s", "ᔕꌗ丂รֆ"),
            ("t", "꓄ㄒՇȶ"),
            ("u", "ᑌꀎㄩยʊ"),
            ("v", "ᐯꃴʋ"),
            ("w", "ᗯꅏ山ฬա"),
            ("x", "᙭ꊼ乂אӼ"),
            ("y", "ꌩㄚץ"),
            ("z", "ᘔꁴ乙չʐ"),
        ]
        var table: [UInt32: Unicode.Scalar] = [:]
        for (letter, lookAlikes) in alphabets {
            for scalar in lookAlikes.unicodeScalars { table[scalar.value] = letter }
        }
        return table
    }()
}
