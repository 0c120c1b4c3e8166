import Foundation

/// Hosts a value names besides the one `host(of:)` takes out of it, and a
/// host's labels read back from a Punycode that only hides ASCII. Each of
/// these left a listed domain unmatched: `example.org, aqsatv.ps`,
/// `google.com/url?q=https://aqsatv.ps`, `xn--aqsatv-.ps`; links in a path
/// and translation proxies are read in `IdentifierLinks.swift`.
extension IdentifierNormalizer {
    /// At most this many parts of a value, or parameters of a query, are read: a bounded cost whatever the value.
    static let mostParts = 16

    /// The other hosts of a value that lists several, separated by spaces,
    /// commas, semicolons or bars (`example.org, aqsatv.ps`): each part that
    /// normalises to a name with a dot, other than `whole` (the value's own
    /// host). Empty for a value of one part. Within a word, a comma,
    /// semicolon or bar after a `?` or `#` is the query's or fragment's own
    /// (`?tags=news,aqsatv.ps`), not a separator.
    static func separateHosts(in text: String, kind: String, whole: String) -> [String] {
        guard text.unicodeScalars.contains(where: { separators.contains($0) || $0.properties.isWhitespace }) else { return [] }
        var parts: [Substring.UnicodeScalarView] = []
        for word in text.unicodeScalars.split(whereSeparator: { $0.properties.isWhitespace }) {
            let queryStart = word.firstIndex(where: { $0 == "?" || $0 == "#" }) ?? word.endIndex
            var start = word.startIndex
            for index in word[..<queryStart].indices where separators.contains(word[index]) {
                if start < index { parts.append(word[start ..< index]) }
                start = word.index(after: index)
            }
            if start < word.endIndex { parts.append(word[start...]) }
        }
        guard parts.count > 1 else { return [] }
        var hosts: [String] = []
        for part in parts.prefix(mostParts) {
            let host = normalize(String(String.UnicodeScalarView(part)), kind: kind)
            if host.contains("."), host != whole, !hosts.contains(host) { hosts.append(host) }
        }
        return hosts
    }

    private static let separators: Set<Unicode.Scalar> = [",", ";", "|"]

    /// The hosts a value leads to without being them: of links carried in
    /// a URL's query, as redirectors and link wrappers carry them
    /// (`https://google.com/url?q=https://aqsatv.ps`,
    /// `l.facebook.com/l.php?u=https%3A%2F%2Faqsatv.ps`, Outlook's safe
    /// links: a parameter whose value, percent-decoded, begins with
    /// `http://`, `https://` or `www.`) or in its path, as web archives
    /// write them (`pathLink`), and the site each such host stands for when
    /// it is a translation proxy's (`translatedHost`). One wrapper inside
    /// another is read too, to a bounded depth. The value is read through
    /// what it was copied inside first (`unwrapped`), as its own host is.
    /// And a user name written as a host before the real one
    /// (`userinfoHost`: `http://aqsatv.ps@example.com`).
    static func linkedHosts(in text: String, kind: String, depth: Int = 2) -> [String] {
        guard depth > 0, text.utf8.contains(where: { $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "@") })
        else { return [] }
        let text = unwrapped(text)
        var hosts: [String] = []
        if let user = userinfoHost(in: text) { hosts.append(user) }
        for link in (pathLink(in: text).map { [$0] } ?? []) + queryLinks(in: text) {
            let host = normalize(link, kind: kind)
            guard !host.isEmpty else { continue }
            let proxied = translatedHost(host, kind: kind).map { [$0] } ?? []
            for found in [host] + proxied + linkedHosts(in: link, kind: kind, depth: depth - 1) where !hosts.contains(found) {
                hosts.append(found)
            }
        }
        return hosts
    }

    /// The values of a URL's query parameters that are links: percent-decoded, beginning with `http://`, `https://` or `www.`.
    private static func queryLinks(in text: String) -> [String] {
        guard let question = text.firstIndex(of: "?") else { return [] }
        var query = text[text.index(after: question)...]
        if let fragment = query.firstIndex(of: "#") { query = query[..<fragment] }
        var links: [String] = []
        for parameter in query.split(separator: "&").prefix(mostParts) {
            guard let equals = parameter.firstIndex(of: "=") else { continue }
            var bytes = Array(parameter[parameter.index(after: equals)...].utf8)
            for _ in 0 ..< 3 where bytes.contains(UInt8(ascii: "%")) { bytes = percentDecoded(bytes[...]) }
            let value = String(decoding: bytes, as: UTF8.self)
            let lowered = value.prefix(8).lowercased()
            if lowered.hasPrefix("http://") || lowered.hasPrefix("https://") || lowered.hasPrefix("www.") { links.append(value) }
        }
        return links
    }

    /// The host with each `xn--` label that encodes only ASCII read as that
    /// ASCII (`xn--aqsatv-.ps` is `aqsatv.ps`: IDNA forbids such a label,
    /// and only a comparison of text is fooled by it); nil when no label is one.
    static func asciiPunycodeRead(_ host: String) -> String? {
        punycodeLabelsDecoded(host) { !$0.isEmpty && $0.utf8.allSatisfy { $0 < 0x80 } }?.lowercased()
    }

    /// The host with each `xn--` label that Punycode decodes to a text
    /// `accepted` takes written as that text; nil when no label is.
    static func punycodeLabelsDecoded(_ host: String, where accepted: (String) -> Bool = { _ in true }) -> String? {
        guard host.contains("xn--") else { return nil }
        var changed = false
        let labels = host.split(separator: ".", omittingEmptySubsequences: false).map { label -> Substring in
            guard label.hasPrefix("xn--"), let decoded = Punycode.decode(label.dropFirst(4)), accepted(decoded) else { return label }
            changed = true
            return Substring(decoded)
        }
        return changed ? labels.joined(separator: ".") : nil
    }
}
