import Foundation
import GRDB
import GavelSyntax

extension SQLiteDecisionStore {
    /// Appends touch the tail of the tables and the blob key index, and a
    /// transaction's dirty pages (about 12 MB for 4,096 decisions) stay in
    /// the cache until its commit: 16 MB holds them. A larger cache only
    /// costs fresh memory (page faults, pages zeroed) for pages an append
    /// never reads again.
    static let cacheSize = "PRAGMA cache_size = -16384"

    /// How long an opener or an append waits for another process's lock on the log.
    static let busyTimeout: TimeInterval = 120

    /// The default log, relative to the working directory (SPEC §4).
    public static let defaultPath = ".gavel/decisions.sqlite"

    /// Opens the log at `path`, creating it (and its folder) when `create`
    /// and it does not exist, migrating an older schema. Refuses — without
    /// writing a byte to it — a file that is not a Gavel log or was written
    /// by a newer schema: what is already logged is never put at risk.
    /// Only `create` makes a log of an empty file or empty database: a
    /// reader given one was pointed at the wrong file, and must not turn it
    /// into a log.
    public static func open(_ path: String, create: Bool, readOnly: Bool = false) throws -> SQLiteDecisionStore {
        guard !path.isEmpty else {
            throw Diagnostic.log(
                .logUnwritable, "the decision log's path is empty: expected the path of an SQLite file", path: path,
                help: "pass --log a path, e.g. \(defaultPath), or --no-log")
        }
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
        if exists && isDirectory.boolValue {
            throw Diagnostic.log(
                .logUnwritable, "the decision log `\(path)` is a directory: expected an SQLite file", path: path,
                help: "pass --log the path of a file, e.g. \(defaultPath)")
        }
        // A named pipe, a device or a socket: opening one to read its header waits for a writer that never comes.
        var status = stat()
        if exists, stat(path, &status) == 0, status.st_mode & S_IFMT != S_IFREG {
            throw Diagnostic.log(
                .logUnwritable, "the decision log `\(path)` is not a regular file (a pipe, device or socket): expected an SQLite file",
                path: path, help: "pass --log the path of a file, e.g. \(defaultPath)")
        }
        if !exists {
            guard create else {
                throw Diagnostic.log(
                    .logUnwritable, "there is no decision log at `\(path)`", path: path,
                    help: "`gavel evaluate` creates it; pass --log PATH to read another")
            }
            let folder = FileAccess.parent(of: path)
            if !folder.isEmpty {
                do {
                    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
                } catch {
                    throw Diagnostic.log(
                        .logUnwritable, "cannot create the folder `\(folder)` for the decision log `\(path)`: \(Self.reason(error))",
                        path: path, help: "pass --log a writable path, or --no-log")
                }
            }
        } else {
            try checkHeader(path, emptyAllowed: create)
        }
        if readOnly { return try openReadOnly(path) }
        var config = Configuration()
        config.busyMode = .timeout(busyTimeout)
        config.label = "gavel-log"
        config.prepareDatabase { db in
            try db.execute(sql: Self.cacheSize)
            // Checkpoints of 16 MB rather than SQLite's 1,000 pages (64 MB here): shorter pauses in the commits they ride on.
            try db.execute(sql: "PRAGMA wal_autocheckpoint = 256")
            // Every commit is on disk before its records are printed (WAL's NORMAL would survive a killed process but not a power cut).
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        let queue: DatabaseQueue
        do {
            queue = try DatabaseQueue(path: path, configuration: config)
        } catch {
            if !create || isDamage(error) { throw unreadable(path, error) }
            throw Diagnostic.log(
                .logUnwritable, "cannot open the decision log `\(path)`: \(Self.reason(error))", path: path,
                help: "pass --log a writable path, or --no-log")
        }
        let store = SQLiteDecisionStore(queue: queue, location: path)
        try store.prepare(marking: create)
        return store
    }

    /// A log that cannot be written where it is: an archived copy on
    /// read-only media, or a folder the reader may not write in. SQLite would
    /// create its `-shm` beside it, so the file is opened as immutable, which
    /// is exact only when no write-ahead file holds entries not yet in it:
    /// such a log is refused rather than read without them. Nothing is
    /// migrated or marked; an older schema is refused.
    static func openReadOnly(_ path: String) throws -> SQLiteDecisionStore {
        let wal = path + "-wal"
        if let size = (try? FileManager.default.attributesOfItem(atPath: wal))?[.size] as? Int, size > 0 {
            throw Diagnostic.log(
                .logUnwritable,
                "the decision log `\(path)` cannot be written where it is, and its write-ahead file `\(wal)` holds entries not yet in it",
                path: path, help: "copy the log with its -wal file to a folder that can be written, and read the copy")
        }
        var config = Configuration()
        config.readonly = true
        config.label = "gavel-log"
        let encoded = path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? path
        let queue: DatabaseQueue
        do {
            queue = try DatabaseQueue(path: "file:\(encoded)?immutable=1", configuration: config)
        } catch {
            throw unreadable(path, error)
        }
        let store = SQLiteDecisionStore(queue: queue, location: path)
        try store.guarded("open") {
            try queue.read { db in
                try store.identify(db, marking: false)
                guard try LogSchema.migrator.hasCompletedMigrations(db) else {
                    throw Diagnostic.log(
                        .logUnwritable, "the decision log `\(path)` has an older schema, which is brought up to date only where it can be written",
                        path: path, help: "copy it to a folder that can be written and read the copy (reading it there migrates it)")
                }
            }
        }
        return store
    }

    /// Checks what the file is, then (only for a Gavel log, or an empty file
    /// when `marking`) switches it to WAL and brings its schema up to date.
    func prepare(marking: Bool) throws {
        try guarded("open") {
            try queue.writeWithoutTransaction { db in
                // Only takes effect on a file with no table yet (a new log):
                // records are about 2 KB, and with 4 KB pages each would take
                // a page of its own; larger pages also mean fewer WAL frames.
                try db.execute(sql: "PRAGMA page_size = 65536")
                // Under the write lock, so that of several processes creating
                // one log, each sees it either empty or already marked as a
                // Gavel log, never half made (tables but no application id).
                try db.inTransaction(.immediate) {
                    try identify(db, marking: marking)
                    return .commit
                }
                let mode = try Self.switchingToWAL(db)
                guard mode.lowercased() == "wal" else {
                    throw Diagnostic.log(.logUnwritable, "cannot switch the decision log `\(location)` to WAL mode (found `\(mode)`)", path: location)
                }
                // Again, now that a new log's pages are 64 KB: set while they
                // were 4 KB, the 16 MB took effect as some 4,000 pages, and
                // the first run into a new log grew to about 250 MB of cached
                // 64 KB pages (339 MB peak RSS for 100,000 decisions, 100 MB
                // with this; a log opened again was not affected).
                try db.execute(sql: Self.cacheSize)
            }
            try migrate()
        }
    }

    /// SQLite does not consult the busy handler when a new log switches to
    /// WAL: while another opener of the same new log holds a lock, the
    /// switch fails at once with SQLITE_BUSY. So it waits and tries again,
    /// as the busy handler would, for up to the same timeout.
    private static func switchingToWAL(_ db: Database) throws -> String {
        let deadline = Date(timeIntervalSinceNow: busyTimeout)
        var pause: UInt32 = 2_000
        while true {
            do {
                return try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL") ?? ""
            } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY && Date() < deadline {
                usleep(pause)
                pause = min(pause * 2, 100_000)
            }
        }
    }

    /// GRDB reads which migrations a log has before it takes the write lock
    /// to apply the next one. Of several processes creating one log at once,
    /// a loser may so re-apply a migration the winner has just committed and
    /// fail on its tables, or look for the table of applied migrations just
    /// as the winner creates it. Each such failure follows a step of another
    /// opener's (the table made, one migration applied), and there are
    /// `versions + 1` such steps, so that many attempts more always end in a
    /// complete log; an error that outlasts them is a real one and is thrown.
    private func migrate() throws {
        let migrator = LogSchema.migrator
        var attemptsLeft = LogSchema.versions + 2
        while true {
            do {
                try migrator.migrate(queue)
                return
            } catch {
                if (try? queue.read { try migrator.hasCompletedMigrations($0) }) == true { return }
                attemptsLeft -= 1
                guard attemptsLeft > 0 else { throw error }
            }
        }
    }

    /// Refuses another application's database or a newer schema; marks an
    /// empty file as a Gavel log when `marking` (a reader refuses it instead).
    func identify(_ db: Database, marking: Bool) throws {
        let application = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
        let tables = try DatabaseValue.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
            .map { StoredColumns.text($0) ?? "?" }
        if application != LogSchema.applicationID {
            guard tables.isEmpty else {
                throw Diagnostic.log(
                    .notADecisionLog,
                    "`\(location)` is not a Gavel decision log: expected an SQLite file with application id \(LogSchema.applicationID), "
                        + "found application id \(application) and tables \(tables.prefix(5).map { "`\($0)`" }.joined(separator: ", "))",
                    path: location, help: "pass --log the path of a Gavel decision log, or of a file that does not exist yet")
            }
            guard marking else {
                throw Diagnostic.log(
                    .notADecisionLog, "`\(location)` is not a Gavel decision log: it is an empty database", path: location,
                    help: "pass --log the path of a Gavel decision log")
            }
            try db.execute(sql: "PRAGMA application_id = \(LogSchema.applicationID)")
        }
        guard tables.contains("grdb_migrations") else { return }
        let applied = try DatabaseValue.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations").map { StoredColumns.text($0) ?? "?" }
        let newest = applied.compactMap(LogSchema.version(of:)).max() ?? 0
        if newest > LogSchema.versions || applied.contains(where: { LogSchema.version(of: $0) == nil }) {
            throw Diagnostic.log(
                .logSchemaTooNew,
                "the decision log `\(location)` has schema version \(newest > LogSchema.versions ? String(newest) : applied.joined(separator: ", ")); "
                    + "this gavel reads schema versions 1 to \(LogSchema.versions)",
                path: location, help: "use the newer gavel that wrote it; the log was left unchanged")
        }
    }

    /// An SQLite file starts with these 16 bytes; anything else (a text file,
    /// a log of another kind, and an empty file unless `emptyAllowed`) is
    /// refused before SQLite is let near it.
    static func checkHeader(_ path: String, emptyAllowed: Bool) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw Diagnostic.log(.logUnwritable, "cannot read the decision log `\(path)`", path: path)
        }
        defer { try? handle.close() }
        let head: Data
        do {
            head = try handle.read(upToCount: 16) ?? Data()
        } catch {
            throw Diagnostic.log(.logUnwritable, "cannot read the decision log `\(path)`: \(Self.reason(error))", path: path)
        }
        if head.isEmpty {
            if emptyAllowed { return }
            throw Diagnostic.log(
                .notADecisionLog, "`\(path)` is empty (0 bytes), so it is not a Gavel decision log: expected a log `gavel evaluate` wrote",
                path: path, help: "pass --log the path of a Gavel decision log; the empty file was left unchanged")
        }
        guard head == Data("SQLite format 3\0".utf8) else {
            throw Diagnostic.log(
                .notADecisionLog, "`\(path)` is not a Gavel decision log: expected an SQLite database, found a file that is not one",
                path: path, help: "pass --log the path of a Gavel decision log, or of a file that does not exist yet")
        }
    }

    static func reason(_ error: any Error) -> String {
        if let error = error as? DatabaseError { return error.message ?? "\(error.resultCode)" }
        if let error = error as? CocoaError, let underlying = error.userInfo[NSUnderlyingErrorKey] as? NSError {
            return underlying.localizedDescription
        }
        return (error as NSError).localizedDescription
    }
}
