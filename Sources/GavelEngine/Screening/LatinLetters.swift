import GavelSyntax

/// Latin letters that carry a diacritic-like stroke or are ligatures but have
/// no Unicode canonical decomposition, so "decompose and drop marks" would
/// leave them alone. Mapped to the ASCII spelling used in romanised lists.
///
/// The list: ø→o, đ→d, ð→d, ł→l, ħ→h, ŧ→t, ı→i, æ→ae, œ→oe, þ→th
/// (and their capitals). ß is not here: case folding turns it into `ss`.
enum LatinLetters {
    static func undecomposable(_ scalar: Unicode.Scalar) -> String? {
        switch scalar.value {
        case 0x00D8: "O"   // Ø
        case 0x00F8: "o"   // ø
        case 0x0110: "D"   // Đ
        case 0x0111: "d"   // đ
        case 0x00D0: "D"   // Ð
        case 0x00F0: "d"   // ð
        case 0x0141: "L"   // Ł
        case 0x0142: "l"   // ł
        case 0x0126: "H"   // Ħ
        case 0x0127: "h"   // ħ
        case 0x0166: "T"   // Ŧ
        case 0x0167: "t"   // ŧ
        case 0x0131: "i"   // ı
        case 0x00C6: "AE"  // Æ
        case 0x00E6: "ae"  // æ
        case 0x0152: "OE"  // Œ
        case 0x0153: "oe"  // œ
        case 0x00DE: "TH"  // Þ
        case 0x00FE: "th"  // þ
        default: nil
        }
    }
}
