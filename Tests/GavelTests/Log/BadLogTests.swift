import Foundation
import GRDB
import Testing

@testable import GavelCLI
@testable import GavelEngine
@testable import GavelLog
@testable import GavelSyntax

/// A log path that is not a Gavel log, or cannot be written: a clear error
/// naming the path, exit 2, nothing decided or printed, and the file as it was.
@Suite("decision log: bad logs")
struct BadLogTests {
    func refused(_ path: String) -> Diagnostic? {
        guard case .failure(let problem) = DecisionLogAccess.forAppending(path) else { return nil }
        return problem
    }

    func bytes(_ path: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: path)) }

    @Test("a text file is not a log: refused, and left as it was")
    func textFile() throws {
        let folder = try LogFolder()
        let path = try folder.write("notes.txt", "meeting notes\n")
        let problem = try #require(refused(path))
        #expect(problem.code == .notADecisionLog)
        #expect(problem.message == "`\(path)` is not a Gavel decision log: expected an SQLite database, found a file that is not one")
        #expect(try bytes(path) == Data("meeting notes\n".utf8))
    }

    @Test("another application's SQLite database is refused, and left as it was")
    func otherApplication() throws {
        let folder = try LogFolder()
        let path = folder.path + "/app.sqlite"
        try DatabaseQueue(path: path).write { try $0.execute(sql: "CREATE TABLE users (name TEXT); INSERT INTO users VALUES ('ann')") }
        let before = try bytes(path)
        let problem = try #require(refused(path))
        #expect(problem.code == .notADecisionLog)
        #expect(problem.message.contains("found application id 0 and tables `users`"))
        #expect(try bytes(path) == before)
        #expect(try DatabaseQueue(path: path).read { try String.fetchOne($0, sql: "PRAGMA journal_mode") } == "delete")
    }

    @Test("a log of a newer schema is refused, naming both versions, and left as it was")
    func newerSchema() throws {
        let folder = try LogFolder()
        let bundle = try TemporaryBundle(LogFixtures.bundleFiles)
        _ = try LogFixtures.evaluate([try folder.write("c.jsonl", LogFixtures.cases(2))], policies: bundle.path, log: folder.log)
        let newer = LogSchema.versions + 1
        try folder.tamper("INSERT INTO grdb_migrations (identifier) VALUES ('v\(newer)')")
        let before = try bytes(folder.log)
        let problem = try #require(refused(folder.log))
        #expect(problem.code == .logSchemaTooNew)
        #expect(problem.message == "the decision log `\(folder.log)` has schema version \(newer); this gavel reads schema versions 1 to \(LogSchema.versions)")
        #expect(try bytes(folder.log) == before)
        #expect(try DatabaseQueue(path: folder.log).read { try Int.fetchOne($0, sql: "SELECT count(*) FROM entry") } == 2)
    }

    @Test("a log whose folder cannot be made, or that is a folder, is an error naming the path")
    func unwritable() throws {
        let folder = try LogFolder()
        let file = try folder.write("plain", "x")
        let underFile = file + "/decisions.sqlite"
        let problem = try #require(refused(underFile))
        #expect(problem.code == .logUnwritable)
        #expect(problem.message.hasPrefix("cannot create the folder `\(file)` for the decision log `\(underFile)`"))
        let directory = try #require(refused(folder.path))
        #expect(directory.message == "the decision log `\(folder.path)` is a directory: expected an SQLite file")
    }

    @Test("a named pipe or an empty path is refused at once, never waited on")
    func pipeAndEmptyPath() throws {
        let folder = try LogFolder()
        let pipe = folder.path + "/fifo"
        #expect(mkfifo(pipe, 0o600) == 0)
        let refusedPipe = try #require(refused(pipe))
        #expect(refusedPipe.code == .logUnwritable)
        #expect(refusedPipe.message.contains("is not a regular file"))
        let empty = try #require(refused(""))
        #expect(empty.message.hasPrefix("the decision log's path is empty"))
    }

    @Test("eight openers creating one new log at once all get a Gavel log, none a refusal")
    func concurrentCreation() throws {
        for _ in 0..<10 {
            let folder = try LogFolder()
            let refusals = Refusals()
            // A thread each, so that all eight race even on two cores
            // (concurrentPerform runs as many at once as there are cores).
            let openers = DispatchGroup()
            for _ in 0..<8 {
                openers.enter()
                Thread {
                    do { _ = try SQLiteDecisionStore.open(folder.log, create: true) } catch { refusals.add("\(error)") }
                    openers.leave()
                }.start()
            }
            openers.wait()
            #expect(refusals.messages == [])
            #expect(try LogVerifier.verify(try folder.store()).intact)
        }
    }

    final class Refusals: @unchecked Sendable {
        private let lock = NSLock()
        private var list: [String] = []
        func add(_ message: String) { lock.withLock { list.append(message) } }
        var messages: [String] { lock.withLock { list } }
    }

    @Test("audit commands do not create a log that is not there")
    func missingForAudit() throws {
        let folder = try LogFolder()
        var errors = ""
        #expect(AuditList(log: folder.log, filter: EntryFilter(), format: .table).run(output: { _ in }, errors: { errors += $0 }) == 2)
        #expect(errors.contains("there is no decision log at `\(folder.log)`"))
        #expect(!FileManager.default.fileExists(atPath: folder.log))
        #expect(AuditVerify(log: folder.log, publicKey: nil).run(output: { _ in }, errors: { _ in }) == 2)
    }

    /// Runs every command that only reads the log on `path`: name, status, stderr.
    func readOnlyCommands(_ path: String) -> [(String, Int32, String)] {
        var results: [(String, Int32, String)] = []
        func run(_ name: String, _ body: ((String) -> Void) -> Int32) {
            var errors = ""
            let status = body { errors += $0 }
            results.append((name, status, errors))
        }
        run("list") { AuditList(log: path, filter: EntryFilter(), format: .table).run(output: { _ in }, errors: $0) }
        run("show") { AuditShow(log: path, id: "1", format: .text).run(output: { _ in }, errors: $0) }
        run("verify") { AuditVerify(log: path, publicKey: nil).run(output: { _ in }, errors: $0) }
        run("export") { AuditExport(log: path, format: .jsonl).run(output: { _ in }, errors: $0) }
        run("replay") { AuditReplay(log: path, id: nil).run(output: { _ in }, errors: $0) }
        return results
    }

    @Test("audit commands refuse an empty file, and leave it empty with its time unchanged; evaluate may still make it a log")
    func emptyFileForAudit() throws {
        let folder = try LogFolder()
        #expect(FileManager.default.createFile(atPath: folder.log, contents: Data()))
        let past = Date(timeIntervalSince1970: 1_700_000_000)
        try FileManager.default.setAttributes([.modificationDate: past], ofItemAtPath: folder.log)
        for (name, status, errors) in readOnlyCommands(folder.log) {
            #expect(status == 2, "audit \(name)")
            #expect(errors.contains("error[not-a-decision-log] `\(folder.log)` is empty (0 bytes), so it is not a Gavel decision log"), "audit \(name): \(errors)")
        }
        let attributes = try FileManager.default.attributesOfItem(atPath: folder.log)
        #expect((attributes[.size] as? Int) == 0)
        #expect((attributes[.modificationDate] as? Date) == past)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["decisions.sqlite"])
        // An empty SQLite database (a header, no tables) is not made a log by a reader either.
        let database = folder.path + "/empty-database.sqlite"
        _ = try DatabaseQueue(path: database).write { try $0.execute(sql: "CREATE TABLE t (x); DROP TABLE t") }
        let before = try bytes(database)
        for (name, status, errors) in readOnlyCommands(database) {
            #expect(status == 2, "audit \(name)")
            #expect(errors.contains("it is an empty database"), "audit \(name): \(errors)")
        }
        #expect(try bytes(database) == before)
        #expect(try DatabaseQueue(path: database).read { try Int32.fetchOne($0, sql: "PRAGMA application_id") } == 0)
        // Writing is what may start a log in an empty file.
        guard case .success = DecisionLogAccess.forAppending(folder.log) else {
            Issue.record("evaluate's open refused an empty file")
            return
        }
        #expect(try LogVerifier.verify(try folder.store()).intact)
    }

    @Test("audit commands given a missing path create nothing there")
    func missingForEveryReader() throws {
        let folder = try LogFolder()
        for (name, status, errors) in readOnlyCommands(folder.log) {
            #expect(status == 2, "audit \(name)")
            #expect(errors.contains("there is no decision log at `\(folder.log)`"), "audit \(name): \(errors)")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == [])
    }

    @Test("a log cut short is a read problem: audit commands say it is damaged, advise a copy, not --no-log, and leave it as it was")
    func truncatedForAudit() throws {
        for length in [100_000, 131_072] as [UInt64] {
            let folder = try LogFolder()
            try ReadOnlyLogTests.logOfFour(folder)
            let file = try #require(FileHandle(forWritingAtPath: folder.log))
            try file.truncate(atOffset: length)
            try file.close()
            let before = try bytes(folder.log)
            for (name, status, errors) in readOnlyCommands(folder.log) {
                #expect(status == 2, "audit \(name)")
                #expect(errors.contains("error[log-unreadable] the decision log `\(folder.log)` is damaged: expected a complete SQLite database"), "audit \(name): \(errors)")
                #expect(errors.contains("help: nothing was changed; restore the log from a copy"), "audit \(name): \(errors)")
                #expect(!errors.contains("--no-log") && !errors.contains("log-unwritable"), "audit \(name): \(errors)")
            }
            #expect(try bytes(folder.log) == before)
            do {
                _ = try SQLiteDecisionStore.open(folder.log, create: false, readOnly: true)
                Issue.record("a log cut short was opened")
            } catch let diagnostic as Diagnostic {
                #expect(diagnostic.code == .logUnreadable)
                #expect(diagnostic.message.contains("is damaged"))
            }
        }
    }

    @Test("a log overwritten past its first page opens, and reading it says it is damaged, not that it cannot be written")
    func overwrittenForAudit() throws {
        let folder = try LogFolder()
        try ReadOnlyLogTests.logOfFour(folder)
        let size = try bytes(folder.log).count
        let file = try #require(FileHandle(forWritingAtPath: folder.log))
        try file.seek(toOffset: 65_536)
        try file.write(contentsOf: Data(repeating: 0xFF, count: size - 65_536))
        try file.close()
        let before = try bytes(folder.log)
        for (name, status, errors) in readOnlyCommands(folder.log) {
            #expect(status == 2, "audit \(name)")
            #expect(errors.contains("error[log-unreadable] the decision log `\(folder.log)` is damaged"), "audit \(name): \(errors)")
            #expect(errors.contains("restore the log from a copy"), "audit \(name): \(errors)")
        }
        #expect(try bytes(folder.log) == before)
    }

    @Test("gavel evaluate with a log it cannot use decides and prints nothing, exits 2 and names the path")
    func evaluateFailsClosed() throws {
        let folder = try LogFolder()
        let bundle = try TemporaryBundle(LogFixtures.bundleFiles)
        let cases = try folder.write("c.jsonl", LogFixtures.cases(3))
        let notes = try folder.write("notes.txt", "meeting notes\n")
        let run = try GavelProcess.run(["evaluate", cases, "--policies", bundle.path, "--log", notes], in: folder.path)
        #expect(run.status == 2)
        #expect(run.output == "")
        #expect(run.errors.contains("`\(notes)` is not a Gavel decision log"))
        #expect(run.errors.contains("nothing was decided"))
        #expect(try bytes(notes) == Data("meeting notes\n".utf8))
    }

    @Test("when an append fails mid-run, the chunk is not printed, the run stops with 2, and what was printed is logged")
    func appendFailsMidRun() throws {
        let folder = try LogFolder()
        let bundle = try TemporaryBundle(LogFixtures.bundleFiles)
        let cases = try folder.write("c.jsonl", LogFixtures.cases(200))
        let real = try SQLiteDecisionStore.open(folder.log, create: true)
        var run = EvaluateRun(
            cases: [cases], policies: bundle.path, asOf: Instant.parse("2024-06-01"), format: .jsonl, strict: false,
            now: Instant(secondsSinceEpoch: 0, isDateOnly: false), jobs: 1).inTestCache()
        run.log = FailingStore(real: real, failingCase: "c-150")
        var output = "", errors = ""
        #expect(run.run(output: { output += $0 }, errors: { errors += $0 }) == 2)
        let printed = output.split(separator: "\n").map(String.init)
        let logged = try real.entries(EntryFilter()).map { String(decoding: $0.entry.record, as: UTF8.self) }
        // Which chunks shared a transaction depends on timing; what may not: nothing unlogged is printed.
        #expect(printed.count <= 150 && printed.count % 64 == 0)
        #expect(printed == logged)
        #expect(errors.contains("error[log-unwritable] disk full"))
        #expect(errors.contains("decisions that cannot be logged are not printed"))
    }
}

