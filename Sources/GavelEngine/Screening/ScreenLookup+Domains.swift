/// `gavel screen --domain`: a host looked up on the lists as a screen's
/// `identifiers: { domain: … }` looks it up, every entry compared, so that
/// an analyst sees which reading met which listed host.
extension ScreenLookup {
    package struct DomainRow: Sendable, Equatable {
        package var list: String
        package var entry: String
        package var entryName: String
        package var method: ScreenMatch.Method
        /// How the value was read when not as written (`skeleton`, `linked`, `registered`).
        package var reading: NameReading?
        package var score: Double
        /// The listed host that matched when it is not the value's own host.
        package var matchedSuffix: String?
        package var listed: Instant?
        package var delisted: Instant?
        package var inForce: Bool
        /// Where `listed` comes from, when an importer derived it.
        package var listedSource: ListEntry.DateSource? = nil
    }

    /// How screening reads a domain, for showing: each of these is what the
    /// value is compared with (`IdentifierMatcher.Prepared`).
    package struct DomainReadings: Sendable {
        /// The value normalised (`IdentifierNormalizer`): its host.
        package var host: String
        /// Every host the value names: its own, as shown when reversed, the others of a list of several.
        package var hosts: [String]
        /// Their parents of two labels or more.
        package var parents: [String]
        /// The look-alike skeletons of a host with non-ASCII letters, and their parents.
        package var skeleton: [String]
        /// The hosts its links lead to, and their parents, then their look-alike skeletons.
        package var linked: [String]
        /// Registered names, as compared (`IdentifierMatcher.registeredKey`), each with its registrable domain.
        package var registered: [(key: String, domain: String)]
    }

    package static func domainReadings(_ value: String) -> DomainReadings {
        let prepared = IdentifierMatcher.Prepared(kind: "domain", text: value)
        return DomainReadings(
            host: prepared.normalized,
            hosts: prepared.suffixes.filter { prepared.hosts.contains($0) },
            parents: prepared.suffixes.filter { !prepared.hosts.contains($0) },
            skeleton: prepared.skeletonSuffixes, linked: prepared.linkedSuffixes + prepared.linkedSkeletonSuffixes,
            registered: prepared.registeredNames)
    }

    /// Every entry of `lists` whose domains `value` meets, best first (then
    /// list and entry id), whether in force on `asOf` or not.
    package static func domainRows(_ value: String, lists: [CompiledList], asOf: Instant) -> [DomainRow] {
        let prepared = IdentifierMatcher.Prepared(kind: "domain", text: value)
        guard !prepared.normalized.isEmpty else { return [] }
        var rows: [DomainRow] = []
        for list in lists {
            for candidate in list.entries {
                guard let hit = IdentifierMatcher.match(prepared, candidate) else { continue }
                rows.append(
                    DomainRow(
                        list: list.id, entry: candidate.entry.id, entryName: candidate.entry.name, method: hit.method,
                        reading: hit.reading, score: hit.score, matchedSuffix: hit.suffix, listed: candidate.entry.listed,
                        delisted: candidate.entry.delisted, inForce: candidate.entry.isInForce(on: asOf),
                        listedSource: candidate.entry.listedDateSource))
            }
        }
        rows.sort { a, b in
            if a.score != b.score { return a.score > b.score }
            return (a.list, a.entry) < (b.list, b.entry)
        }
        return rows
    }
}
