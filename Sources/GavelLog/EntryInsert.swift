import GRDB
import GRDBSQLite

/// The one insert on the hot path, bound through the SQLite C API: a record
/// is bound from its own bytes, not boxed into arguments and copied into
/// `Data` first, which cost more than SQLite's own work per entry.
struct EntryInsert {
    private let statement: OpaquePointer
    private let connection: OpaquePointer

    static let sql = """
        INSERT INTO entry (\(StoredColumns.list))
        VALUES (\(Array(repeating: "?", count: StoredColumns.count).joined(separator: ", ")))
        """

    init(_ db: Database) throws {
        guard let connection = db.sqliteConnection else { throw DatabaseError(resultCode: .SQLITE_MISUSE, message: "closed connection") }
        var statement: OpaquePointer?
        let code = sqlite3_prepare_v2(connection, Self.sql, -1, &statement, nil)
        guard code == SQLITE_OK, let statement else {
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(connection)))
        }
        self.statement = statement
        self.connection = connection
    }

    func finalize() { sqlite3_finalize(statement) }

    func run(seq: Int64, loggedAt: String, entry e: LogEntry, previous: SHA256Key, hash: SHA256Key) throws {
        // The record and the case line, the bulk of an entry, are bound
        // without SQLite copying them first: they stay valid until the step
        // below has run, inside these closures, and are unbound before return.
        try e.record.withUnsafeBytes { record in
            try (e.caseSource?.inline ?? []).withUnsafeBytes { inline in
                try run(seq: seq, loggedAt: loggedAt, entry: e, record: record, inline: inline, previous: previous, hash: hash)
            }
        }
    }

    private func run(
        seq: Int64, loggedAt: String, entry e: LogEntry, record: UnsafeRawBufferPointer, inline: UnsafeRawBufferPointer,
        previous: SHA256Key, hash: SHA256Key
    ) throws {
        defer {
            sqlite3_reset(statement)
            sqlite3_clear_bindings(statement)
        }
        // Column order is StoredColumns.names.
        sqlite3_bind_int64(statement, 1, seq)
        text(2, e.kind.rawValue)
        if let refersTo = e.refersTo { sqlite3_bind_int64(statement, 3, refersTo) }
        text(4, loggedAt)
        text(5, e.recordID)
        text(6, e.caseID)
        text(7, e.decision)
        text(8, e.asOf)
        text(9, e.asOfSource)
        text(10, e.traceLevel)
        text(11, e.engineVersion)
        sqlite3_bind_int64(statement, 12, e.strict ? 1 : 0)
        text(13, LogEntry.rulesColumn(e.matchedRules))
        borrowed(14, record)
        if let c = e.caseSource {
            if let key = c.blob { blob(15, key.bytes) }
            if c.inline != nil { borrowed(16, inline) }
            text(17, c.format)
            sqlite3_bind_int64(statement, 18, Int64(c.document))
            text(19, c.file)
            sqlite3_bind_int64(statement, 20, Int64(c.line))
        }
        if let bundle = e.bundle { blob(21, bundle.bytes) }
        blob(22, previous.bytes)
        blob(23, hash.bytes)
        let code = sqlite3_step(statement)
        guard code == SQLITE_DONE else {
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(connection)))
        }
    }

    /// SQLITE_TRANSIENT: SQLite copies the bytes before the call returns, so
    /// they need not outlive it.
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    private func text(_ index: Int32, _ value: String) {
        var value = value
        value.withUTF8 { sqlite3_bind_text(statement, index, $0.baseAddress, Int32($0.count), Self.transient) }
    }

    /// SQLITE_STATIC: SQLite reads the bytes where they are, so they must stay valid until the statement is reset.
    private func borrowed(_ index: Int32, _ bytes: UnsafeRawBufferPointer) {
        sqlite3_bind_blob(statement, index, bytes.baseAddress ?? UnsafeRawPointer(bitPattern: 1), Int32(bytes.count), nil)
    }

    private func blob(_ index: Int32, _ bytes: [UInt8]) {
        bytes.withUnsafeBytes { sqlite3_bind_blob(statement, index, $0.baseAddress ?? UnsafeRawPointer(bitPattern: 1), Int32($0.count), Self.transient) }
    }
}
