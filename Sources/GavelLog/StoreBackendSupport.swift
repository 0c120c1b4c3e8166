/// What another backend of `DecisionStore` (in its own target, e.g.
/// GavelLogPostgres) needs to build the values the protocol hands back.
/// Package-wide only: the library API stays as it is.
extension ChainedEntry {
    package init(seq: Int64, loggedAt: String, entry: LogEntry, previous: SHA256Key, hash: SHA256Key) {
        self.init(seq: seq, loggedAt: loggedAt, entry: entry, previousHash: previous, hash: hash)
    }
}

extension ChainHead {
    package init(seq: Int64, head: SHA256Key) {
        self.init(seq: seq, hash: head)
    }
}

extension StoredRow {
    package init(seq: Int64, recordID: String?, parsed: Result<ChainedEntry, ProblemText>, caseBlobPresent: Bool, bundleBlobPresent: Bool) {
        self.init(seq: seq, recordID: recordID, entry: parsed, caseBlobPresent: caseBlobPresent, bundleBlobPresent: bundleBlobPresent)
    }
}

extension EntrySummary {
    package init(
        seq: Int64, kind: String, recordID: String, caseID: String, decision: String, asOf: String, loggedAt: String,
        rules: [String], hash: SHA256Key?, record: [UInt8]? = nil
    ) {
        self.init(
            seq: seq, kind: kind, recordID: recordID, caseID: caseID, decision: decision, asOf: asOf, loggedAt: loggedAt,
            matchedRules: rules, hash: hash, rulesInError: record.map(Self.rulesInError) ?? [])
    }

    /// What a backend's `summaries` reads the record for only where it holds
    /// these bytes, so a list of a large log does not read every record:
    /// gavel writes records compact, so a rule in error is written exactly so.
    /// A record without them has no rule in error.
    package static let errorStatus = Array(#""status":"error""#.utf8)

    /// The ids of the rules a record has in `error`; none when it is not a record gavel can read.
    package static func rulesInError(_ record: [UInt8]) -> [String] { RecordFacts(record)?.errorRules ?? [] }
}

extension LogEntry {
    /// The `rules` column as every backend stores and hashes it.
    package static func storedRules(_ rules: [String]) -> String { rulesColumn(rules) }
}

extension Checkpoint {
    package init(seq: Int64, head: SHA256Key, signedAt: String, publicKey: [UInt8], signatureBytes: [UInt8]) {
        self.init(seq: seq, head: head, signedAt: signedAt, publicKey: publicKey, signature: signatureBytes)
    }
}
