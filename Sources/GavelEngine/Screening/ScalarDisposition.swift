import GavelSyntax

/// What the last per-scalar stage of name normalisation does with a scalar
/// (after transliteration, diacritic removal and case folding).
enum ScalarDisposition: Sendable {
    case keep
    /// Becomes a token boundary: punctuation (P*), symbols (S*), controls,
    /// whitespace, and the modifier letters U+02B0–U+02FF other than
    /// those read as apostrophes.
    case separator
    /// A token boundary that joins the letters on either side into one
    /// word of the written name: an apostrophe or the ayin and hamza that
    /// romanised Arabic writes with one (`Sa'id`, `Saʿīd`, `As’ad`). The
    /// pieces are tokens as at any separator, but a piece is never dropped
    /// as a legal-form word (SPEC §1.6): `Sa'id` is `sa id`, not `id`.
    case apostrophe
    /// Vanishes without splitting the token.
    case drop
}

extension Unicode.Scalar {
    var screeningDisposition: ScalarDisposition {
        let v = value
        if v < 0x80 {
            if v == 0x27 || v == 0x60 { return .apostrophe }
            let isAlnum = (v >= 0x30 && v <= 0x39) || (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A)
            return isAlnum ? .keep : .separator
        }
        // The default-ignorable code points that are neither format characters nor marks (which the
        // categories below drop): the Hangul fillers are letters (Lo), so `Hamas\u{3164}Media` kept one
        // inside the name where no one sees it; the rest are unassigned. Listed, not asked of ICU per scalar.
        switch v {
        // Apostrophes and the modifier letters for ayin and hamza (ʹ ʺ ʻ ʼ ʽ ʾ ʿ); ICU writes ع and ء as ʿ ʾ.
        case 0x2018, 0x2019, 0x201B, 0x2032, 0x02B9 ... 0x02BF: return .apostrophe
        case 0x115F, 0x1160, 0x3164, 0xFFA0, 0x2065, 0xFFF0 ... 0xFFF8, 0xE0000 ... 0xE0FFF: return .drop
        default: break
        }
        let props = properties
        if props.isWhitespace { return .separator }
        switch props.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
             .initialPunctuation, .finalPunctuation, .otherPunctuation,
             .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol,
             .control:
            return .separator
        case .modifierLetter where v >= 0x2B0 && v <= 0x2FF:
            // The others of the block (ˆ ˇ ˈ ˌ, tone letters): marks written beside a letter, not letters.
            return .separator
        case .format:
            // Zero-width joiners, word joiners, soft hyphens, bidi marks: invisible,
            // so a name with one inserted must normalise like the name without it.
            return .drop
        case .nonspacingMark, .enclosingMark:
            // Only reachable when case folding re-introduces a mark (e.g. İ → i̇
            // from a script ICU left alone); diacritics were removed earlier.
            return .drop
        default:
            return .keep
        }
    }
}