/// A store that fails, as a full disk would, from the append that holds `failingCase` on.
struct FailingStore: DecisionStore {
    let real: SQLiteDecisionStore
    let failingCase: String
    var location: String { real.location }

    func append(_ entries: [LogEntry], blobs: [Blob], loggedAt: String) throws -> ChainHead? {
        guard !entries.contains(where: { $0.caseID == failingCase }) else { throw Diagnostic.log(.logUnwritable, "disk full", path: nil) }
        return try real.append(entries, blobs: blobs, loggedAt: loggedAt)
    }
    func append(loggedAt: String, building make: ([ChainedEntry]) throws -> [LogEntry]) throws -> ChainHead? {
        try real.append(loggedAt: loggedAt, building: make)
    }
    func head() throws -> ChainHead? { try real.head() }
    func scanEntries(_ body: (StoredRow) throws -> Bool) throws { try real.scanEntries(body) }
    func scanBlobs(_ body: ([UInt8], [UInt8]) throws -> Bool) throws { try real.scanBlobs(body) }
    func blob(_ key: SHA256Key) throws -> [UInt8]? { try real.blob(key) }
    func hasBlob(_ key: SHA256Key) throws -> Bool { try real.hasBlob(key) }
    func entries(_ filter: EntryFilter) throws -> [ChainedEntry] { try real.entries(filter) }
    func summaries(_ filter: EntryFilter, _ body: (EntrySummary) throws -> Bool) throws { try real.summaries(filter, body) }
    func entry(seq: Int64) throws -> ChainedEntry? { try real.entry(seq: seq) }
    func latestEntry(recordID: String) throws -> ChainedEntry? { try real.latestEntry(recordID: recordID) }
    func addCheckpoint(_ checkpoint: Checkpoint) throws { try real.addCheckpoint(checkpoint) }
    func checkpoints() throws -> [Checkpoint] { try real.checkpoints() }
}

