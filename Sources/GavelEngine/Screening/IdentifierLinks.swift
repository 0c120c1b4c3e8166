/// Links a URL carries in its path, as web archives write them, and the
/// site a translation proxy serves under a host of its own. Both lead to a
/// host that is not the value's, as a redirector's query does
/// (`linkedHosts`), and are read as it is: a `linked` host, for review.
/// Each left a listed domain unmatched:
/// `https://web.archive.org/web/2021/https://aqsatv.ps/`,
/// `web.archive.org/web/20210101000000*/aqsatv.ps`,
/// `archive.ph/https://aqsatv.ps`, `aqsatv-ps.translate.goog`.
extension IdentifierNormalizer {
    /// The URL a value's path carries, with all that follows it (its own
    /// path and query), or nil. Only what is clearly a URL: a segment that
    /// begins with a scheme (`/https://aqsatv.ps/`), or the Wayback
    /// Machine's `/web/<timestamp>/` before a bare host. A path that merely
    /// names a host (`/docs/aqsatv.ps-report.html`) carries no link.
    static func pathLink(in text: String) -> String? {
        let bytes = Array(text.utf8)
        let start = authority(bytes).lo
        // The path begins at the first `/` after the host, unless a query or fragment comes first.
        guard let pathStart = bytes[start...].firstIndex(where: { $0 == slash || $0 == question || $0 == hash }),
            bytes[pathStart] == slash
        else { return nil }
        let pathEnd = bytes[pathStart...].firstIndex(where: { $0 == question || $0 == hash }) ?? bytes.endIndex
        // An archive may take the URL encoded (`/https%3A%2F%2Faqsatv.ps`): decoded a bounded number of times, as a query's are.
        var path = Array(bytes[pathStart ..< pathEnd])
        for _ in 0 ..< 3 where path.contains(UInt8(ascii: "%")) { path = percentDecoded(path[...]) }
        guard let linkStart = urlInPath(path) ?? archivedHost(path) else { return nil }
        return String(decoding: path[linkStart...] + bytes[pathEnd...], as: UTF8.self)
    }

    /// Where a segment of `path` begins with a scheme and `://`, or with a
    /// web scheme's `:` and one slash (`/https:/aqsatv.ps`: archives and
    /// proxies fold the `//`, and `host(of:)` reads it so).
    private static func urlInPath(_ path: [UInt8]) -> Int? {
        var i = 0
        while i < path.count {
            guard path[i] == slash else {
                i += 1
                continue
            }
            let start = i + 1
            var end = start
            if start < path.count, isASCIILetter(path[start]) {
                while end < path.count, isSchemeByte(path[end]) { end += 1 }
            }
            if end > start, end < path.count, path[end] == UInt8(ascii: ":") {
                let after = path[(end + 1)...]
                let scheme = String(decoding: path[start ..< end].map(asciiLowercased), as: UTF8.self)
                if after.starts(with: [slash, slash]) || (webSchemes.contains(scheme) && after.first == slash) { return start }
            }
            i = max(end, start)
        }
        return nil
    }

    private static func isSchemeByte(_ b: UInt8) -> Bool {
        isASCIILetter(b) || (b >= 0x30 && b <= 0x39) || b == UInt8(ascii: "+") || b == UInt8(ascii: "-") || b == UInt8(ascii: ".")
    }

    /// Where the host begins in the Wayback Machine's form without a scheme,
    /// `/web/<timestamp>/aqsatv.ps`: the timestamp is up to 14 digits, then
    /// `*` (every capture) or a two-letter modifier and `_` (`id_`, `im_`),
    /// or `*` alone; the host is a segment with a dot.
    private static func archivedHost(_ path: [UInt8]) -> Int? {
        let prefix = Array("/web/".utf8)
        guard path.count > prefix.count, path.prefix(prefix.count).map(asciiLowercased) == prefix,
            let stampEnd = path[prefix.count...].firstIndex(of: slash), isTimestamp(path[prefix.count ..< stampEnd])
        else { return nil }
        let hostStart = stampEnd + 1
        let hostEnd = path[hostStart...].firstIndex(of: slash) ?? path.endIndex
        return path[hostStart ..< hostEnd].contains(UInt8(ascii: ".")) ? hostStart : nil
    }

    private static func isTimestamp(_ stamp: ArraySlice<UInt8>) -> Bool {
        let digits = stamp.prefix { $0 >= 0x30 && $0 <= 0x39 }
        let rest = stamp.dropFirst(digits.count)
        guard digits.count <= 14 else { return false }
        if rest.isEmpty { return !digits.isEmpty }
        if rest.elementsEqual([UInt8(ascii: "*")]) { return true }
        return !digits.isEmpty && rest.count == 3 && rest.last == UInt8(ascii: "_")
            && rest.prefix(2).allSatisfy { $0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z") }
    }

    /// The host Google's translation proxy stands for: it serves
    /// `live.aqsatv.ps` as `live-aqsatv-ps.translate.goog`, each dot of the
    /// host written `-` and each hyphen `--` (`my--site-ps` is `my-site.ps`).
    /// Nil unless `host` (normalised) is one label before `translate.goog`
    /// that decodes to a name of two labels or more, none empty.
    static func translatedHost(_ host: String, kind: String) -> String? {
        let proxy = ".translate.goog"
        guard host.hasSuffix(proxy) else { return nil }
        let label = host.dropLast(proxy.count)
        guard !label.isEmpty, !label.contains(".") else { return nil }
        var decoded = ""
        var hyphens = 0
        for character in label + "." {
            if character == "-" {
                hyphens += 1
                continue
            }
            // A run of hyphens: each pair is one hyphen of the host, one left over a dot.
            decoded += String(repeating: "-", count: hyphens / 2) + (hyphens % 2 == 1 ? "." : "")
            hyphens = 0
            if character != "." { decoded.append(character) }
        }
        let labels = decoded.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count > 1, !labels.contains(where: \.isEmpty) else { return nil }
        let original = normalize(decoded, kind: kind)
        return original.isEmpty || original == host ? nil : original
    }

    /// The hosts written as the first labels of another host's name:
    /// `aqsatv.ps` in `aqsatv.ps.evil.com`, as a mirror, a proxy or a
    /// storage bucket names the site it serves (`example.com.s3.amazonaws.com`,
    /// `example.com.cdn.cloudflare.net`). Each is two labels or more ending in
    /// a top-level suffix the Public Suffix List names, and ends at the latest
    /// with the host's own registered name (a private suffix such as
    /// `s3.amazonaws.com` makes the embedded suffix that name): so a
    /// subdomain is never read so (`www.aqsatv.ps` is not `www.aqsatv`).
    /// Empty for a host of fewer than three labels.
    static func embeddedHosts(_ host: String) -> [String] {
        let labels = host.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 3, let own = PublicSuffixes.registered(host) else { return [] }
        let ownName = labels.count - own.suffix.split(separator: ".").count - 1
        guard ownName >= 1 else { return [] }
        var hosts: [String] = []
        for end in 2 ... ownName + 1 where end < labels.count && PublicSuffixes.listsTopLevel(labels[end - 1]) {
            hosts.append(labels[..<end].joined(separator: "."))
        }
        return hosts
    }

    private static let slash = UInt8(ascii: "/"), question = UInt8(ascii: "?"), hash = UInt8(ascii: "#")
}
