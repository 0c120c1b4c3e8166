import Foundation
import GavelSyntax

/// The general (non-fast) path of SPEC §3 steps 1–4: NFKC, Any-Latin,
/// diacritic removal, full case folding. Foundation/ICU is used only here.
enum ScriptFolding {
    /// Below this every scalar is Latin (Basic Latin … Latin Extended-B) or
    /// Common, which Any-Latin leaves unchanged, so the transform is skipped.
    static let transliterationFloor: UInt32 = 0x250

    static func fold(_ text: String) -> String {
        var s = lettersApart(withLettersRead(text).precomposedStringWithCompatibilityMapping)
        if s.unicodeScalars.contains(where: { $0.value >= transliterationFloor }) {
            // nil means ICU could not build the transliterator; keeping the text
            // is better than dropping the name.
            s = s.applyingTransform(StringTransform("Any-Latin"), reverse: false) ?? s
        }
        s = removeDiacritics(s)
        // Foundation's case-insensitive folding is full Unicode case folding
        // (ß → ss, ſ → s, ς → σ, ﬁ → fi), unlike `lowercased()`.
        return s.folding(options: .caseInsensitive, locale: nil)
    }

    /// Whether NFKC keeps `text` within Latin/Common scalars, ignoring
    /// combining marks (which diacritic removal drops whatever the script).
    static func compatibilityFormIsLatin(_ text: String) -> Bool {
        text.precomposedStringWithCompatibilityMapping.unicodeScalars.allSatisfy {
            $0.value < transliterationFloor || $0.properties.generalCategory == .nonspacingMark
        }
    }

    /// Scalars read as another before anything else: `LatinLetters.enclosedCapital`,
    /// the Braille letters (`LatinLetters.braille`), and the Urdu forms of heh (`ھ` U+06BE, `ہ` U+06C1), which ICU's Any-Latin
    /// drops: `ھماس` read `mas`; as Arabic heh `ه` it reads `hmas` like `حماس`.
    static func withLettersRead(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { readAsAnother($0) != nil }) else { return text }
        return String(String.UnicodeScalarView(text.unicodeScalars.map { readAsAnother($0) ?? $0 }))
    }

    /// Letters of other scripts drawn as a dash or a dot, which a writer puts
    /// between single Latin letters as punctuation (`HーAーMーAーS`): Katakana
    /// `ー`, Hangul `ㅡ` and `ㆍ`, Cyrillic `ꙿ`, CJK `一`, Canadian syllabics
    /// `ᐧ`, Latin `ꞏ`, N'Ko `ߺ`, and Arabic tatweel `ـ` (a stretch of the
    /// baseline, `HـAـMـAـS`). They are letters by category, so they were
    /// kept (transliterated, `一` as `yi`) and the letters never joined. Read
    /// after NFKC, which makes the Hangul ones conjoining jamo (U+1173, U+119E).
    static let letterSeparators: Set<UInt32> = [
        0x30FC, 0x3161, 0x318D, 0x1173, 0x119E, 0xA67F, 0x4E00, 0x1427, 0xA78F, 0x07FA, 0x0640,
    ]

    /// The text with each of `letterSeparators` read as a hyphen where it
    /// stands between two single Latin letters (each with no other letter on
    /// its other side): then `HーAーMーAーS` joins as `H-A-M-A-S` does.
    /// Anywhere else (`一` in Chinese text, `ー` in Katakana) it is left alone.
    static func lettersApart(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { letterSeparators.contains($0.value) }) else { return text }
        let scalars = Array(text.unicodeScalars)
        func isLatinLetter(_ i: Int) -> Bool { scalars.indices.contains(i) && Self.isLatinLetter(scalars[i]) }
        // A letter stands alone when what is beyond it is no letter, or another such separator.
        func endsRun(_ i: Int) -> Bool {
            guard scalars.indices.contains(i) else { return true }
            return letterSeparators.contains(scalars[i].value) || !scalars[i].properties.isAlphabetic
        }
        var out = String.UnicodeScalarView()
        for (i, scalar) in scalars.enumerated() {
            if letterSeparators.contains(scalar.value), isLatinLetter(i - 1), isLatinLetter(i + 1), endsRun(i - 2), endsRun(i + 2) {
                out.append("-")
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// A letter of the Latin script below the transliteration floor: ASCII,
    /// Latin-1 and Latin Extended-A and -B.
    static func isLatinLetter(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A)
            || (v >= 0xC0 && v < transliterationFloor && v != 0xD7 && v != 0xF7 && scalar.properties.isAlphabetic)
    }

    private static func readAsAnother(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
        switch scalar.value {
        case 0x06BE, 0x06C1: return "\u{0647}"
        default: return LatinLetters.enclosedCapital(scalar) ?? LatinLetters.braille(scalar)
        }
    }

    static func removeDiacritics(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in s.decomposedStringWithCanonicalMapping.unicodeScalars {
            // Enclosing marks too: `H⃝a⃝m⃝a⃝s⃝` (U+20DD) and keycaps draw a frame, not a letter.
            if scalar.properties.generalCategory == .nonspacingMark || scalar.properties.generalCategory == .enclosingMark { continue }
            if let replacement = LatinLetters.undecomposable(scalar) {
                out.append(contentsOf: replacement.unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }
}
