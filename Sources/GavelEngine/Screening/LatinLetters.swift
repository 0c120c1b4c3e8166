import GavelSyntax

/// Latin letters that carry a diacritic-like stroke or are ligatures but have
/// no Unicode canonical decomposition, so "decompose and drop marks" would
/// leave them alone. Mapped to the ASCII spelling used in romanised lists.
///
/// The list: ø→o, đ→d, ð→d, ł→l, ħ→h, ŧ→t, ı→i, æ→ae, œ→oe, þ→th
/// (and their capitals), and the stroked and hooked letters of
/// `strokedOrHooked`. ß is not here: case folding turns it into `ss`.
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
        default: strokedOrHooked(scalar.value) ?? smallCapital(scalar.value)
        }
    }

    /// Letters with a stroke, bar or hook that fancy-text generators put
    /// in for plain ones (`Hⱥmⱥs`, `ĦȺMȺS`, `ɧąɱąʂ`): like ø or ł, they
    /// have no decomposition, and UTS #39 leaves most of them alone.
    private static func strokedOrHooked(_ value: UInt32) -> String? {
        switch value {
        case 0x023A: "A"   // Ⱥ
        case 0x2C65: "a"   // ⱥ
        case 0x0251: "a"   // ɑ
        case 0x0243: "B"   // Ƀ
        case 0x0180: "b"   // ƀ
        case 0x023B: "C"   // Ȼ
        case 0x023C: "c"   // ȼ
        case 0x0246: "E"   // Ɇ
        case 0x0247: "e"   // ɇ
        case 0x01E4: "G"   // Ǥ
        case 0x01E5: "g"   // ǥ
        case 0x2C67: "H"   // Ⱨ
        case 0x2C68: "h"   // ⱨ
        case 0x0266: "h"   // ɦ
        case 0x0267: "h"   // ɧ
        case 0x0197: "I"   // Ɨ
        case 0x0268: "i"   // ɨ
        case 0x0248: "J"   // Ɉ
        case 0x0249: "j"   // ɉ
        case 0xA740: "K"   // Ꝁ
        case 0xA741: "k"   // ꝁ
        case 0x023D: "L"   // Ƚ
        case 0x019A: "l"   // ƚ
        case 0x2C6E: "M"   // Ɱ
        case 0x0271: "m"   // ɱ
        case 0x019F: "O"   // Ɵ
        case 0x0275: "o"   // ɵ
        case 0x2C63: "P"   // Ᵽ
        case 0x1D7D: "p"   // ᵽ
        case 0xA756: "Q"   // Ꝗ
        case 0xA757: "q"   // ꝗ
        case 0x024C: "R"   // Ɍ
        case 0x024D: "r"   // ɍ
        case 0xA7A8: "S"   // Ꞩ
        case 0xA7A9: "s"   // ꞩ
        case 0x0282: "s"   // ʂ
        case 0x023F: "s"   // ȿ
        case 0x023E: "T"   // Ⱦ
        case 0x2C66: "t"   // ⱦ
        case 0x0244: "U"   // Ʉ
        case 0x0289: "u"   // ʉ
        case 0x024E: "Y"   // Ɏ
        case 0x024F: "y"   // ɏ
        case 0x01B5: "Z"   // Ƶ
        case 0x01B6: "z"   // ƶ
        case 0x0240: "z"   // ɀ
        default: nil
        }
    }

    /// Letters drawn inside a symbol that Unicode gives no compatibility
    /// decomposition (NFKC folds the circled `Ⓗ` and squared `🄷`, not
    /// these): negative circled `🅗`, negative squared `🅷` and the regional
    /// indicators `🇭`. Read as the capital they show, before anything else:
    /// otherwise a name spelt in them is symbols, that is, nothing.
    static func enclosedCapital(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
        let v = scalar.value
        let first: UInt32
        switch v {
        case 0x1F150 ... 0x1F169: first = 0x1F150
        case 0x1F170 ... 0x1F189: first = 0x1F170
        case 0x1F1E6 ... 0x1F1FF: first = 0x1F1E6
        default: return nil
        }
        return Unicode.Scalar(0x41 + v - first)
    }

    /// The 26 letters of Braille's grade 1 (`⠓⠁⠍⠁⠎` is `hamas`): symbols
    /// with no decomposition, so a name spelt in them normalised to nothing
    /// and was not screened. Other Braille cells (numbers, contractions)
    /// stay symbols.
    static func braille(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
        guard (0x2801 ... 0x283F).contains(scalar.value) else { return nil }
        return brailleLetters[scalar.value]
    }

    private static let brailleLetters: [UInt32: Unicode.Scalar] = {
        let cells: [UInt32] = [
            0x2801, 0x2803, 0x2809, 0x2819, 0x2811, 0x280B, 0x281B, 0x2813, 0x280A, 0x281A, 0x2805, 0x2807, 0x280D,
            0x281D, 0x2815, 0x280F, 0x281F, 0x2817, 0x280E, 0x281E, 0x2825, 0x2827, 0x283A, 0x282D, 0x283D, 0x2835,
        ]
        var table: [UInt32: Unicode.Scalar] = [:]
        for (offset, cell) in cells.enumerated() { table[cell] = Unicode.Scalar(UInt8(ascii: "a") + UInt8(offset)) }
        return table
    }()

    private static func smallCapital(_ value: UInt32) -> String? {
        switch value {
        case 0xA7AE: "i"   // Ɪ (capital small capital I: `ꞮSꞮS`)
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
