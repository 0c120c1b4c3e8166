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

    package func isInForce(on date: Instant) -> Bool {
        if let listed, listed > date { return false }
        if let delisted, delisted <= date { return false }
        return true
    }
}
