import GavelSyntax

/// A designation list with every name and identifier normalised once, at
/// compile time, so screening a case only normalises the case's own values.
package struct CompiledList: Sendable {
    package var id: String
    package var title: String?
    package var asOf: Instant?
    package var digest: String
    package var entries: [ScreeningEntry]
    /// Built when the bundle is loaded (or read from the cache); a list
    /// without one is indexed in memory by the `Screener` that needs it.
    package var index: ScreeningIndex?

    init(_ list: DesignationList) {
        id = list.id
        title = list.title
        asOf = list.asOf
        digest = list.digest
        entries = Self.screeningEntries(list.entries)
    }

    /// A list made directly from entries, for benchmarks and tests.
    package init(id: String, digest: String, entries: [ListEntry]) {
        self.id = id
        title = nil
        asOf = nil
        self.digest = digest
        self.entries = Self.screeningEntries(entries)
    }

    /// Each entry made ready for screening, on every core, the names of
    /// one text sharing their readings (`SharedReadings`).
    static func screeningEntries(_ listed: [ListEntry]) -> [ScreeningEntry] {
        let shared = SharedReadings(listed)
        return Concurrently.map(listed.count) { ScreeningEntry(listed[$0], readings: shared.of($0)) }
    }

    /// A list of bare names (organisations, in force from the start), for benchmarks.
    package init(id: String, digest: String, names: [(name: String, aliases: [String])]) {
        let location = SourceLocation(file: id, line: 1, column: 1)
        let entries = names.enumerated().map { position, names in
            ListEntry(
                id: "\(id)-\(position)", name: names.name, aliases: names.aliases, type: .organization, listed: nil,
                delisted: nil, identifiers: [], programs: [], location: location)
        }
        self.init(id: id, digest: digest, entries: entries)
    }

    /// The list with its index built in memory, if it has none yet.
    package func indexed() -> CompiledList {
        guard index == nil else { return self }
        var copy = self
        copy.index = ScreeningIndex(entries)
        return copy
    }
}

package struct ScreeningEntry: Sendable {
    package struct Name: Sendable {
        package var text: String
        package var isAlias: Bool
        /// Worked out on first use (`ListedNameReadings`): most listed names
        /// are never scored in a run.
        private var readings: ListedNameReadings

        /// The readings, made now if no one has needed them yet. A caller
        /// that reads several of them holds this rather than asking each time.
        var made: ListedNameReadings.Readings { readings.value }
        package var normalized: String { readings.value.normalized }
        /// Unicode scalars in `normalized`: what bounds its best possible score.
        package var length: Int { readings.value.length }
        /// Every reading of the name (SPEC §3, "Evasion").
        package var forms: NameForms { readings.value.forms }
        /// Whether a screen (or the index build) has needed this name's readings yet.
        package var readingsMade: Bool { readings.isMade }

        /// A listed name, normalised by `NameNormalizer` when first needed.
        package init(text: String, isAlias: Bool) {
            self.init(text: text, isAlias: isAlias, readings: ListedNameReadings(text: text, normalized: nil))
        }

        /// A listed name whose readings are (or will be) those of `readings`,
        /// which other names of the same text share.
        init(text: String, isAlias: Bool, readings: ListedNameReadings) {
            self.text = text
            self.isAlias = isAlias
            self.readings = readings
        }

        /// A name whose normalised text is given as it is to be compared.
        package init(text: String, normalized: String, isAlias: Bool) {
            self.text = text
            self.isAlias = isAlias
            readings = ListedNameReadings(text: text, normalized: normalized)
        }
    }

    package var entry: ListEntry
    /// The primary name first, then aliases in list order.
    package var names: [Name]
    package var identifiers: [String: Set<String>]
    /// Domain identifiers by confusable skeleton, for look-alike hosts.
    package var identifierSkeletons: [String: Set<String>]
    /// Domain identifiers by registered name (`IdentifierMatcher.registeredNames`), for the same name under another suffix.
    package var registeredNames: [String: [String: Set<String>]]

    init(_ entry: ListEntry) {
        self.init(entry, readings: [])
    }

    /// The entry, its names taking their readings from `readings`, one per
    /// name in its order (a name past them gets its own).
    init(_ entry: ListEntry, readings: ArraySlice<ListedNameReadings>) {
        self.entry = entry
        func name(_ offset: Int, _ text: String) -> Name {
            let at = readings.startIndex + offset
            let shared = at < readings.endIndex ? readings[at] : ListedNameReadings(text: text, normalized: nil)
            return Name(text: text, isAlias: offset > 0, readings: shared)
        }
        var names = [name(0, entry.name)]
        names.reserveCapacity(1 + entry.aliases.count)
        for (offset, alias) in entry.aliases.enumerated() { names.append(name(offset + 1, alias)) }
        self.names = names
        var identifiers: [String: Set<String>] = [:]
        for (kind, values) in entry.identifiers {
            identifiers[kind, default: []].formUnion(values.map { IdentifierNormalizer.normalize($0, kind: kind) })
        }
        self.identifiers = identifiers
        identifierSkeletons = IdentifierMatcher.skeletons(of: identifiers)
        registeredNames = IdentifierMatcher.registeredNames(of: identifiers)
    }
}
