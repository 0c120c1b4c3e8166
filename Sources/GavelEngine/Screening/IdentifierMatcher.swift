import GavelSyntax

/// How a case's identifier meets a list entry's (SPEC §3): the same
/// normalised value; a listed domain that is a parent of the case's host
/// (`live.aqsatv.ps` → `aqsatv.ps`, recorded with the suffix); for a host
/// with non-ASCII letters, a listed domain with the same confusable
/// skeleton (a look-alike IDN such as `аqsatv.ps` with Cyrillic а); a
/// listed domain a link in the value leads to; or a listed domain's
/// registered name under another public suffix (`aqsatv.com`;
/// `presstv.co.uk` for a listed `presstv.ir`: `RegisteredNames.swift`).
package enum IdentifierMatcher {
    /// Identifier kinds that hold a host.
    static let hostKinds: Set<String> = ["domain", "url"]
    /// DNS names have at most 127 labels; parents are looked for among the
    /// last this many, so a pathological value costs a bounded amount.
    static let mostLabels = 127
    /// A look-alike host (confusable skeleton equal, not the host itself):
    /// recorded as `variant`, at the score of an exact digit reading, so it
    /// goes to human review, never to automatic action — whoever registered
    /// the look-alike may be the designated party or someone imitating it.
    package static let lookAlikeScore = EvasionScores.variantFactor

    /// A case identifier prepared once for every list.
    package struct Prepared: Sendable {
        package var kind: String
        package var normalized: String
        /// The host, then each parent with two labels or more (host kinds only).
        package var suffixes: [String]
        /// The same for the host's skeleton; empty unless its Unicode form
        /// has a non-ASCII scalar.
        package var skeletonSuffixes: [String]

        /// The hosts themselves among `suffixes` and `skeletonSuffixes`: a
        /// match on one of them is on the host, not on a listed parent.
        package var hosts: Set<String>
        /// The hosts the value leads to without being them, and their
        /// parents: of links it carries in its query
        /// (`google.com/url?q=https://aqsatv.ps`) or its path
        /// (`web.archive.org/web/2021/https://aqsatv.ps/`), and the site a
        /// translation proxy's host stands for (`aqsatv-ps.translate.goog`),
        /// or that its first labels name (`aqsatv.ps.evil.com`).
        /// A listed one among them is a `linked` variant, for review.
        package var linkedSuffixes: [String]
        /// The same hosts' look-alike skeletons and parents, and their
        /// registered names: a link to `аqsatv.ps` (Cyrillic а) or to
        /// `aqsatv.net` is a `linked` variant of a listed `aqsatv.ps` too.
        package var linkedSkeletonSuffixes: [String]
        package var linkedRegisteredNames: [(key: String, domain: String)]
        /// The keys of the registered names of the value's hosts and their
        /// skeletons (`registeredKey`), each with the registrable domain it
        /// is the name of: a listed domain's name under another suffix, or
        /// hyphenated otherwise, is a `registered` variant, for review.
        package var registeredNames: [(key: String, domain: String)]

        package init(kind: String, text: String) {
            self.kind = kind
            normalized = IdentifierNormalizer.normalize(text, kind: kind)
            guard hostKinds.contains(kind), !normalized.isEmpty else {
                suffixes = normalized.isEmpty ? [] : [normalized]
                skeletonSuffixes = []
                hosts = Set(suffixes)
                linkedSuffixes = []
                linkedSkeletonSuffixes = []
                linkedRegisteredNames = []
                registeredNames = []
                return
            }
            // A value with a right-to-left override is also read as it shows
            // (`\u{202E}sp.vtasqa` shows as `aqsatv.ps`), as names are; a
            // value that lists several hosts names each of them.
            let host = normalized
            var readings = [host]
            if let shownText = IdentifierNormalizer.displayed(text) {
                let shown = IdentifierNormalizer.normalize(shownText, kind: kind)
                if !shown.isEmpty, shown != host { readings.append(shown) }
            }
            for other in IdentifierNormalizer.separateHosts(in: text, kind: kind, whole: host) where !readings.contains(other) {
                readings.append(other)
            }
            suffixes = readings.flatMap { IdentifierMatcher.suffixes($0) }
            var skeletons = readings.compactMap { IdentifierMatcher.lookAlikeSkeleton($0) }
            // A Punycode label hiding plain ASCII (`xn--aqsatv-.ps`) is a look-alike of what it hides.
            for reading in readings {
                if let ascii = IdentifierNormalizer.asciiPunycodeRead(reading), let skeleton = IdentifierMatcher.lookAlikeSkeleton(ascii, force: true),
                    !skeletons.contains(skeleton)
                {
                    skeletons.append(skeleton)
                }
            }
            skeletonSuffixes = skeletons.flatMap { IdentifierMatcher.suffixes($0) }
            hosts = Set(readings + skeletons)
            // A translation proxy's host is the proxy's, serving the site it names: that site is linked, as a link to it would be.
            var linked = readings.compactMap { IdentifierNormalizer.translatedHost($0, kind: kind) }
            // So is a host written as the first labels of another's name (a mirror's, a proxy's, a bucket's).
            for host in readings.flatMap(IdentifierNormalizer.embeddedHosts) where !linked.contains(host) { linked.append(host) }
            for host in IdentifierNormalizer.linkedHosts(in: text, kind: kind) where !linked.contains(host) { linked.append(host) }
            let linkedOnly = linked.filter { !readings.contains($0) }
            linkedSuffixes = linkedOnly.flatMap { IdentifierMatcher.suffixes($0) }
            let linkedSkeletons = linkedOnly.compactMap { IdentifierMatcher.lookAlikeSkeleton($0) }
            linkedSkeletonSuffixes = linkedSkeletons.flatMap { IdentifierMatcher.suffixes($0) }
            linkedRegisteredNames = IdentifierMatcher.registeredNames(of: linkedOnly + linkedSkeletons)
            registeredNames = IdentifierMatcher.registeredNames(of: readings + skeletons)
        }
    }

    package struct Hit: Sendable, Equatable {
        package var score: Double
        package var method: ScreenMatch.Method
        /// The listed parent that matched, when it is not the host itself
        /// (for a `linked` hit, the listed host the link leads to).
        package var suffix: String?
        /// How the value was read: nil for the host as written.
        package var reading: NameReading? = nil
    }

    /// The best way `query` meets `candidate`, or nil.
    static func match(_ query: Prepared, _ candidate: ScreeningEntry) -> Hit? {
        if let listed = candidate.identifiers[query.kind] {
            for suffix in query.suffixes where listed.contains(suffix) {
                return Hit(score: 1.0, method: .identifier, suffix: query.hosts.contains(suffix) ? nil : suffix)
            }
        }
        if let listed = candidate.identifierSkeletons[query.kind] {
            for suffix in query.skeletonSuffixes where listed.contains(suffix) {
                let isHost = query.hosts.contains(suffix)
                let parent = isHost ? nil : listedHost(withSkeleton: suffix, in: candidate, kind: query.kind)
                return Hit(score: lookAlikeScore, method: .variant, suffix: parent ?? (isHost ? nil : suffix), reading: .skeleton)
            }
        }
        if let listed = candidate.identifiers[query.kind] {
            for suffix in query.linkedSuffixes where listed.contains(suffix) {
                return Hit(score: lookAlikeScore, method: .variant, suffix: suffix, reading: .linked)
            }
        }
        if let listed = candidate.identifierSkeletons[query.kind] {
            for suffix in query.linkedSkeletonSuffixes where listed.contains(suffix) {
                let host = listedHost(withSkeleton: suffix, in: candidate, kind: query.kind) ?? suffix
                return Hit(score: lookAlikeScore, method: .variant, suffix: host, reading: .linked)
            }
        }
        return registeredHit(query, candidate)
    }

    /// The listed host (the first in order) whose look-alike skeleton is `skeleton`.
    private static func listedHost(withSkeleton skeleton: String, in candidate: ScreeningEntry, kind: String) -> String? {
        candidate.identifiers[kind].flatMap { hosts in hosts.sorted().first { lookAlikeSkeleton($0, force: true) == skeleton } }
    }

    /// `a.b.c.d` → [`a.b.c.d`, `b.c.d`, `c.d`]: the host and its parents of two labels or more.
    static func suffixes(_ host: String) -> [String] {
        var out = [host]
        var labels = host.split(separator: ".", omittingEmptySubsequences: false)
        if labels.count > mostLabels { labels = Array(labels.suffix(mostLabels)) }
        guard labels.count > 2 else { return out }
        for start in 1 ... labels.count - 2 { out.append(labels[start...].joined(separator: ".")) }
        return out
    }

    /// The skeleton of a normalised (ASCII, `xn--`) host's Unicode form, the
    /// way names are read (`EvasionForms.caseBlindSkeleton`, `l` as `i`),
    /// without accents (UTS #39 keeps them: `áqsatv.ps`, `ạqsatv.ps` are
    /// look-alikes of `aqsatv.ps` all the same); nil when the Unicode form
    /// is all ASCII (unless `force`), since an ASCII host is compared as itself.
    static func lookAlikeSkeleton(_ host: String, force: Bool = false) -> String? {
        // ICU will not read back a label it refused to map (an em dash), which `IdentifierNormalizer.toASCII` encoded itself.
        var unicode = host.contains("xn--") ? (UnicodeSecurity.domainToUnicode(host) ?? IdentifierNormalizer.punycodeLabelsDecoded(host) ?? host) : host
        if !force, unicode.utf8.allSatisfy({ $0 < 0x80 }) { return nil }
        // Small capitals, stroked letters and the other shapes UTS #39 has no prototype for (`ᴀqsatv.ps`),
        // read as names read them; Cyrillic т is drawn as a small capital T (`rт.com`).
        if !unicode.utf8.allSatisfy({ $0 < 0x80 }) {
            if FancyLetters.hasAny(unicode) { unicode = FancyLetters.read(unicode) }
            var read = ""
            for scalar in unicode.unicodeScalars {
                if scalar == "т" { read += "t" } else if dashLookAlikes.contains(scalar.value) { read += "-" } else if let latin = LatinLetters.undecomposable(scalar) { read += latin } else { read.unicodeScalars.append(scalar) }
            }
            unicode = read
        }
        guard let skeleton = EvasionForms.caseBlindSkeleton(unicode) else { return nil }
        return EvasionForms.lAsI(EvasionForms.withoutMarks(skeleton.lowercased()))
    }

    /// Dashes other than the hyphen, which UTS #39 maps to another dash or
    /// none: `voice—of—europe.eu` with em dashes looks like `voice-of-europe.eu`.
    private static let dashLookAlikes: Set<UInt32> = [0x2012, 0x2013, 0x2014, 0x2015, 0x2E3A, 0x2E3B, 0xFE58, 0xFE63, 0x2043]

    /// Listed hosts by skeleton, per kind.
    static func skeletons(of identifiers: [String: Set<String>]) -> [String: Set<String>] {
        var out: [String: Set<String>] = [:]
        for (kind, values) in identifiers where hostKinds.contains(kind) {
            out[kind] = Set(values.compactMap { lookAlikeSkeleton($0, force: true) })
        }
        return out
    }
}
