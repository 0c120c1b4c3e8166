import GavelSyntax

/// Latin letters that carry a diacritic-like stroke or are ligatures but have
/// no Unicode canonical decomposition, so "decompose and drop marks" would
/// leave them alone. Mapped to the ASCII spelling used in romanised lists.
///
/// The list: ø→o, đ→d, ð→d, ł→l, ħ→h, ŧ→t, ı→i, æ→ae, œ→oe, þ→th
/// (and their capitals). ß is not here: case folding turns it into `ss`.
///
/// Also the Latin small capitals (`ʜᴀᴍᴀꜱ`): no Unicode decomposition and no
/// UTS #39 prototype maps them to the letters they are read as, so a name
/// spelt in them would otherwise meet no listed name (SPEC §3, "Evasion").
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
        default: smallCapital(scalar.value)
        }
    }

    private static func smallCapital(_ value: UInt32) -> String? {
        switch value {
        case 0x1D00: "a"   // ᴀ
        case 0x0299: "b"   // ʙ
        case 0x1D04: "c"   // ᴄ
        case 0x1D05: "d"   // ᴅ
        case 0x1D07: "e"   // ᴇ
        case 0xA730: "f"   // ꜰ
        case 0x0262: "g"   // ɢ
        case 0x029C: "h"   // ʜ
        case 0x026A: "i"   // ɪ
        case 0x1D0A: "j"   // ᴊ
        case 0x1D0B: "k"   // ᴋ
        case 0x029F: "l"   // ʟ
        case 0x1D0D: "m"   // ᴍ
        case 0x0274: "n"   // ɴ
        case 0x1D0F: "o"   // ᴏ
        case 0x1D18: "p"   // ᴘ
        case 0xA7AF: "q"   // ꞯ
        case 0x0280: "r"   // ʀ
        case 0xA731: "s"   // ꜱ
        case 0x1D1B: "t"   // ᴛ
        case 0x1D1C: "u"   // ᴜ
        case 0x1D20: "v"   // ᴠ
        case 0x1D21: "w"   // ᴡ
        case 0x028F: "y"   // ʏ
        case 0x1D22: "z"   // ᴢ
        default: nil
        }
    }
}
