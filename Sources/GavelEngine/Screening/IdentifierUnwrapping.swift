import Foundation

/// What a host is written inside when it is copied out of an e-mail, a
/// ticket or a chat, and the ways it is written to stop it being a link:
/// read through before the host is taken out (`IdentifierNormalizer.host`).
/// Each of these left a listed domain unmatched: `"aqsatv.ps"`,
/// `<https://aqsatv.ps>`, `[Al-Aqsa](https://aqsatv.ps)`,
/// `view-source:https://aqsatv.ps/`, `aqsatv .ps`, `aqsatv dot ps`,
/// `aqsatv[d0t]ps`, `aqsatv<.>ps`, `aqsatv\.ps`, `aqsatv·ps`.
extension IdentifierNormalizer {
    static func unwrapped(_ text: String) -> String {
        // Most values are a bare host or URL: nothing here can apply to them.
        guard text.utf8.contains(where: { $0 >= 0x80 || unwrappingBytes.contains($0) }) else { return text }
        var value = text
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
    private static let unwrappingBytes: Set<UInt8> = Set(" \t\n\r\"'`<([{\\:".utf8)

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
    private static func withoutOuterScheme(_ text: String) -> String {
        guard let colon = text.firstIndex(of: ":") else { return text }
        let scheme = text[..<colon], rest = text[text.index(after: colon)...]
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
    /// characters that look like one and are never part of a host name
    /// (the middle dot only outside Catalan's `l·l`, which IDNA allows).
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
        let lookAlikes: Set<UInt32> = [0x2027, 0x2219, 0x02D9, 0x22C5, 0x30FB, 0xFF65, 0x2E31, 0x00B7]
        guard out.unicodeScalars.contains(where: { lookAlikes.contains($0.value) }) else { return out }
        let scalars = Array(out.unicodeScalars)
        var read = String.UnicodeScalarView()
        for (i, scalar) in scalars.enumerated() {
            let catalan = scalar.value == 0x00B7 && i > 0 && i + 1 < scalars.count
                && "lL".unicodeScalars.contains(scalars[i - 1]) && "lL".unicodeScalars.contains(scalars[i + 1])
            read.append(lookAlikes.contains(scalar.value) && !catalan ? "." : scalar)
        }
        return String(read)
    }
}
