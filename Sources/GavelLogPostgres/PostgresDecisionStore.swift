import Foundation
import GavelLog
import GavelSyntax
import NIOCore
import PostgresNIO

/// The decision log in a PostgreSQL database, for several `gavel serve`
/// nodes (and `gavel evaluate` runs) appending to one chain.
///
/// Appends serialise on the single `chain_head` row: each append's
/// transaction stores its blobs, then takes that row `FOR UPDATE`, reads the
/// head from it, inserts its entries after it, moves it, and commits. A second
/// writer blocks on the row lock until the first commits, then reads the
/// head the first wrote: the chain cannot fork, and the entries' hashes are
/// `EntryHash`'s, the same bytes as the SQLite log's (docs/decision-log.md).
public final class PostgresDecisionStore: DecisionStore, @unchecked Sendable {
    public let location: String
    let connections: PostgresConnections
    /// Rows per page when streaming: bounded memory for a log of any size.
    let page = 1000

    init(address: PostgresLogAddress) {
        location = address.display
        connections = PostgresConnections(address)
    }

    /// Opens the log in the database `url` names, creating its tables when
    /// `create` and there are none, migrating an older schema. Refuses a
    /// database whose tables are not a Gavel log's, or of a newer schema.
    public static func open(_ url: String, create: Bool) throws -> PostgresDecisionStore {
        let address = try PostgresLogAddress(url)
        let store = PostgresDecisionStore(address: address)
        try store.prepare(create: create)
        return store
    }

    /// Wraps whatever PostgreSQL or the connection threw as a diagnostic naming the log.
    func guarded<T>(_ doing: String, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let diagnostic as Diagnostic {
            throw diagnostic
        } catch {
            throw Diagnostic.error(
                .logUnwritable, "cannot \(doing) the decision log `\(location)`: \(Self.reason(error))",
                at: SourceLocation(file: location, line: 1, column: 1))
        }
    }

    /// PostgreSQL's own message when there is one; PSQLError's description hides it.
    static func reason(_ error: any Error) -> String {
        if let error = error as? PSQLError {
            if let message = error.serverInfo?[.message] { return message }
            switch error.code {
            case .connectionError, .serverClosedConnection, .uncleanShutdown: return "the connection to PostgreSQL failed or was closed"
            default: return "\(error.code)"
            }
        }
        return "\(error)"
    }

    func prepare(create: Bool) throws {
        try guarded("open") {
            try connections.transaction { c in
                _ = try connections.query(c, "SELECT pg_advisory_xact_lock(\(PostgresLogSchema.migrationLock))")
                let marked = try connections.query(c, "SELECT to_regclass('gavel_log_schema') IS NOT NULL, to_regclass('entry') IS NOT NULL")
                let cells = marked.first.map { $0.makeRandomAccess() }
                let hasSchema = cells.flatMap { PostgresRows.bool($0[0]) } ?? false
                let hasEntry = cells.flatMap { PostgresRows.bool($0[1]) } ?? false
                var applied = 0
                if hasSchema {
                    let rows = try connections.query(c, "SELECT coalesce(max(version), 0) FROM gavel_log_schema")
                    applied = Int(rows.first.flatMap { PostgresRows.integer($0.makeRandomAccess()[0]) } ?? 0)
                } else {
                    if hasEntry {
                        throw Diagnostic.error(
                            .notADecisionLog,
                            "the database of `\(location)` has an `entry` table but is not a Gavel decision log (no `gavel_log_schema` table)",
                            at: SourceLocation(file: location, line: 1, column: 1), help: "name an empty database, or one gavel created")
                    }
                    guard create else {
                        throw Diagnostic.error(
                            .logUnwritable, "there is no decision log in `\(location)`",
                            at: SourceLocation(file: location, line: 1, column: 1),
                            help: "`gavel evaluate --log URL` or `gavel serve --log URL` creates it")
                    }
                    try connections.execute(c, "CREATE TABLE gavel_log_schema (version INTEGER PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())")
                }
                if applied > PostgresLogSchema.versions {
                    throw Diagnostic.error(
                        .logSchemaTooNew,
                        "the decision log `\(location)` has schema version \(applied); this gavel reads schema versions 1 to \(PostgresLogSchema.versions)",
                        at: SourceLocation(file: location, line: 1, column: 1), help: "use the newer gavel that wrote it; the log was left unchanged")
                }
                for version in (applied + 1)..<(PostgresLogSchema.versions + 1) {
                    for statement in PostgresLogSchema.migrations[version - 1].components(separatedBy: ";\n") {
                        let sql = statement.trimmingCharacters(in: .whitespacesAndNewlines)
                        if sql.isEmpty || sql.split(separator: "\n").allSatisfy({ $0.trimmingCharacters(in: .whitespaces).hasPrefix("--") }) { continue }
                        try connections.execute(c, sql.hasSuffix(";") ? String(sql.dropLast()) : sql)
                    }
                    _ = try connections.query(c, "INSERT INTO gavel_log_schema (version) VALUES (\(Int64(version)))")
                }
            }
        }
    }

