/// The PostgreSQL schema, one migration per version, the same tables and
/// columns as the SQLite log (docs/decision-log.md) plus the chain head row
/// that serialises appends. A migration once shipped never changes.
enum PostgresLogSchema {
    /// Takes `pg_advisory_xact_lock` on this key while migrating, so nodes
    /// that start together create the tables once.
    static let migrationLock: Int64 = 0x4756_4C47  // "GVLG", as SQLite's application id

    static var versions: Int { migrations.count }

    /// Version N is `migrations[N - 1]`.
    static let migrations: [String] = [v1, v2, v3]

    static let v1 = """
        CREATE TABLE blob (
            sha256 BYTEA PRIMARY KEY,
            bytes BYTEA NOT NULL
        );
        CREATE TABLE entry (
            seq BIGINT PRIMARY KEY,
            kind TEXT NOT NULL,
            refers_to BIGINT,
            logged_at TEXT NOT NULL,
            record_id TEXT NOT NULL,
            case_id TEXT NOT NULL,
            decision TEXT NOT NULL,
            as_of TEXT NOT NULL,
            as_of_source TEXT NOT NULL,
            trace_level TEXT NOT NULL,
            engine_version TEXT NOT NULL,
            strict BIGINT NOT NULL,
            rules TEXT NOT NULL,
            record BYTEA NOT NULL,
            case_blob BYTEA,
            case_bytes BYTEA,
            case_format TEXT,
            case_document BIGINT,
            case_file TEXT,
            case_line BIGINT,
            bundle_blob BYTEA,
            prev_hash BYTEA NOT NULL,
            hash BYTEA NOT NULL
        );
        -- `GET /v1/decisions/{id}` looks records up by id on a live service.
        CREATE INDEX entry_record_id ON entry (record_id);
        -- One row: the last entry's seq and hash. Appends lock it FOR UPDATE.
        CREATE TABLE chain_head (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            seq BIGINT NOT NULL,
            hash BYTEA NOT NULL
        );
        INSERT INTO chain_head (id, seq, hash) VALUES (1, 0, decode(repeat('00', 32), 'hex'));
        -- Records (about 2 KB of JSON) are compressed as rows are stored: with lz4 where the server has it
        -- (PostgreSQL 14 and later, built with lz4), several times cheaper than the default pglz.
        DO $$ BEGIN ALTER TABLE entry ALTER COLUMN record SET COMPRESSION lz4; ALTER TABLE entry ALTER COLUMN case_bytes SET COMPRESSION lz4; EXCEPTION WHEN OTHERS THEN NULL; END $$
        """

    static let v2 = """
        CREATE TABLE checkpoint (
            id BIGSERIAL PRIMARY KEY,
            seq BIGINT NOT NULL,
            head BYTEA NOT NULL,
            signed_at TEXT NOT NULL,
            public_key BYTEA NOT NULL,
            signature BYTEA NOT NULL
        );
        """

    /// As SQLite's v3: existing entries keep NULL, and the serialisation they were hashed with.
    static let v3 = """
        ALTER TABLE entry ADD COLUMN explain_screening BIGINT;
        """
}
