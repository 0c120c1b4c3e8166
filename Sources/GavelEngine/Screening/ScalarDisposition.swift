import GavelSyntax

/// What the last per-scalar stage of name normalisation does with a scalar
/// (after transliteration, diacritic removal and case folding).
enum ScalarDisposition: Sendable {
    case keep
    /// Becomes a token boundary: punctuation (P*), symbols (S*), controls,
    /// whitespace, and the apostrophe-like modifier letters ICU emits.
    case separator
    /// Vanishes without splitting the token.
    case drop
}

extension Unicode.Scalar {
    var screeningDisposition: ScalarDisposition {
        let v = value
        if v < 0x80 {
            let isAlnum = (v >= 0x30 && v <= 0x39) || (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A)
            return isAlnum ? .keep : .separator
        }
        let props = properties
        if props.isWhitespace { return .separator }
        // Invisible whatever their category: the Hangul fillers (U+115F, U+1160, U+3164, U+FFA0) are
        // letters (Lo), so `Hamas\u{3164}Media` kept one inside the name where no one sees it.
        if props.isDefaultIgnorableCodePoint { return .drop }
        switch props.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
             .initialPunctuation, .finalPunctuation, .otherPunctuation,
             .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol,
             .control:
            return .separator
        case .modifierLetter where v >= 0x2B0 && v <= 0x2FF:
            // ICU writes ayin/hamza as ʿ ʾ (Lm), and names carry ʼ ʻ for the
            // apostrophe; treating them like `'` keeps `Qaʼida` equal to `Qa'ida`.
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
