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

    /// Inserts `e`, serialised in `fields` (loaded with the same entry), as entry `seq`.
    func run(seq: Int64, entry e: LogEntry, fields: EntryBytes, hash: SHA256Key) throws {
        // Every column is bound where its bytes already are, without SQLite
        // copying them: they stay valid until the step below has run, inside
        // these closures, and every parameter is bound again before the next
        // step, so none is left pointing at bytes gone since.
        try fields.bytes.withUnsafeBytes { serialised in
            try e.record.withUnsafeBytes { record in
                try (e.caseSource?.inline ?? []).withUnsafeBytes { inline in
                    try hash.withUnsafeBytes { hash in
                        try run(seq: seq, entry: e, fields: fields, serialised: serialised, record: record, inline: inline, hash: hash)
                    }
                }
            }
        }
    }

    private func run(
        seq: Int64, entry e: LogEntry, fields: EntryBytes, serialised: UnsafeRawBufferPointer, record: UnsafeRawBufferPointer,
        inline: UnsafeRawBufferPointer, hash: UnsafeRawBufferPointer
    ) throws {
        defer { sqlite3_reset(statement) }
        func text(_ index: Int32, _ field: EntryBytes.Field) {
            guard let range = fields.range(field), let base = serialised.baseAddress else { return null(index) }
            sqlite3_bind_text(statement, index, (base + range.lowerBound).assumingMemoryBound(to: CChar.self), Int32(range.count), nil)
        }
        func blob(_ index: Int32, _ range: Range<Int>?) {
            guard let range, let base = serialised.baseAddress else { return null(index) }
            borrowed(index, UnsafeRawBufferPointer(start: base + range.lowerBound, count: range.count))
        }
        func integer(_ index: Int32, _ value: Int64?) {
            guard let value else { return null(index) }
            sqlite3_bind_int64(statement, index, value)
        }
        let c = e.caseSource
        // Column order is StoredColumns.names.
        integer(1, seq)
        text(2, .kind)
        integer(3, e.refersTo)
        text(4, .loggedAt)
        text(5, .recordID)
        text(6, .caseID)
        text(7, .decision)
        text(8, .asOf)
        text(9, .asOfSource)
        text(10, .traceLevel)
        text(11, .engineVersion)
        integer(12, e.strict ? 1 : 0)
        text(13, .rules)
        borrowed(14, record)
        blob(15, fields.range(.caseBlob))
        if c?.inline != nil { borrowed(16, inline) } else { null(16) }
        text(17, .format)
        integer(18, c.map { Int64($0.document) })
        text(19, .file)
        integer(20, c.map { Int64($0.line) })
        blob(21, fields.range(.bundle))
        integer(22, e.explainScreening.map { $0 ? 1 : 0 })
        blob(23, fields.previousRange)
        borrowed(24, hash)
        let code = sqlite3_step(statement)
        guard code == SQLITE_DONE else {
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(connection)))
        }
    }

    private func null(_ index: Int32) { sqlite3_bind_null(statement, index) }

    /// SQLITE_STATIC: SQLite reads the bytes where they are, so they must stay valid until the statement is reset.
    private func borrowed(_ index: Int32, _ bytes: UnsafeRawBufferPointer) {
        sqlite3_bind_blob(statement, index, bytes.baseAddress ?? UnsafeRawPointer(bitPattern: 1), Int32(bytes.count), nil)
    }
}
