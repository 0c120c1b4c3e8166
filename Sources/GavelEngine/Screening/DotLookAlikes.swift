/// The characters that look like a full stop, read as one between a host's
/// labels: `aqsatv᛫ps` (Runic), `aqsatv·ps`, `aqsatv٠ps` show as
/// `aqsatv.ps` and must be screened as it. Which characters is UTS #39's
/// answer, not a list kept by hand: those whose confusable prototype (ICU's
/// skeleton) is the full stop `.` or the middle dot `·`, to which
/// confusables.txt maps the raised dots (`᛫ • ‧ ∙ ⋅ ・ ⸱ ·`). A table adds
/// the full stops of other scripts that UTS #39 maps elsewhere, or to
/// themselves.
///
/// What IDNA lets stand inside a label is left there, so a host written in
/// its own script is not cut: the middle dot between two `l` (Catalan
/// `l·l`), the Katakana middle dot beside kana or an ideograph (a Japanese
/// name's word break), a letter or digit (the Arabic-Indic zero `٠`, the
/// Lisu tone letter `ꓸ`) unless both its neighbours are ASCII letters or
/// digits, and a combining mark, which belongs to the letter before it.
enum DotLookAlikes {
    /// Full stops whose UTS #39 prototype is not a dot (ICU gives the
    /// Arabic `۔` as `-`, the Armenian `։` as `:`, the Lisu `꓿` as `=`) or
    /// is themselves: Ethiopic `።`, the dotted `⸼`, and the dot above `˙`.
    static let fullStops: Set<UInt32> = [0x06D4, 0x0589, 0x1362, 0xA4FF, 0x2E3C, 0x02D9]

    /// `text` with each look-alike of a dot between labels read as `.`.
    static func read(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 >= 0x80 }), mayHoldOne(text) else { return text }
        let scalars = Array(text.unicodeScalars)
        var read = String.UnicodeScalarView()
        for (i, scalar) in scalars.enumerated() {
            let before = i > 0 ? scalars[i - 1] : nil
            let after = i + 1 < scalars.count ? scalars[i + 1] : nil
            read.append(isDot(scalar, before: before, after: after) ? "." : scalar)
        }
        return String(read)
    }

    /// One skeleton of the whole text tells whether any scalar may be a dot,
    /// so a long value in another script costs one call to ICU, not one a
    /// scalar. A character whose prototype is a dot leaves a `·`, or one
    /// more `.` than the text's own, in the skeleton.
    private static func mayHoldOne(_ text: String) -> Bool {
        if text.unicodeScalars.contains(where: { fullStops.contains($0.value) }) { return true }
        guard let skeleton = UnicodeSecurity.skeleton(text) else { return true }
        return skeleton.unicodeScalars.contains(middleDot) || dots(in: skeleton) > dots(in: text)
    }

    private static func dots(in text: String) -> Int {
        text.utf8.reduce(0) { $1 == UInt8(ascii: ".") ? $0 + 1 : $0 }
    }

    private static let middleDot: Unicode.Scalar = "\u{00B7}"

    private static func isDot(_ scalar: Unicode.Scalar, before: Unicode.Scalar?, after: Unicode.Scalar?) -> Bool {
        guard scalar.value >= 0x80 else { return false }
        if fullStops.contains(scalar.value) { return true }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return false
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter, .decimalNumber, .letterNumber, .otherNumber:
            guard let before, let after, isASCIILetterOrDigit(before), isASCIILetterOrDigit(after) else { return false }
        default:
            break
        }
        guard let prototype = UnicodeSecurity.skeleton(String(scalar)), prototype == "." || prototype == String(middleDot) else { return false }
        return !insideLabel(scalar, before: before, after: after)
    }

    /// A dot IDNA allows inside a label (RFC 5892, appendix A), where it is:
    /// the middle dot of Catalan `l·l` (and the Greek ano teleia, which
    /// UTS #46 maps to it), the Katakana middle dot in Japanese.
    private static func insideLabel(_ scalar: Unicode.Scalar, before: Unicode.Scalar?, after: Unicode.Scalar?) -> Bool {
        switch scalar.value {
        case 0x00B7, 0x0387:
            return before.map { $0 == "l" || $0 == "L" } == true && after.map { $0 == "l" || $0 == "L" } == true
        case 0x30FB, 0xFF65:
            return before.map(isJapanese) == true || after.map(isJapanese) == true
        default:
            return false
        }
    }

    /// Hiragana, Katakana (full and half width) or an ideograph: the
    /// scripts beside which IDNA lets the Katakana middle dot stand.
    private static func isJapanese(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.properties.isIdeographic { return true }
        switch scalar.value {
        case 0x3040 ... 0x30FA, 0x30FC ... 0x30FF, 0x31F0 ... 0x31FF, 0xFF66 ... 0xFF9F, 0x1B000 ... 0x1B16F: return true
        default: return false
        }
    }

    private static func isASCIILetterOrDigit(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII && (scalar.properties.isAlphabetic || ("0" ... "9").contains(scalar))
    }
}
