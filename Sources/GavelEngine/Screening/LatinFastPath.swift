import GavelSyntax

/// Per-scalar results of the full pipeline for Latin (and Common) scalars, so
/// names written in Latin script skip Foundation and ICU entirely.
///
/// This is sound because, for these scalars, every step is a per-scalar
/// mapping: NFKC-then-decompose is compatibility decomposition (any
/// composition is undone, and marks are dropped anyway), Any-Latin is not
/// needed, and case folding and the punctuation rule are per scalar. The tests
/// check the table against the general path, scalar by scalar and on strings.
enum LatinFastPath {
    /// Indexed by scalar value; nil where the scalar needs the general path.
    /// Covered: below U+0250 (Basic Latin to Latin Extended-B) and the
    /// combining diacritical marks U+0300–U+036F.
    static let table: [[UInt8]?] = (0 ..< UInt32(0x370)).map { value in
        guard value < ScriptFolding.transliterationFloor || value >= 0x300,
              let scalar = Unicode.Scalar(value)
        else { return nil }
        let text = String(Character(scalar))
        // NFKC can leave the Latin range (µ → Greek μ, ŉ → ʼn). Such a string
        // is transliterated as a whole, and ICU then reads neighbouring marks
        // in Greek context (U+0314 becomes `h`), so per-scalar results would
        // differ: these take the general path.
        guard ScriptFolding.compatibilityFormIsLatin(text) else { return nil }
        var bytes: [UInt8] = []
        NameNormalizer.appendGeneral(text, to: &bytes)
        return bytes
    }

    static func entry(_ scalar: Unicode.Scalar) -> [UInt8]? {
        let v = Int(scalar.value)
        return v < table.count ? table[v] : nil
    }
}
