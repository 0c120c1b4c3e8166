import GavelSyntax

/// One hit of a case value on a list entry, as recorded in `matches`.
package struct ScreenMatch: Sendable, Hashable {
    package enum Method: String, Sendable, CaseIterable { case exact, alias, fuzzy, identifier, aligned, contained, variant }

    package var rule: String
    package var list: String
    package var entry: String
    /// The list's spelling that matched best (the primary name for identifier hits).
    package var name: String
    package var query: String
    package var field: String
    /// Rounded to four decimals before it is compared with a threshold, so the
    /// score in a record is exactly the one that decided.
    package var score: Double
    package var method: Method
    /// When the entry was listed, where the list says: the evidence's own date.
    package var listed: Instant?
    /// What the entry's identifying details said about the case, for a
    /// screen with `corroborate` or `min_corroboration`; nil otherwise.
    package var corroboration: Corroboration? = nil
    /// Whether the match makes its screen hold. A match short of the
    /// screen's `min_corroboration` is still recorded, with `counted: false`,
    /// so the trail shows what was found and why it did not count.
    package var counted: Bool { corroboration?.counts ?? true }
    /// For a domain that matched a listed parent: the listed domain (SPEC §3).
    package var matchedSuffix: String? = nil
    /// The reading that matched when it is not the plain one (`joined`,
    /// `skeleton`, `consonants`, `digits`): why `Наmas` is an exact match.
    package var reading: NameReading? = nil
    /// Where `listed` comes from, when an importer derived it: a date first
    /// seen in a snapshot is not the designation's own (SPEC §3, history).
    package var listedSource: ListEntry.DateSource? = nil

    /// Which match fills `{match.*}` in a reason: the highest score, then the
    /// strongest kind of evidence, then the list and entry ids.
    package static func preferred(_ a: ScreenMatch, over b: ScreenMatch) -> Bool {
        if a.score != b.score { return a.score > b.score }
        if a.method.rank != b.method.rank { return a.method.rank < b.method.rank }
        return (a.list, a.entry, a.field, a.query) < (b.list, b.entry, b.field, b.query)
    }
}

extension ScreenMatch.Method {
    /// Exact name first: it is the least arguable evidence to put in a reason.
    var rank: Int {
        switch self {
        case .exact: return 0
        case .alias: return 1
        case .identifier: return 2
        case .fuzzy: return 3
        case .aligned: return 4
        case .contained: return 5
        case .variant: return 6
        }
    }
}
