/// Which of a listed entry's spellings a screen's names may match: by the
/// letters of the spelling's plain reading (`min_length`, `max_length`) and
/// by whether that reading is a name on a list of ordinary words and names
/// (`skip_names_on`, `only_names_on`). Identifiers are never filtered.
///
/// Lists give acronyms (`TTP`, `IG`) and ordinary words (`THE BASE`,
/// `AL-AQSA`, `SPUTNIK`) as aliases of full strength; each equals many an
/// innocent customer's name. A blocking rule leaves them out and a review
/// rule takes exactly those, so no exact match falls between the two.
package struct SpellingFilter: Sendable {
    package var minLength: Int?
    package var maxLength: Int?
    /// The lists `skip_names_on` and `only_names_on` name, as written.
    package var skipLists: [String] = []
    package var onlyLists: [String] = []
    /// The plain readings of those lists' names and aliases.
    var skipped: Set<String> = []
    var only: Set<String>?
    /// Tells filters apart in a case's memo of scores: equal numbers, equal
    /// filters (numbered by `ConditionCompiler`; 0 is no filter at all).
    var number = 0

    package init(minLength: Int? = nil, maxLength: Int? = nil) {
        self.minLength = minLength
        self.maxLength = maxLength
    }

    var isEmpty: Bool { minLength == nil && maxLength == nil && skipLists.isEmpty && onlyLists.isEmpty }

    /// What tells this filter from another, for numbering.
    var identity: String {
        "\(minLength ?? 0)-\(maxLength ?? 0)|" + skipLists.sorted().joined(separator: ",") + "|" + onlyLists.sorted().joined(separator: ",")
    }

    /// The spellings the screen's names may match. An entry left with none
    /// scores 0, below any band: only an identifier can match it.
    func admitted(_ names: [ScreeningEntry.Name]) -> [ScreeningEntry.Name] {
        guard number != 0 else { return names }
        return names.filter { name in
            let plain = name.normalized
            if minLength != nil || maxLength != nil {
                let letters = plain.unicodeScalars.reduce(0) { $0 + ($1 == " " ? 0 : 1) }
                guard letters >= (minLength ?? 0), letters <= (maxLength ?? Int.max) else { return false }
            }
            if skipped.contains(plain) { return false }
            if let only, !only.contains(plain) { return false }
            return true
        }
    }

    /// The plain readings of every name and alias of `list`'s entries, whatever their dates:
    /// a list of ordinary words is not a designation, and a word does not stop being ordinary.
    static func spellings(of list: DesignationList) -> Set<String> {
        var readings: Set<String> = []
        for entry in list.entries {
            for name in [entry.name] + entry.aliases {
                let plain = NameNormalizer.normalize(name)
                if !plain.isEmpty { readings.insert(plain) }
            }
        }
        return readings
    }
}
