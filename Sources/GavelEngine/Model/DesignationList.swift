import GavelSyntax

/// `kind: List` — a dated copy of an official designation list (SPEC §3).
package struct DesignationList: Sendable {
    package var id: String
    package var title: String?
    package var authority: String?
    package var source: String?
    package var asOf: Instant?
    package var entries: [ListEntry]
    /// SHA-256 over the list file and any `entries_from` file, in that order.
    package var digest: String
    package var location: SourceLocation
    /// The `id` value, for findings about the list as a whole.
    package var idLocation: SourceLocation? = nil
    /// The dated official files an imported list was built from, oldest
    /// first (`gavel lists import`); empty for a list written by hand.
    package var snapshots: [ListSnapshot] = []
}

/// One dated copy of the official list that `gavel lists import` read.
/// Entries without `listed` are known only from the first snapshot on, so a
/// case decided before it may be screened against evidence from the future.
package struct ListSnapshot: Sendable {
    package var date: Instant
    package var digest: String
    package var location: SourceLocation
}

package struct ListEntry: Sendable {
    package enum EntryType: String, Sendable, CaseIterable { case organization, individual, vessel, other }

    package var id: String
    package var name: String
    package var aliases: [String]
    package var type: EntryType
    /// Absent means in force from the start (dates unknown for bulk imports).
    package var listed: Instant?
    package var delisted: Instant?
    /// Identifier kind (`domain`, `email`, …) to values, as written.
    package var identifiers: [(kind: String, values: [String])]
    package var programs: [String]
    package var location: SourceLocation
    /// Aliases the source marks as weak or low quality (OFAC `weak`, UN
    /// `Low`): kept for review lists, never screened as the entry's names.
    package var weakAliases: [String] = []
    /// Identifying details as the source publishes them (`country`,
    /// `nationality`, `birth_date`, `registration`, `address`, …), for
    /// corroborating a name match.
    package var attributes: [(key: String, values: [String])] = []
    /// Where `listed` and `delisted` come from, when an importer derived them.
    package var listedSource: DateSource? = nil
    package var delistedSource: DateSource? = nil

    /// How an imported entry's `listed` or `delisted` date was found.
    package enum DateSource: String, Sendable, CaseIterable {
        /// Published by the official source (UN `LISTED_ON`, EU `designationDate`).
        case source
        /// The first snapshot the entry appears in (or is absent from, for `delisted`).
        case snapshot
        /// A date table kept beside the lists, each date with its own citation.
        case curated
    }

    /// `listedSource` when there is a `listed` date it speaks of.
    package var listedDateSource: DateSource? { listed == nil ? nil : listedSource }

    /// `listed 2024-05-07`, said as what it is when an importer derived it:
    /// a date first seen in a snapshot only bounds the designation's own
    /// (`listed by 2024-05-07 (first seen in a snapshot)`).
    package static func listingText(_ listed: Instant?, source: DateSource?) -> String? {
        guard let listed else { return nil }
        switch source {
        case .snapshot?: return "listed by \(listed) (first seen in a snapshot)"
        case .curated?: return "listed \(listed) (curated)"
        case .source?, nil: return "listed \(listed)"
        }
    }

    package func isInForce(on date: Instant) -> Bool {
        if let listed, listed > date { return false }
        if let delisted, delisted <= date { return false }
        return true
    }
}
