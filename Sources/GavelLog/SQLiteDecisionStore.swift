import Foundation
import GRDB
import GavelSyntax

/// The decision log in one SQLite file, in WAL mode so readers never block
/// the writer. Appends take `BEGIN IMMEDIATE` before reading the head: the
/// file's write lock is what serialises several `gavel` processes.
public struct SQLiteDecisionStore: DecisionStore {
    public let location: String
    let queue: DatabaseQueue

    init(queue: DatabaseQueue, location: String) {
        self.queue = queue
        self.location = location
    }

    /// Wraps whatever SQLite or GRDB threw as a diagnostic naming the file.
    func guarded<T>(_ doing: String, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let diagnostic as Diagnostic {
            throw diagnostic
        } catch let error as DatabaseError where Self.isDamage(error) {
            throw Self.damaged(location, error, untouched: doing == "read" || doing == "open")
        } catch let error as DatabaseError {
            throw Diagnostic.log(
                .logUnwritable, "cannot \(doing) the decision log `\(location)`: \(error.message ?? "\(error.resultCode)")", path: location)
        } catch {
            throw Diagnostic.log(.logUnwritable, "cannot \(doing) the decision log `\(location)`: \(error)", path: location)
        }
    }

    @discardableResult
    public func append(_ entries: [LogEntry], blobs: [Blob], loggedAt: String) throws -> ChainHead? {
        try append(blobs: blobs, loggedAt: loggedAt) { _ in entries }
    }

    @discardableResult
    public func append(loggedAt: String, building make: ([ChainedEntry]) throws -> [LogEntry]) throws -> ChainHead? {
        try append(blobs: [], loggedAt: loggedAt) { db in
            try make(Self.entries(db, "SELECT \(StoredColumns.list) FROM entry WHERE kind <> 'decision' ORDER BY seq", [], location: location))
        }
    }

    /// One append: `makeEntries` runs once the write lock is held, so what it reads cannot change before the commit.
    private func append(blobs: [Blob], loggedAt: String, _ makeEntries: (Database) throws -> [LogEntry]) throws -> ChainHead? {
        try guarded("append to") {
            try queue.writeWithoutTransaction { db in
                var head: ChainHead?
                try db.inTransaction(.immediate) {
                    let putBlob = try db.cachedStatement(sql: "INSERT OR IGNORE INTO blob (sha256, bytes) VALUES (?, ?)")
                    for blob in blobs {
                        try putBlob.execute(arguments: [Data(blob.key.bytes), Data(blob.bytes)])
                    }
                    let entries = try makeEntries(db)
                    head = try Self.head(db)
                    var seq = head?.seq ?? 0
                    var previous = head?.hash ?? .zero
                    let insert = try EntryInsert(db)
                    defer { insert.finalize() }
                    // Serialised once per entry: hashed, then bound from the same bytes.
                    var fields = EntryBytes()
                    for entry in entries {
                        seq += 1
                        fields.load(seq: seq, loggedAt: loggedAt, entry: entry, previous: previous)
                        let hash = fields.hash(of: entry)
                        try insert.run(seq: seq, entry: entry, fields: fields, hash: hash)
                        previous = hash
                    }
                    if !entries.isEmpty { head = ChainHead(seq: seq, hash: previous) }
                    return .commit
                }
                return head
            }
        }
    }

    public func head() throws -> ChainHead? {
        try guarded("read") { try queue.read { try Self.head($0) } }
    }

    static func head(_ db: Database) throws -> ChainHead? {
        guard let row = try Row.fetchOne(db, sql: "SELECT seq, hash FROM entry ORDER BY seq DESC LIMIT 1") else { return nil }
        let seq = StoredColumns.integer(row[0]) ?? 0
        guard let hash = SHA256Key(StoredColumns.bytes(row[1])) else {
            throw Diagnostic.log(
                .notADecisionLog, "entry \(seq), the head of the chain, has no 32-byte hash: run `gavel audit verify`", path: nil)
        }
        return ChainHead(seq: seq, hash: hash)
    }

    public func scanEntries(_ body: (StoredRow) throws -> Bool) throws {
        try guarded("read") {
            try queue.read { db in
                let rows = try Row.fetchCursor(
                    db,
                    sql: """
                        SELECT \(StoredColumns.list),
                            case_blob IS NULL OR EXISTS (SELECT 1 FROM blob WHERE blob.sha256 = entry.case_blob),
                            bundle_blob IS NULL OR EXISTS (SELECT 1 FROM blob WHERE blob.sha256 = entry.bundle_blob)
                        FROM entry ORDER BY seq
                        """)
                while let row = try rows.next() {
                    let stored = StoredRow(
                        seq: StoredColumns.integer(row[0]) ?? 0, recordID: StoredColumns.text(row[4]), entry: StoredColumns.entry(row),
                        caseBlobPresent: StoredColumns.integer(row[StoredColumns.count]) == 1,
                        bundleBlobPresent: StoredColumns.integer(row[StoredColumns.count + 1]) == 1)
                    if try !body(stored) { return }
                }
            }
        }
    }

    public func scanBlobs(_ body: ([UInt8], [UInt8]) throws -> Bool) throws {
        try guarded("read") {
            try queue.read { db in
                let rows = try Row.fetchCursor(db, sql: "SELECT sha256, bytes FROM blob ORDER BY sha256")
                while let row = try rows.next() {
                    if try !body(StoredColumns.bytes(row[0]), StoredColumns.bytes(row[1])) { return }
                }
            }
        }
    }

