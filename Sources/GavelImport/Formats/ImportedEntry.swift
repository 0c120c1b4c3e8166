import GavelEngine
import GavelSyntax

/// One entry of one snapshot as the source gives it, before history and
/// output: the common shape every format is mapped to.
package struct ImportedEntry: Sendable, Equatable {
    /// The Gavel entry id (`ofac-4695`, `un-qdi-054`, `eu-3524-75`, `uk-12431`).
    package var id: String
    package var name: String
    package var aliases: [String] = []
    /// Aliases the source marks weak or low quality.
    package var weakAliases: [String] = []
    package var type: ListEntry.EntryType
    package var programs: [String] = []
    /// A listing date the source itself publishes (`YYYY-MM-DD`).
    package var listed: String?
    package var identifiers: [(key: String, values: [String])] = []
    package var attributes: [(key: String, values: [String])] = []
    /// Where the source gives the entry (its element or row), for errors about it.
    package var location: SourceLocation?

    package init(id: String, name: String, type: ListEntry.EntryType, at location: SourceLocation? = nil) {
        self.id = id
        self.name = name
        self.type = type
        self.location = location
    }

    /// The longest name or detail a list file may hold: the loader's limit on one value.
    static let longestValue = LoadLimits.default.maxScalarBytes

    private static func hex(_ scalar: Unicode.Scalar) -> String {
        let digits = String(scalar.value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    /// Refuses what the bundle loader would refuse, or what no name holds: a
    /// value over `longestValue` bytes, or a control character other than a
    /// line break or tab (a NUL in a UK CSV name went through and was
    /// compared as part of the name).
    package func validated() throws(DiagnosticError) -> ImportedEntry {
        for value in [name] + aliases + weakAliases + attributes.flatMap(\.values) + identifiers.flatMap(\.values) {
            if value.utf8.count > Self.longestValue {
                throw DiagnosticError(
                    .error(
                        .importFormat, "entry `\(id)` has a value of \(value.utf8.count) bytes; expected at most \(Self.longestValue)",
                        at: location, help: "the bundle loader refuses longer values; the source file is damaged or not a list"))
            }
            // Line breaks and tabs are whitespace that sources do put inside names (the UN's 2024 list has one).
            if let control = value.unicodeScalars.first(where: { ($0.value < 0x20 && !"\t\n\r".unicodeScalars.contains($0)) || $0.value == 0x7F }) {
                throw DiagnosticError(
                    .error(
                        .importFormat,
                        "entry `\(id)` has a control character (U+\(Self.hex(control))) in `\(String(String.UnicodeScalarView(value.unicodeScalars.prefix(40).filter { $0.value >= 0x20 && $0.value != 0x7F })))`; expected printable text",
                        at: location))
            }
        }
        return self
    }

    /// Adds a value under `key`, keeping first-seen order and dropping blanks and repeats.
    package mutating func attribute(_ key: String, _ value: String) {
        Self.add(value, under: key, to: &attributes)
    }

    package mutating func identifier(_ kind: String, _ value: String) {
        Self.add(value, under: kind, to: &identifiers)
    }

    /// Adds a name as an alias (or a weak alias) unless it is blank or already a name of the entry.
    package mutating func alias(_ value: String, weak: Bool = false) {
        let name = value.trimmingWhitespace()
        guard !name.isEmpty, name != self.name, !aliases.contains(name), !weakAliases.contains(name) else { return }
        if weak { weakAliases.append(name) } else { aliases.append(name) }
    }

    /// Folds in a second record of the same entry: its names become aliases,
    /// programmes and details are added, and the earlier listing date is kept.
    package mutating func merge(_ other: ImportedEntry) {
        alias(other.name)
        for name in other.aliases { alias(name) }
        for name in other.weakAliases { alias(name, weak: true) }
        for program in other.programs where !programs.contains(program) { programs.append(program) }
        if let date = other.listed, listed.map({ date < $0 }) ?? true { listed = date }
        for (key, values) in other.attributes { for value in values { attribute(key, value) } }
        for (kind, values) in other.identifiers { for value in values { identifier(kind, value) } }
    }

    static func add(_ value: String, under key: String, to pairs: inout [(key: String, values: [String])]) {
        let value = value.trimmingWhitespace()
        guard !value.isEmpty else { return }
        if let i = pairs.firstIndex(where: { $0.key == key }) {
            if !pairs[i].values.contains(value) { pairs[i].values.append(value) }
        } else {
            pairs.append((key, [value]))
        }
    }

    package static func == (lhs: ImportedEntry, rhs: ImportedEntry) -> Bool {
        lhs.id == rhs.id && lhs.name == rhs.name && lhs.aliases == rhs.aliases && lhs.weakAliases == rhs.weakAliases
            && lhs.type == rhs.type && lhs.programs == rhs.programs && lhs.listed == rhs.listed
            && lhs.identifiers.map(\.key) == rhs.identifiers.map(\.key)
            && lhs.identifiers.map(\.values) == rhs.identifiers.map(\.values)
            && lhs.attributes.map(\.key) == rhs.attributes.map(\.key)
            && lhs.attributes.map(\.values) == rhs.attributes.map(\.values)
    }
}
