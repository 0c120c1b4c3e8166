/// What one log entry holds, apart from its place in the chain. Every field
/// is covered by the entry's hash (`EntryHash`); the columns that repeat
/// facts of the record (case id, decision, …) are there so the log can be
/// searched without parsing records, and are hashed so they cannot be edited.
public struct LogEntry: Sendable, Hashable {
    public enum Kind: String, Sendable, CaseIterable {
        case decision
        /// A human override of an earlier decision entry (`refersTo`): `gavel audit override`.
        case override
        /// An appeal outcome for an earlier decision entry (`refersTo`): `gavel audit appeal`.
        case appeal
    }

    public var kind: Kind
    /// The sequence number of the entry this one is about (overrides, appeals).
    public var refersTo: Int64?
    /// The decision record's id (`gvl-…`): deterministic, so deciding the
    /// same case again gives the same id in a later entry.
    public var recordID: String
    public var caseID: String
    public var decision: String
    /// As the record writes them.
    public var asOf: String
    public var asOfSource: String
    public var traceLevel: String
    public var engineVersion: String
    /// Whether `--strict` was on: it changes what a replay must do.
    public var strict: Bool
    /// Ids of the rules that matched, sorted, for `audit list --rule`.
    public var matchedRules: [String]
    /// The record's JSON bytes exactly as `evaluate --format jsonl` writes them (without the newline).
    public var record: [UInt8]
    /// Where the case came from; nil only for kinds that have no case.
    public var caseSource: CaseReference?
    /// The bundle manifest blob (`BundleManifestBlob`); nil only for kinds that have no bundle.
    public var bundle: SHA256Key?
    /// Whether `evaluate --explain-screening` printed the near misses with the
    /// trail, so `audit show` prints them again. They are not in the record
    /// (the same record is logged with or without them); they are decided
    /// again from the stored case and bundle. nil: not recorded, for
    /// overrides and appeals, which decide no case, and for every entry logged
    /// before schema v3, which keeps the serialisation it was hashed with
    /// (`EntryHash`).
    public var explainScreening: Bool?

    public init(
        kind: Kind = .decision, refersTo: Int64? = nil, recordID: String, caseID: String, decision: String, asOf: String,
        asOfSource: String, traceLevel: String, engineVersion: String, strict: Bool, matchedRules: [String], record: [UInt8],
        caseSource: CaseReference?, bundle: SHA256Key?, explainScreening: Bool? = nil
    ) {
        self.kind = kind
        self.refersTo = refersTo
        self.recordID = recordID
        self.caseID = caseID
        self.decision = decision
        self.asOf = asOf
        self.asOfSource = asOfSource
        self.traceLevel = traceLevel
        self.engineVersion = engineVersion
        self.strict = strict
        self.matchedRules = matchedRules
        self.record = record
        self.caseSource = caseSource
        self.bundle = bundle
        self.explainScreening = explainScreening
    }
}

/// The case of an entry: the bytes as read, and which document in them.
public struct CaseReference: Sendable, Hashable {
    /// A streamed JSONL line is kept in the entry itself: it is that case
    /// alone, and a blob per line would put a random key into an index on
    /// every append. A file (YAML or JSON, perhaps of many documents) is a
    /// blob, stored once for all its documents.
    public enum Bytes: Sendable, Hashable {
        case inline([UInt8])
        case blob(SHA256Key)
    }

    public var bytes: Bytes
    /// `yaml`, `jsonl` (a whole file) or `jsonl-line` (the blob is one line).
    public var format: String
    public var document: Int
    public var file: String
    /// The line the case starts on, 1-based as messages give it: a streamed
    /// JSONL line's number, or the line a document of a file starts on.
    /// Provenance only: no record or trail depends on it, so entries logged
    /// before it was 1-based (a line's 0-based number, 1 for every document)
    /// replay alike (docs/decision-log.md, "What an entry holds").
    public var line: Int

    public var blob: SHA256Key? {
        if case .blob(let key) = bytes { return key }
        return nil
    }

    public var inline: [UInt8]? {
        if case .inline(let bytes) = bytes { return bytes }
        return nil
    }

    public init(bytes: Bytes, format: String, document: Int, file: String, line: Int) {
        self.bytes = bytes
        self.format = format
        self.document = document
        self.file = file
        self.line = line
    }
}

/// An entry in its place: sequence number, time, and the chain's links.
public struct ChainedEntry: Sendable, Hashable {
    public var seq: Int64
    /// The one field that is not deterministic: when the entry was committed (UTC, RFC 3339, milliseconds).
    public var loggedAt: String
    public var entry: LogEntry
    public var previousHash: SHA256Key
    public var hash: SHA256Key
}

/// Bytes stored once under their SHA-256, however many entries use them.
public struct Blob: Sendable, Hashable {
    public var key: SHA256Key
    public var bytes: [UInt8]

    public init(_ bytes: [UInt8]) {
        self.bytes = bytes
        key = SHA256Key.of(bytes)
    }

    init(key: SHA256Key, bytes: [UInt8]) {
        self.key = key
        self.bytes = bytes
    }
}
