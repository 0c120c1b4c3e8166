/// A designation list with every name and identifier normalised once, at
/// compile time, so screening a case only normalises the case's own values.
public struct CompiledList: Sendable {
    public var id: String
    public var title: String?
    public var asOf: Instant?
    public var digest: String
    public var entries: [ScreeningEntry]

    init(_ list: DesignationList) {
        id = list.id
        title = list.title
        asOf = list.asOf
        digest = list.digest
        entries = list.entries.map(ScreeningEntry.init)
    }
}

public struct ScreeningEntry: Sendable {
    public struct Name: Sendable {
        public var text: String
        public var normalized: String
        public var isAlias: Bool
    }

    public var entry: ListEntry
    /// The primary name first, then aliases in list order.
    public var names: [Name]
    public var identifiers: [String: Set<String>]

    init(_ entry: ListEntry) {
        self.entry = entry
        var names = [Name(text: entry.name, normalized: NameNormalizer.normalize(entry.name), isAlias: false)]
        for alias in entry.aliases {
            names.append(Name(text: alias, normalized: NameNormalizer.normalize(alias), isAlias: true))
        }
        self.names = names
        var identifiers: [String: Set<String>] = [:]
        for (kind, values) in entry.identifiers {
            identifiers[kind, default: []].formUnion(values.map { IdentifierNormalizer.normalize($0, kind: kind) })
        }
        self.identifiers = identifiers
    }
}
