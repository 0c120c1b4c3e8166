import Foundation
import GavelSyntax

/// The general (non-fast) path of SPEC §3 steps 1–4: NFKC, Any-Latin,
/// diacritic removal, full case folding. Foundation/ICU is used only here.
enum ScriptFolding {
    /// Below this every scalar is Latin (Basic Latin … Latin Extended-B) or
    /// Common, which Any-Latin leaves unchanged, so the transform is skipped.
    static let transliterationFloor: UInt32 = 0x250

    static func fold(_ text: String) -> String {
        var s = withLettersRead(text).precomposedStringWithCompatibilityMapping
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