/// An older schema opens, migrates, and keeps its entries verifiable.
@Suite("decision log: schema migration")
struct LogMigrationTests {
    /// A log as the release before schema v3 wrote it (its header says how it was made), and its checkpoint's public key.
    static let fixture = Repository.fixtures.appendingPathComponent("logs/schema-v2.sql").path
    static let publicKey = Repository.fixtures.appendingPathComponent("logs/schema-v2.pub").path

    /// The fixture as an SQLite file again; at schema v1 without what v2 added
    /// (the checkpoint table: entries were written alike by both).
    static func oldLog(_ folder: LogFolder, version: Int) throws {
        let queue = try DatabaseQueue(path: folder.log)
        try queue.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA application_id = \(LogSchema.applicationID)")
            try db.execute(sql: try String(contentsOfFile: fixture, encoding: .utf8))
            if version == 1 { try db.execute(sql: "DROP TABLE checkpoint; DELETE FROM grdb_migrations WHERE identifier = 'v2'") }
        }
        try queue.close()
    }

    @Test("a log written with an older schema migrates to the current one, its entries still verify, and new ones chain on", arguments: [1, 2])
    func migrates(from version: Int) throws {
        let folder = try LogFolder()
        try Self.oldLog(folder, version: version)
        let store = try folder.store()
        let applied = try store.queue.read { try String.fetchAll($0, sql: "SELECT identifier FROM grdb_migrations ORDER BY identifier") }
        #expect(applied == (1...LogSchema.versions).map(LogSchema.identifier))
        let old = try store.entries(EntryFilter())
        #expect(old.count == 6)
        // Nothing was recorded of --explain-screening then (entry 4 was evaluated with it): NULL, hashed as gavel-log-entry/1.
        #expect(old.allSatisfy { $0.entry.explainScreening == nil })
        #expect(old.allSatisfy { EntryHash.of(seq: $0.seq, loggedAt: $0.loggedAt, entry: $0.entry, previous: $0.previousHash) == $0.hash })
        #expect(try LogVerifier.verify(store).intact)
        var shown = ""
        #expect(AuditShow(log: folder.log, id: "4", format: .json).run(output: { shown += $0 }, errors: { _ in }) == 0)
        #expect(shown.hasPrefix(#"{"id":"gvl-"#))

        // A decision appended now records the flag, and chains on from the old head.
        let bundle = try TemporaryBundle(LogFixtures.bundleFiles)
        let cases = try folder.write("near.yaml", "kind: Case\nid: near\ncustomer: { name: Acme Hate Forums }\n")
        #expect(try LogFixtures.evaluate([cases], policies: bundle.path, log: folder.log, format: .text, explainScreening: true).status == 0)
        let added = try #require(try folder.store().entry(seq: 7))
        #expect(added.entry.explainScreening == true)
        #expect(added.previousHash == old.last?.hash)
        #expect(try LogVerifier.verify(folder.store()).intact)
        if version == 2 {
            // The old release's signed checkpoint still holds.
            #expect(AuditVerify(log: folder.log, publicKey: Self.publicKey).run(output: { _ in }, errors: { _ in }) == 0)
        }
        // Checkpoints work on the migrated log.
        #expect(AuditKeygen(prefix: folder.path + "/k").run(output: { _ in }, errors: { _ in }) == 0)
        #expect(AuditCheckpoint(log: folder.log, key: folder.path + "/k.key").run(output: { _ in }, errors: { _ in }) == 0)
        #expect(AuditVerify(log: folder.log, publicKey: folder.path + "/k.pub").run(output: { _ in }, errors: { _ in }) == 0)
    }

    @Test("an old entry given an explain_screening value after the migration is caught: it no longer hashes as it was written")
    func oldEntryGivenTheFlag() throws {
        let folder = try LogFolder()
        try Self.oldLog(folder, version: 2)
        _ = try folder.store()
        try folder.tamper("UPDATE entry SET explain_screening = 0 WHERE seq = 2")
        let report = try LogVerifier.verify(folder.store())
        #expect(!report.intact)
        #expect(report.problem?.description.contains("entry 2 (") == true, "\(report.problem?.description ?? "")")
    }
}

