import Foundation
import GavelSyntax

/// Normalisation of list identifiers (SPEC §3) for exact comparison.
package enum IdentifierNormalizer {
    /// `domain` / `url`: the host only — unwrapped (quotes, brackets, a
    /// Markdown link, an outer scheme, dots written otherwise:
    /// `IdentifierUnwrapping.swift`), refanged (`aqsatv[.]ps`,
    /// `hxxps[:]//`), without scheme (with or without its slashes: `http:`,
    /// `https:/`), userinfo, port, path/query/fragment, a leading `www.` or
    /// trailing dots — percent-decoded, twice encoded too (`%61qsatv.ps`,
    /// `%2561qsatv.ps` are `aqsatv.ps`; a `/`, `?`, `#` or `\` decoding
    /// reveals ends the host, controls are dropped), without
    /// default-ignorable scalars (joiners, bidi controls) and mapped per UTS #46 (ICU,
    /// nontransitional: lowercase, NFKC, ideographic full stops, each
    /// non-ASCII label as `xn--…`). A host ICU refuses (a label UTS #46
    /// disallows) is lowercased, NFKC-mapped and Punycode-encoded label by
    /// label instead, so it still compares with itself. `email` and any other
    /// kind: trimmed and lowercased whole.
    package static func normalize(_ value: String, kind: String) -> String {
        let trimmed = trim(value)
        switch kind {
        case "domain", "url": return host(of: trimmed)
        default: return trimmed.lowercased()
        }
    }

    private static func trim(_ s: String) -> String {
        let scalars = s.unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(scalars[first ... last])
    }

    /// Longest host kept, in bytes, once taken out of its value (a DNS name
    /// has at most 253): what is compared stays bounded whatever the value.
    static let longestHost = 4_096

    static func host(of text: String) -> String {
        // Every delimiter is ASCII, so cutting the UTF-8 bytes at them always
        // lands on scalar boundaries.
        let bytes = refanged(Array(unwrapped(text).utf8))
        var (lo, hi) = authority(bytes)
        if let at = bytes[lo ..< hi].lastIndex(of: atSign) { lo = at + 1 }
        if lo < hi, bytes[lo] == openBracket {
            // IPv6 literal: the port colon is the one after the bracket.
            if let close = bytes[lo ..< hi].firstIndex(of: closeBracket) {
                hi = close + 1
                // Brackets around a name are not an IPv6 literal's: `https://[aqsatv.ps]` is the host.
                if bytes[(lo + 1) ..< close].contains(where: { !isIPv6Literal($0) }) { (lo, hi) = (lo + 1, close) }
            }
        } else if let portColon = bytes[lo ..< hi].firstIndex(of: colon) {
            hi = portColon
        }

        var decoded = percentDecoded(bytes[lo ..< hi])
        // Encoded twice over (`%2561`): decoded again, a bounded number of times.
        for _ in 0 ..< 3 where decoded.contains(UInt8(ascii: "%")) {
            let again = percentDecoded(decoded[...])
            if again == decoded { break }
            decoded = again
        }
        if let end = decoded.firstIndex(where: { isPathDelimiter($0) || isHostEnd($0) }) { decoded.removeSubrange(end...) }
        // A port that was encoded (`aqsatv.ps%3A8080`) shows only once decoded.
        if decoded.first != openBracket, let portColon = decoded.firstIndex(of: colon) { decoded.removeSubrange(portColon...) }
        // No host holds a space or a control: an encoded one (`aqsatv%20.ps`) is dropped like one written out.
        decoded.removeAll { $0 <= 0x20 || $0 == 0x7F }
        if decoded.count > longestHost { decoded.removeSubrange(longestHost...) }
        var name: String
        if decoded.allSatisfy({ $0 < 0x80 }) {
            name = lowercaseHost(decoded[...])
            while name.hasSuffix(".") { name.removeLast() }
        } else {
            var unicode = lowercaseHost(decoded[...])
            while unicode.hasSuffix(".") { unicode.removeLast() }
            name = UnicodeSecurity.domainToASCII(unicode) ?? toASCII(unicode)
            while name.hasSuffix(".") { name.removeLast() }
        }
        if name.hasPrefix("www.") { name.removeFirst(4) }
        return name
    }

    /// `%XX` sequences decoded; a `%` not followed by two hex digits is kept.
    static func percentDecoded(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
        guard bytes.contains(UInt8(ascii: "%")) else { return Array(bytes) }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = bytes.startIndex
        while i < bytes.endIndex {
            if bytes[i] == UInt8(ascii: "%"), i + 2 < bytes.endIndex, let high = hexValue(bytes[i + 1]), let low = hexValue(bytes[i + 2]) {
                out.append(high << 4 | low)
                i += 3
            } else {
                out.append(bytes[i])
                i += 1
            }
        }
        return out
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0") ... UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a") ... UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A") ... UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }

    /// The user name of a URL's authority when it is written as a host
    /// under a public suffix (`http://aqsatv.ps@example.com`,
    /// `aqsatv.ps:x@example.com`), normalised as a host; nil otherwise. A
    /// link trick: the page is the host's after the `@`, the reader sees the
    /// name before it. `host(of:)` drops it, as it drops any user name.
    static func userinfoHost(in text: String) -> String? {
        let bytes = refanged(Array(unwrapped(text).utf8))
        guard bytes.contains(atSign) else { return nil }
        let (lo, hi) = authority(bytes)
        guard let at = bytes[lo ..< hi].lastIndex(of: atSign) else { return nil }
        let user = bytes[lo ..< at].prefix { $0 != colon }
        guard user.contains(UInt8(ascii: ".")) else { return nil }
        let host = self.host(of: String(decoding: user, as: UTF8.self))
        guard let registered = PublicSuffixes.registered(host), let top = registered.suffix.split(separator: ".").last,
            PublicSuffixes.listsTopLevel(top)
        else { return nil }
        return host
    }

    /// Where a URL's authority (user name, host and port) lies in its bytes:
    /// after the scheme and any slashes (`//host`, the extra slashes of
    /// `https:///host`), up to its path, query or fragment.
    static func authority(_ bytes: [UInt8]) -> (lo: Int, hi: Int) {
        var lo = schemeSeparator(bytes).map { $0 + 3 } ?? webSchemeEnd(bytes) ?? 0
        while lo < bytes.count, bytes[lo] == slash || bytes[lo] == backslash { lo += 1 }
        let hi = bytes[lo...].firstIndex(where: { isPathDelimiter($0) || isHostEnd($0) }) ?? bytes.endIndex
        return (lo, hi)
    }

    private static func isPathDelimiter(_ byte: UInt8) -> Bool {
        byte == slash || byte == question || byte == hash || byte == backslash
    }

    /// Punctuation no DNS name holds, that ends a host where a value goes
    /// on: a path parameter (`aqsatv.ps;jsessionid=1`), a JAR entry
    /// (`jar:https://aqsatv.ps!/x`), the next host of a list
    /// (`aqsatv.ps, example.org`: `IdentifierReadings` reads the others).
    private static func isHostEnd(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: ";") || byte == UInt8(ascii: "!") || byte == UInt8(ascii: ",") || byte == UInt8(ascii: "|")
    }

    private static func isIPv6Literal(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x66) || byte == colon || byte == UInt8(ascii: ".")
    }

    /// Defanged spellings, as threat reports and abuse mail write hosts so
    /// that nothing links them, read back: `[.]`, `(.)`, `{.}`, `[dot]` and
    /// the like for `.`, `[:]` for `:`, `[://]` for `://`, `[@]` for `@`,
    /// and `hxxp`/`hxxps`/`fxp` for the scheme.
    static func refanged(_ bytes: [UInt8]) -> [UInt8] {
        let fanged = bytes.contains { $0 == UInt8(ascii: "[") || $0 == UInt8(ascii: "(") || $0 == UInt8(ascii: "{") }
        let lowered = bytes.prefix(5).map(asciiLowercased)
        let defangedScheme = lowered.starts(with: Array("hxxp".utf8)) || lowered.starts(with: Array("fxp".utf8))
        guard fanged || defangedScheme else { return bytes }
        var text = String(decoding: bytes, as: UTF8.self)
        if fanged {
            for open in ["[", "(", "{"] {
                let close = open == "[" ? "]" : open == "(" ? ")" : "}"
                for (inner, meaning) in [(".", "."), ("dot", "."), (":", ":"), ("://", "://"), ("@", "@"), ("/", "/")] {
                    text = text.replacingOccurrences(of: open + inner + close, with: meaning, options: .caseInsensitive)
                }
            }
        }
        if defangedScheme {
            for (defanged, scheme) in [("hxxps", "https"), ("hxxp", "http"), ("fxp", "ftp")]
            where text.lowercased().hasPrefix(defanged) {
                text = scheme + text.dropFirst(defanged.count)
                break
            }
        }
        return Array(text.utf8)
    }

    /// Schemes whose `scheme:` is cut even without the `//` that should follow.
    static let webSchemes = ["http", "https", "ftp", "ftps", "ws", "wss"]

    /// The index just past `http:` (or another of `webSchemes`) when the
    /// value begins with one not followed by `//` (`http:aqsatv.ps`,
    /// `https:/aqsatv.ps`); nil otherwise. Only these schemes: `host:443`
    /// is a host and its port.
    static func webSchemeEnd(_ bytes: [UInt8]) -> Int? {
        guard let colonAt = bytes.prefix(6).firstIndex(of: colon) else { return nil }
        let scheme = String(decoding: bytes[..<colonAt].map(asciiLowercased), as: UTF8.self)
        return webSchemes.contains(scheme) ? colonAt + 1 : nil
    }

    private static let slash = UInt8(ascii: "/"), question = UInt8(ascii: "?"), hash = UInt8(ascii: "#")
    private static let backslash = UInt8(ascii: "\\"), atSign = UInt8(ascii: "@"), colon = UInt8(ascii: ":")
    private static let openBracket = UInt8(ascii: "["), closeBracket = UInt8(ascii: "]")

    /// Index of the `://` that ends a URL scheme (RFC 3986: a letter, then
    /// letters, digits, `+`, `-`, `.`), or nil when the text has no scheme.
    static func schemeSeparator(_ bytes: [UInt8]) -> Int? {
        guard let first = bytes.first, isASCIILetter(first) else { return nil }
        var i = 1
        while i < bytes.count {
            let b = bytes[i]
            if b == colon {
                return i + 2 < bytes.count && bytes[i + 1] == slash && bytes[i + 2] == slash ? i : nil
            }
            guard isASCIILetter(b) || (b >= 0x30 && b <= 0x39) || b == UInt8(ascii: "+") || b == UInt8(ascii: "-") || b == UInt8(ascii: ".") else {
                return nil
            }
            i += 1
        }
        return nil
    }

    static func isASCIILetter(_ b: UInt8) -> Bool {
        (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A)
    }

    static func asciiLowercased(_ b: UInt8) -> UInt8 {
        isASCIILetter(b) ? b | 0x20 : b
    }

    /// UTS #46 maps with NFKC and case folding and treats ideographic full
    /// stops as dots; ASCII hosts only need lowercasing.
    private static func lowercaseHost(_ host: ArraySlice<UInt8>) -> String {
        if host.allSatisfy({ $0 < 0x80 }) {
            return String(decoding: host.lazy.map(asciiLowercased), as: UTF8.self)
        }
        var mapped = String.UnicodeScalarView()
        for scalar in String(decoding: host, as: UTF8.self).unicodeScalars {
            switch scalar.value {
            case 0x3002, 0xFF0E, 0xFF61: mapped.append(".")
            // Invisible: a joiner or a bidi control inside a host must not make it another host.
            case _ where scalar.properties.isDefaultIgnorableCodePoint: continue
            default: mapped.append(scalar)
            }
        }
        return String(mapped).lowercased().precomposedStringWithCompatibilityMapping
    }

    static func toASCII(_ host: String) -> String {
        guard !host.utf8.allSatisfy({ $0 < 0x80 }) else { return host }
        return host.split(separator: ".", omittingEmptySubsequences: false).map { label -> String in
            guard !label.utf8.allSatisfy({ $0 < 0x80 }), let encoded = Punycode.encode(label.unicodeScalars) else {
                return String(label)
            }
            return "xn--" + encoded
        }.joined(separator: ".")
    }
}
