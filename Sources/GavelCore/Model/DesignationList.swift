/// `kind: List` — a dated copy of an official designation list (SPEC §3).
public struct DesignationList: Sendable {
    public var id: String
    public var title: String?
    public var authority: String?
    public var source: String?
    public var asOf: Instant?
    public var entries: [ListEntry]
    /// SHA-256 over the list file and any `entries_from` file, in that order.
    public var digest: String
    public var location: SourceLocation
    /// The `id` value, for findings about the list as a whole.
    public var idLocation: SourceLocation? = nil
}

public struct ListEntry: Sendable {
    public enum EntryType: String, Sendable, CaseIterable { case organization, individual, vessel, other }

    public var id: String
    public var name: String
    public var aliases: [String]
    public var type: EntryType
    /// Absent means in force from the start (dates unknown for bulk imports).
    public var listed: Instant?
    public var delisted: Instant?
    /// Identifier kind (`domain`, `email`, …) to values, as written.
    public var identifiers: [(kind: String, values: [String])]
    public var programs: [String]
    public var location: SourceLocation

    public func isInForce(on date: Instant) -> Bool {
        if let listed, listed > date { return false }
        if let delisted, delisted <= date { return false }
        return true
    }
}
