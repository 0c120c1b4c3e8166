import Foundation

/// What a host is written inside when it is copied out of an e-mail, a
/// ticket or a chat, and the ways it is written to stop it being a link:
/// read through before the host is taken out (`IdentifierNormalizer.host`).
/// Each of these left a listed domain unmatched: `"aqsatv.ps"`,
/// `<https://aqsatv.ps>`, `[Al-Aqsa](https://aqsatv.ps)`,
/// `view-source:https://aqsatv.ps/`, `view-source:aqsatv.ps`, `aqsatv .ps`,
/// `aqsatv dot ps`, `aqsatv[d0t]ps`, `aqsatv<.>ps`, `aqsatv\.ps`,
/// `aqsatv·ps`, `aqsatv᛫ps`.
extension IdentifierNormalizer {
    static func unwrapped(_ text: String) -> String {
        // Most values are a bare host or URL: nothing here can apply to them.
        guard text.utf8.contains(where: { $0 >= 0x80 || unwrappingBytes.contains($0) }) else { return text }
        var value = withCharacterReferencesRead(withFullWidthRead(text))
        // A bounded number of layers: `"<https://…>"`.
        for _ in 0 ..< 4 {
            let before = value
            value = withoutWrapper(trimmedSpaces(value))
            value = markdownTarget(value) ?? value
            value = withoutOuterScheme(value)
            if value == before { break }
        }
        return withDotsRead(value)
    }

    /// The ASCII bytes that start one of the readings below (a scheme's `:` among them).
    private static let unwrappingBytes: Set<UInt8> = Set(" \t\n\r\"'`<([{\\:&%".utf8)