/// A log that cannot be written where it is (an archived copy on read-only
/// media, a folder the auditor may not write in) is still read and verified,
/// as it is, without the files SQLite would add beside it. Tests run as root,
/// for whom every file is writable, so the read-only open is asked for directly.
@Suite("decision log: read where it cannot be written")
struct ReadOnlyLogTests {
    /// Four decisions, with everything checkpointed into the database file: the
    /// writing run's connection may still be closing on its log thread, and
    /// until it has, its write-ahead file holds entries (which the read-only
    /// open rightly refuses).
    static func logOfFour(_ folder: LogFolder) throws {
        let bundle = try TemporaryBundle(LogFixtures.bundleFiles)
        #expect(try LogFixtures.evaluate([try folder.write("c.jsonl", LogFixtures.cases(4))], policies: bundle.path, log: folder.log).status == 0)
        var config = Configuration()
        config.busyMode = .timeout(10)
        let queue = try DatabaseQueue(path: folder.log, configuration: config)
        try queue.writeWithoutTransaction { try $0.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
        try queue.close()
    }

    static func files(_ folder: LogFolder) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    }

    @Test("read, listed and verified without a byte written or a file added")
    func readsAsItIs() throws {
        let folder = try LogFolder()
        try Self.logOfFour(folder)
        let before = try Data(contentsOf: URL(fileURLWithPath: folder.log))
        let listing = try Self.files(folder)
        let store = try SQLiteDecisionStore.open(folder.log, create: false, readOnly: true)
        #expect(try store.entries(EntryFilter()).count == 4)
        #expect(try LogVerifier.verify(store).intact)
        #expect(throws: (any Error).self) { try store.queue.write { try $0.execute(sql: "DELETE FROM entry") } }
        #expect(try Data(contentsOf: URL(fileURLWithPath: folder.log)) == before)
        // Nothing added beside it (the writer's own -wal and -shm may go as its connection closes).
        #expect(Set(try Self.files(folder)).isSubset(of: Set(listing)))
    }

