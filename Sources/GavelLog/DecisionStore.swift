import GavelSyntax

/// Where the log's entries, blobs and checkpoints live. SQLite today; a
/// PostgreSQL backend implements the same calls and the same chain: the
/// hashing is `EntryHash`, shared, and a backend only has to take the chain
/// head and append after it inside one serialising write transaction.
///
/// Every failure is thrown as a `Diagnostic` naming the log's path.
public protocol DecisionStore: Sendable {
    /// Where the log is, for messages.
    var location: String { get }

    /// Stores `blobs` (each once, whatever is already there) and appends
    /// `entries` after the current head, all in one transaction that holds
    /// the log's write lock from before the head is read until commit, so
    /// concurrent writers never fork the chain. Returns the new head.
    @discardableResult
    func append(_ entries: [LogEntry], blobs: [Blob], loggedAt: String) throws -> ChainHead?

    /// Appends the entries `make` builds from the log's override and appeal
    /// entries, read inside the same transaction once the write lock is
    /// held: what `make` reads (a decision's history, so the decision in
    /// effect before a new override or appeal) cannot change before its
    /// entries are committed, whoever else appends at the same time.
    @discardableResult
    func append(loggedAt: String, building make: (_ humanEntries: [ChainedEntry]) throws -> [LogEntry]) throws -> ChainHead?

    /// The last entry's sequence number and hash; nil for an empty log.
    func head() throws -> ChainHead?

    /// Every entry in sequence order, streamed; `body` returns false to stop.
    /// A row that cannot be read as an entry is handed over as a problem.
    func scanEntries(_ body: (StoredRow) throws -> Bool) throws

    /// Every blob, streamed in key order, with the key as stored.
    func scanBlobs(_ body: (_ key: [UInt8], _ bytes: [UInt8]) throws -> Bool) throws

    func blob(_ key: SHA256Key) throws -> [UInt8]?
    func hasBlob(_ key: SHA256Key) throws -> Bool

    /// Entries that pass `filter`, in sequence order.
    func entries(_ filter: EntryFilter) throws -> [ChainedEntry]
    /// The same, without records or case bytes, streamed: what `audit list` shows of a log of any size.
    func summaries(_ filter: EntryFilter, _ body: (EntrySummary) throws -> Bool) throws
    func entry(seq: Int64) throws -> ChainedEntry?
    /// The latest entry for a decision record id.
    func latestEntry(recordID: String) throws -> ChainedEntry?

    func addCheckpoint(_ checkpoint: Checkpoint) throws
    func checkpoints() throws -> [Checkpoint]

    /// Up to `limit` entries with a sequence number above `seq`, in order: a
    /// log read a page at a time, so blobs can be fetched between pages (a
    /// store is not re-entered while it streams). Has a default (a scan from
    /// the start per page) in `DecisionStore+Pages.swift`; a backend should do better.
    func entries(after seq: Int64, limit: Int) throws -> [ChainedEntry]
    /// The override and appeal entries, in sequence order. Has a default (a scan).
    func humanEntries() throws -> [ChainedEntry]
    /// The bundle manifests the entries name, each once. Has a default (a scan).
    func bundleKeys() throws -> Set<SHA256Key>
}

/// An entry as `audit list` shows it.
public struct EntrySummary: Sendable, Hashable {
    public var seq: Int64
    public var kind: String
    public var recordID: String
    public var caseID: String
    public var decision: String
    public var asOf: String
    public var loggedAt: String
    public var matchedRules: [String]
    public var hash: SHA256Key?
    /// Ids of the rules the record has in `error` (a fact missing under
    /// `--strict`): read from the record, since no column repeats them.
    public var rulesInError: [String] = []
}

/// Where the chain ends: the last entry's sequence number and hash.
public struct ChainHead: Sendable, Hashable {
    public var seq: Int64
    public var hash: SHA256Key
}

/// One entry row as read back for verification: the entry, or why the row
/// is not one, and whether the blobs it names are there.
public struct StoredRow: Sendable {
    public var seq: Int64
    public var recordID: String?
    public var entry: Result<ChainedEntry, ProblemText>
    public var caseBlobPresent: Bool
    public var bundleBlobPresent: Bool
}

/// A reason as text, usable in a `Result`.
public struct ProblemText: Error, Sendable, Hashable {
    public var text: String
    public init(_ text: String) { self.text = text }
}

/// `audit list`'s filters; nil means any.
public struct EntryFilter: Sendable, Hashable {
    public var caseID: String?
    public var decision: String?
    public var rule: String?
    /// Decision dates (`as_of`), inclusive, as `YYYY-MM-DD` or RFC 3339 text.
    public var since: String?
    public var until: String?

    public init(caseID: String? = nil, decision: String? = nil, rule: String? = nil, since: String? = nil, until: String? = nil) {
        self.caseID = caseID
        self.decision = decision
        self.rule = rule
        self.since = since
        self.until = until
    }
}