    private static func trimmedSpaces(_ text: String) -> String {
        text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Matching quotes or brackets around the whole value. Square brackets
    /// around an IPv6 literal (hex digits, colons and dots only) are the
    /// literal's own, and stay.
    private static func withoutWrapper(_ text: String) -> String {
        let pairs: [(Character, Character)] = [("\"", "\""), ("'", "'"), ("`", "`"), ("“", "”"), ("‘", "’"), ("<", ">"), ("(", ")"), ("[", "]"), ("«", "»")]
        guard text.count >= 2, let first = text.first, let last = text.last,
            pairs.contains(where: { $0.0 == first && $0.1 == last })
        else { return text }
        let inner = String(text.dropFirst().dropLast())
        if first == "[", inner.allSatisfy({ $0.isHexDigit || $0 == ":" || $0 == "." }) { return text }
        return inner
    }

    /// The target of a Markdown link, `[text](target)`.
    private static func markdownTarget(_ text: String) -> String? {
        guard text.hasPrefix("["), text.hasSuffix(")"), let middle = text.range(of: "](", options: .backwards) else { return nil }
        let target = text[middle.upperBound ..< text.index(before: text.endIndex)]
        return target.isEmpty ? nil : String(target)
    }

    /// A scheme before a URL's own: `view-source:https://…`, `blob:https://…`.
    /// `view-source:` also before a bare host (`view-source:aqsatv.ps`), which
    /// a browser opens as the source of `http://aqsatv.ps`: it only ever
    /// wraps what it shows the source of.
    private static func withoutOuterScheme(_ text: String) -> String {
        guard let colon = text.firstIndex(of: ":") else { return text }
        let scheme = text[..<colon], rest = text[text.index(after: colon)...]
        if !rest.isEmpty, scheme.lowercased() == "view-source" { return String(rest) }
        guard isScheme(scheme), let innerColon = rest.range(of: "://"), isScheme(rest[..<innerColon.lowerBound]) else { return text }
        return String(rest)
    }

    private static func isScheme(_ text: Substring) -> Bool {
        guard let first = text.first, first.isASCII, first.isLetter else { return false }
        return text.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == ".") }
    }

    /// Dots written other ways: spelt out between spaces (` dot `), in
    /// brackets with a zero (`[d0t]`), in angle brackets (`<.>`, `<dot>`),
    /// escaped (`\.`), with spaces around them (`aqsatv .ps`), and the
    /// characters that look like one between labels (`DotLookAlikes`).
    private static func withDotsRead(_ text: String) -> String {
        var out = text
        if out.utf8.contains(where: { $0 == UInt8(ascii: "[") || $0 == UInt8(ascii: "(") || $0 == UInt8(ascii: "{") || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: "\\") }) {
            for spelt in ["[d0t]", "(d0t)", "{d0t}", "<.>", "<dot>", "\\."] {
                out = out.replacingOccurrences(of: spelt, with: ".", options: .caseInsensitive)
            }
        }
        if out.unicodeScalars.contains(where: { $0.properties.isWhitespace }) {
            out = out.replacingOccurrences(of: #"\s+dot\s+"#, with: ".", options: [.regularExpression, .caseInsensitive])
            out = out.replacingOccurrences(of: #"\s*\.\s*"#, with: ".", options: .regularExpression)
        }
        return DotLookAlikes.read(out)
    }

    /// Full-width ASCII (`／`, `？`, `：`) read as ASCII before the host is cut
    /// out, as UTS #46 would read it inside the host: `aqsatv.ps／x` ends its
    /// host at the slash. So do the slashes that only look like one (`⁄ ∕ ⧸`),
    /// which no host name may hold.
    private static func withFullWidthRead(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { (0xFF01...0xFF5E).contains($0.value) || slashLookAlikes.contains($0.value) }) else {
            return text
        }
        var read = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if (0xFF01...0xFF5E).contains(scalar.value), let ascii = Unicode.Scalar(scalar.value - 0xFEE0) {
                read.append(ascii)
            } else {
                read.append(slashLookAlikes.contains(scalar.value) ? "/" : scalar)
            }
        }
        return String(read)
    }

    private static let slashLookAlikes: Set<UInt32> = [0x2044, 0x2215, 0x29F8]

    /// HTML character references and `%uXXXX` escapes, as a value pasted out
    /// of a web page or a mail's HTML carries them: `aqsatv&#46;ps`,
    /// `aqsatv&#x2e;ps`, `aqsatv&period;ps`, `aqsatv%u002eps`. Only
    /// references to ASCII are read: what they can spell is a host's own
    /// punctuation, and a reference to anything else is left as written.
    private static func withCharacterReferencesRead(_ text: String) -> String {
        guard text.contains("&") || text.contains("%u") || text.contains("%U") else { return text }
        var out = text
        for (name, character) in [("&period;", "."), ("&colon;", ":"), ("&sol;", "/"), ("&commat;", "@"), ("&amp;", "&")] {
            out = out.replacingOccurrences(of: name, with: character, options: .caseInsensitive)
        }
        for (pattern, radix) in [(#"&#[xX]([0-9a-fA-F]{1,6});?"#, 16), (#"&#([0-9]{1,7});?"#, 10), (#"%[uU]([0-9a-fA-F]{4})"#, 16)] {
            guard let regex = try? NSRegularExpression(pattern: pattern) else { continue }
            let matches = regex.matches(in: out, range: NSRange(out.startIndex..., in: out)).reversed()
            for match in matches {
                guard let whole = Range(match.range, in: out), let digits = Range(match.range(at: 1), in: out),
                    let value = UInt32(out[digits], radix: radix), value >= 0x20, value < 0x7F, let scalar = Unicode.Scalar(value)
                else { continue }
                out.replaceSubrange(whole, with: String(scalar))
            }
        }
        return out
    }

    /// The text as it shows when a right-to-left override (U+202E) reverses
    /// what follows it, up to a pop (U+202C) or the end: `\u{202E}sp.vtasqa`
    /// shows as `aqsatv.ps`. Nil without an override.
    static func displayed(_ text: String) -> String? {
        guard text.unicodeScalars.contains("\u{202E}") else { return nil }
        var out = String.UnicodeScalarView()
        var reversed: [Unicode.Scalar] = []
        var overriding = false
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\u{202E}":
                out.append(contentsOf: reversed.reversed())
                reversed = []
                overriding = true
            case "\u{202C}" where overriding:
                out.append(contentsOf: reversed.reversed())
                reversed = []
                overriding = false
            default:
                if overriding { reversed.append(scalar) } else { out.append(scalar) }
            }
        }
        out.append(contentsOf: reversed.reversed())
        return String(out)
    }
}
