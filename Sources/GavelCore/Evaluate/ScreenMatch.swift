/// One hit of a case value on a list entry, as recorded in `matches`.
public struct ScreenMatch: Sendable, Hashable {
    public enum Method: String, Sendable, CaseIterable { case exact, alias, fuzzy, identifier }

    public var rule: String
    public var list: String
    public var entry: String
    /// The list's spelling that matched best (the primary name for identifier hits).
    public var name: String
    public var query: String
    public var field: String
    /// Rounded to four decimals before it is compared with a threshold, so the
    /// score in a record is exactly the one that decided.
    public var score: Double
    public var method: Method
}
