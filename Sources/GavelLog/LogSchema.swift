import GRDB

/// The SQLite schema, one GRDB migration per version. A migration once
/// shipped never changes: logs written with it must open for as long as
/// the law keeps them. docs/decision-log.md documents each version.
enum LogSchema {
    /// `PRAGMA application_id`: "GVLG". Tells a Gavel log from another app's SQLite file.
    static let applicationID: Int32 = 0x4756_4C47

    /// Versions in order; the identifier of version N is `vN`.
    static let versions = 3

    static func identifier(_ version: Int) -> String { "v\(version)" }

    static func version(of identifier: String) -> Int? {
        guard identifier.hasPrefix("v") else { return nil }
        return Int(identifier.dropFirst())
    }

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration(identifier(1), migrate: v1)
        migrator.registerMigration(identifier(2), migrate: v2)
        migrator.registerMigration(identifier(3), migrate: v3)
        return migrator
    }

    /// The chain: entries and the content-addressed blobs they refer to.
    static func v1(_ db: Database) throws {
        try db.execute(sql: "PRAGMA application_id = \(applicationID)")
        try db.execute(
            sql: """
                CREATE TABLE blob (
                    sha256 BLOB PRIMARY KEY NOT NULL,
                    bytes BLOB NOT NULL
                );
                CREATE TABLE entry (
                    seq INTEGER PRIMARY KEY NOT NULL,
                    kind TEXT NOT NULL,
                    refers_to INTEGER,
                    logged_at TEXT NOT NULL,
                    record_id TEXT NOT NULL,
                    case_id TEXT NOT NULL,
                    decision TEXT NOT NULL,
                    as_of TEXT NOT NULL,
                    as_of_source TEXT NOT NULL,
                    trace_level TEXT NOT NULL,
                    engine_version TEXT NOT NULL,
                    strict INTEGER NOT NULL,
                    rules TEXT NOT NULL,
                    record BLOB NOT NULL,
                    case_blob BLOB,
                    case_bytes BLOB,
                    case_format TEXT,
                    case_document INTEGER,
                    case_file TEXT,
                    case_line INTEGER,
                    bundle_blob BLOB,
                    prev_hash BLOB NOT NULL,
                    hash BLOB NOT NULL
                );
                """)
    }

    /// Signed checkpoints. (No index on record or case ids: a random key
    /// in an index costs a page write per append; `show` and `list` scan.)
    static func v2(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE checkpoint (
                    id INTEGER PRIMARY KEY NOT NULL,
                    seq INTEGER NOT NULL,
                    head BLOB NOT NULL,
                    signed_at TEXT NOT NULL,
                    public_key BLOB NOT NULL,
                    signature BLOB NOT NULL
                )
                """)
    }

    /// Whether a decision's near misses were printed (`--explain-screening`),
    /// for `audit show`. Existing entries keep NULL, and with it the
    /// serialisation they were hashed with.
    static func v3(_ db: Database) throws {
        try db.execute(sql: "ALTER TABLE entry ADD COLUMN explain_screening INTEGER")
    }
}