    @Test("refused when a write-ahead file holds entries the database does not: read without them, it would look complete")
    func pendingWriteAheadRefused() throws {
        let folder = try LogFolder()
        try Self.logOfFour(folder)
        try Data([1, 2, 3]).write(to: URL(fileURLWithPath: folder.log + "-wal"))
        do {
            _ = try SQLiteDecisionStore.open(folder.log, create: false, readOnly: true)
            Issue.record("opened a log whose write-ahead file was not read")
        } catch let diagnostic as Diagnostic {
            #expect(diagnostic.message.contains("holds entries not yet in it"))
        }
    }

    @Test("an older schema is refused, not migrated, and an empty database is not made a log")
    func olderOrEmptyRefused() throws {
        let folder = try LogFolder()
        do {
            let queue = try DatabaseQueue(path: folder.log)
            try LogSchema.migrator.migrate(queue, upTo: LogSchema.identifier(1))
            try queue.write { try $0.execute(sql: "PRAGMA application_id = \(LogSchema.applicationID)") }
        }
        #expect(throws: Diagnostic.self) { try SQLiteDecisionStore.open(folder.log, create: false, readOnly: true) }
        let applied = try DatabaseQueue(path: folder.log).read { try String.fetchAll($0, sql: "SELECT identifier FROM grdb_migrations") }
        #expect(applied == ["v1"])
        let empty = folder.path + "/empty.sqlite"
        _ = try DatabaseQueue(path: empty).write { try $0.execute(sql: "CREATE TABLE t (x)") ; try $0.execute(sql: "DROP TABLE t") }
        #expect(throws: Diagnostic.self) { try SQLiteDecisionStore.open(empty, create: false, readOnly: true) }
    }
}