    @discardableResult
    public func append(_ entries: [LogEntry], blobs: [Blob], loggedAt: String) throws -> ChainHead? {
        try append(blobs: blobs, loggedAt: loggedAt) { _ in entries }
    }

    @discardableResult
    public func append(loggedAt: String, building make: ([ChainedEntry]) throws -> [LogEntry]) throws -> ChainHead? {
        try append(blobs: [], loggedAt: loggedAt) { c in
            let rows = try connections.query(c, PostgresQuery(unsafeSQL: "SELECT \(PostgresRows.list) FROM entry WHERE kind <> 'decision' ORDER BY seq"))
            return try make(try decodedEntries(rows))
        }
    }

    /// One append: `makeEntries` runs once the head row is locked, so what it reads cannot change before the commit.
    private func append(blobs: [Blob], loggedAt: String, _ makeEntries: (PostgresConnection) throws -> [LogEntry]) throws -> ChainHead? {
        try guarded("append to") {
            try connections.transaction { c in
                // Blobs first and in key order: two appends storing the same new blobs then wait for each other in one order, never in a cycle.
                var seen = Set<SHA256Key>()
                let unique = blobs.sorted { $0.key < $1.key }.filter { seen.insert($0.key).inserted }
                var start = 0
                while start < unique.count {
                    let slice = unique[start..<min(unique.count, start + 100)]
                    var binds = PostgresBindings(capacity: slice.count * 2)
                    var values: [String] = []
                    for (i, blob) in slice.enumerated() {
                        binds.append(ByteBuffer(bytes: blob.key.bytes))
                        binds.append(ByteBuffer(bytes: blob.bytes))
                        values.append("($\(2 * i + 1), $\(2 * i + 2))")
                    }
                    _ = try connections.query(
                        c,
                        PostgresQuery(
                            unsafeSQL: "INSERT INTO blob (sha256, bytes) VALUES \(values.joined(separator: ", ")) ON CONFLICT (sha256) DO NOTHING",
                            binds: binds))
                    start += slice.count
                }
                // The serialisation point: held until COMMIT.
                let rows = try connections.query(c, "SELECT seq, hash FROM chain_head WHERE id = 1 FOR UPDATE")
                guard let row = rows.first?.makeRandomAccess(), let headSeq = PostgresRows.integer(row[0]),
                    let headHash = PostgresRows.bytes(row[1]).flatMap(SHA256Key.init)
                else {
                    throw Diagnostic.error(
                        .notADecisionLog, "the decision log `\(location)` has no chain head row: run `gavel audit verify`",
                        at: SourceLocation(file: location, line: 1, column: 1))
                }
                let entries = try makeEntries(c)
                var seq = headSeq
                var previous = headHash
                if entries.isEmpty { return headSeq == 0 ? nil : ChainHead(seq: headSeq, head: headHash) }
                // A statement binds at most 65,535 values (24 an entry); the last one also moves the head,
                // in the same statement, so the lock is held for one round trip and the commit.
                let perStatement = 500
                var index = 0
                while index < entries.count {
                    let slice = entries[index..<min(entries.count, index + perStatement)]
                    var binds = PostgresBindings(capacity: slice.count * PostgresRows.count + 2)
                    var values: [String] = []
                    values.reserveCapacity(slice.count)
                    var parameter = 1
                    for entry in slice {
                        seq += 1
                        let hash = EntryHash.of(seq: seq, loggedAt: loggedAt, entry: entry, previous: previous)
                        PostgresRows.bind(entry, seq: seq, loggedAt: loggedAt, previous: previous, hash: hash, into: &binds)
                        values.append("(" + (parameter..<(parameter + PostgresRows.count)).map { "$\($0)" }.joined(separator: ", ") + ")")
                        parameter += PostgresRows.count
                        previous = hash
                    }
                    index += slice.count
                    var sql = "INSERT INTO entry (\(PostgresRows.list)) VALUES \(values.joined(separator: ", "))"
                    if index == entries.count {
                        binds.append(seq)
                        binds.append(ByteBuffer(bytes: previous.bytes))
                        sql = "WITH appended AS (\(sql) RETURNING 1) UPDATE chain_head SET seq = $\(parameter), hash = $\(parameter + 1) WHERE id = 1"
                    }
                    _ = try connections.query(c, PostgresQuery(unsafeSQL: sql, binds: binds))
                }
                return ChainHead(seq: seq, head: previous)
            }
        }
    }

    public func addCheckpoint(_ checkpoint: Checkpoint) throws {
        try guarded("write a checkpoint to") {
            try connections.with { c in
                _ = try connections.query(
                    c,
                    """
                    INSERT INTO checkpoint (seq, head, signed_at, public_key, signature) VALUES (\(checkpoint.seq), \
                    \(ByteBuffer(bytes: checkpoint.head.bytes)), \(checkpoint.signedAt), \(ByteBuffer(bytes: checkpoint.publicKey)), \
                    \(ByteBuffer(bytes: checkpoint.signature)))
                    """)
            }
        }
    }

    /// Closes idle connections; the store stays usable (a later call connects again).
    public func close() { connections.closeAll() }
}