    public func blob(_ key: SHA256Key) throws -> [UInt8]? {
        try guarded("read") {
            try queue.read { db in
                try Row.fetchOne(db, sql: "SELECT bytes FROM blob WHERE sha256 = ?", arguments: [Data(key.bytes)])
                    .map { StoredColumns.bytes($0[0]) }
            }
        }
    }

    public func hasBlob(_ key: SHA256Key) throws -> Bool {
        try guarded("read") {
            try queue.read { db in
                try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM blob WHERE sha256 = ?)", arguments: [Data(key.bytes)]) ?? false
            }
        }
    }

    public func entries(_ filter: EntryFilter) throws -> [ChainedEntry] {
        let (condition, arguments) = Self.condition(filter)
        return try fetch("SELECT \(StoredColumns.list) FROM entry\(condition) ORDER BY seq", arguments)
    }

    public func summaries(_ filter: EntryFilter, _ body: (EntrySummary) throws -> Bool) throws {
        let (condition, arguments) = Self.condition(filter)
        try guarded("read") {
            try queue.read { db in
                // The record only where a rule is in error (EntrySummary.errorStatus): most are not, and are not read.
                let rows = try Row.fetchCursor(
                    db,
                    sql: """
                        SELECT seq, kind, record_id, case_id, decision, as_of, logged_at, rules, hash,
                            CASE WHEN instr(record, ?) > 0 THEN record END FROM entry\(condition) ORDER BY seq
                        """,
                    arguments: [Data(EntrySummary.errorStatus)] + arguments)
                while let row = try rows.next() {
                    func text(_ i: Int) -> String { StoredColumns.text(row[i]) ?? "?" }
                    let rules = text(7)
                    let summary = EntrySummary(
                        seq: StoredColumns.integer(row[0]) ?? 0, kind: text(1), recordID: text(2), caseID: text(3), decision: text(4),
                        asOf: text(5), loggedAt: text(6), rules: rules.isEmpty ? [] : rules.split(separator: " ").map(String.init),
                        hash: SHA256Key(StoredColumns.bytes(row[8])), record: StoredColumns.bytes(row[9]))
                    if try !body(summary) { return }
                }
            }
        }
    }

    static func condition(_ filter: EntryFilter) -> (String, StatementArguments) {
        var conditions: [String] = []
        var arguments: [(any DatabaseValueConvertible)?] = []
        if let caseID = filter.caseID {
            conditions.append("case_id = ?")
            arguments.append(caseID)
        }
        if let decision = filter.decision {
            conditions.append("decision = ?")
            arguments.append(decision)
        }
        if let rule = filter.rule {
            conditions.append("instr(' ' || rules || ' ', ' ' || ? || ' ') > 0")
            arguments.append(rule)
        }
        // Compared on as many characters as the bound has: a bare date covers its whole day.
        if let since = filter.since {
            conditions.append("substr(logged_at, 1, length(?)) >= ?")
            arguments += [since, since]
        }
        if let until = filter.until {
            conditions.append("substr(logged_at, 1, length(?)) <= ?")
            arguments += [until, until]
        }
        return (conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND "), StatementArguments(arguments))
    }

    public func entry(seq: Int64) throws -> ChainedEntry? {
        try fetch("SELECT \(StoredColumns.list) FROM entry WHERE seq = ?", [seq]).first
    }

    public func latestEntry(recordID: String) throws -> ChainedEntry? {
        try fetch("SELECT \(StoredColumns.list) FROM entry WHERE record_id = ? ORDER BY seq DESC LIMIT 1", [recordID]).first
    }

    func fetch(_ sql: String, _ arguments: StatementArguments) throws -> [ChainedEntry] {
        try guarded("read") {
            try queue.read { db in try Self.entries(db, sql, arguments, location: location) }
        }
    }

    static func entries(_ db: Database, _ sql: String, _ arguments: StatementArguments, location: String) throws -> [ChainedEntry] {
        let rows = try Row.fetchCursor(db, sql: sql, arguments: arguments)
        var out: [ChainedEntry] = []
        while let row = try rows.next() {
            switch StoredColumns.entry(row) {
            case .success(let entry): out.append(entry)
            case .failure(let problem):
                let seq = StoredColumns.integer(row[0]) ?? 0
                throw Diagnostic.log(
                    .notADecisionLog, "entry \(seq) cannot be read: \(problem.text)", path: location,
                    help: "run `gavel audit verify` to check the whole log")
            }
        }
        return out
    }

    public func addCheckpoint(_ checkpoint: Checkpoint) throws {
        try guarded("write a checkpoint to") {
            try queue.writeWithoutTransaction { db in
                try db.inTransaction(.immediate) {
                    try db.execute(
                        sql: "INSERT INTO checkpoint (seq, head, signed_at, public_key, signature) VALUES (?, ?, ?, ?, ?)",
                        arguments: [
                            checkpoint.seq, Data(checkpoint.head.bytes), checkpoint.signedAt, Data(checkpoint.publicKey),
                            Data(checkpoint.signature),
                        ])
                    return .commit
                }
            }
        }
    }

    public func checkpoints() throws -> [Checkpoint] {
        try guarded("read") {
            try queue.read { db in
                try Row.fetchAll(db, sql: "SELECT seq, head, signed_at, public_key, signature FROM checkpoint ORDER BY id").map { row in
                    Checkpoint(
                        seq: StoredColumns.integer(row[0]) ?? 0, head: SHA256Key(StoredColumns.bytes(row[1])) ?? .zero,
                        signedAt: StoredColumns.text(row[2]) ?? "",
                        publicKey: StoredColumns.bytes(row[3]), signature: StoredColumns.bytes(row[4]))
                }
            }
        }
    }

}
