import Foundation
import Testing

@testable import GavelCLI
@testable import GavelEngine
@testable import GavelLog
@testable import GavelLogPostgres
@testable import GavelSyntax

/// The PostgreSQL log against a real server: the SQLite log's chain, byte
/// for byte, concurrent writers on one chain, and every `audit` command.
@Suite("decision log: PostgreSQL")
struct PostgresLogTests {
    static func entry(_ i: Int, inline: Bool = true) -> LogEntry {
        let recordID = "gvl-\(String(format: "%032x", i))"
        let decision = i % 2 == 0 ? "terminate" : "no_action"
        let rules = i % 2 == 0 ? ["a", "b"] : []
        // A rule in error (a strict run, a fact missing) in every third record; no column repeats it.
        let inError = i % 3 == 0 ? [#"{"id":"e","status":"error"}"#] : []
        // The columns repeat the record's facts, and verification holds them to it.
        let record = """
            {"id":"\(recordID)","case":{"id":"c-\(i)"},"engine":{"version":"test"},"as_of":"2024-01-01","as_of_source":"case",\
            "trace_level":"decisive","decision":"\(decision)","rules":[\((rules.map { "{\"id\":\"\($0)\",\"status\":\"matched\"}" } + inError).joined(separator: ","))]}
            """
        return LogEntry(
            recordID: recordID, caseID: "c-\(i)", decision: decision,
            asOf: "2024-01-01", asOfSource: "case", traceLevel: "decisive", engineVersion: "test", strict: i % 3 == 0,
            matchedRules: rules, record: Array(record.utf8),
            caseSource: CaseReference(
                bytes: inline ? .inline(Array("{\"case\":\(i)}".utf8)) : .blob(SHA256Key.of(Array("file".utf8))), format: inline ? "jsonl-line" : "yaml",
                document: 0, file: "cases.jsonl", line: i),
            bundle: manifest.key)
    }

    /// A bundle manifest with no files: what verification checks an entry's bundle against.
    static let manifest = Blob(Array(#"{"format":"gavel-bundle/1","digest":"sha256:0","folder":"b","files":[]}"#.utf8))

    @Test("the same entries appended to SQLite and to PostgreSQL give the same hashes, and both verify")
    func sameChainAsSQLite() throws {
        let folder = try LogFolder()
        let sqlite = try SQLiteDecisionStore.open(folder.log, create: true)
        let postgres = try PostgresDecisionStore.open(try TestPostgres.database(), create: true)
        let blobs = [Self.manifest, Blob(Array("file".utf8))]
        for store in [sqlite as any DecisionStore, postgres] {
            try store.append((1...5).map { Self.entry($0) }, blobs: blobs, loggedAt: "2024-06-01T00:00:00.000Z")
            try store.append((6...9).map { Self.entry($0, inline: false) }, blobs: [], loggedAt: "2024-06-01T00:00:01.000Z")
        }
        let a = try sqlite.entries(EntryFilter()), b = try postgres.entries(EntryFilter())
        #expect(a.count == 9)
        #expect(a == b)
        #expect(try sqlite.head() == postgres.head())
        let report = try LogVerifier.verify(postgres)
        #expect(report.intact, "\(report.problem?.description ?? "")")
        #expect(report.entries == 9 && report.blobs == 2)
        var summaries: [EntrySummary] = []
        try postgres.summaries(EntryFilter(rule: "b")) { summaries.append($0); return true }
        #expect(summaries.map(\.seq) == [2, 4, 6, 8])
        // Rules in error are read from the records, the same from both.
        var fromSQLite: [EntrySummary] = [], fromPostgres: [EntrySummary] = []
        try sqlite.summaries(EntryFilter()) { fromSQLite.append($0); return true }
        try postgres.summaries(EntryFilter()) { fromPostgres.append($0); return true }
        #expect(fromPostgres.filter { !$0.rulesInError.isEmpty }.map(\.seq) == [3, 6, 9])
        #expect(fromPostgres.allSatisfy { $0.rulesInError == ($0.seq % 3 == 0 ? ["e"] : []) })
        #expect(fromSQLite == fromPostgres)
        #expect(try postgres.latestEntry(recordID: Self.entry(7).recordID)?.seq == 7)
    }

    @Test("four writers appending at once make one unbroken chain with every entry")
    func concurrentWriters() async throws {
        let url = try TestPostgres.database()
        _ = try PostgresDecisionStore.open(url, create: true)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for writer in 0..<4 {
                group.addTask {
                    // A store of its own, as another node would have.
                    let store = try PostgresDecisionStore.open(url, create: true)
                    for batch in 0..<25 {
                        let entries = (0..<8).map { Self.entry(writer * 1000 + batch * 8 + $0) }
                        try store.append(entries, blobs: [Self.manifest], loggedAt: LogClock.timestamp())
                    }
                }
            }
            try await group.waitForAll()
        }
        let store = try PostgresDecisionStore.open(url, create: false)
        let report = try LogVerifier.verify(store)
        #expect(report.intact, "\(report.problem?.description ?? "")")
        #expect(report.entries == 800)
        #expect(try TestPostgres.psql(url, "SELECT count(*) FROM blob") == "1")
    }

    @Test("gavel evaluate and every audit command work on a postgres:// log; an edited row is found")
    func auditCommands() throws {
        let url = try TestPostgres.database()
        let folder = try LogFolder()
        let bundle = try TemporaryBundle(LogFixtures.bundleFiles)
        let cases = try folder.write("cases.jsonl", LogFixtures.cases(30))
        let evaluated = try GavelProcess.run(["evaluate", cases, "--policies", bundle.path, "--log", url, "--format", "jsonl"], in: folder.path)
        #expect(evaluated.status == 0, "\(evaluated.errors)")
        let verify = try GavelProcess.run(["audit", "verify", "--log", url], in: folder.path)
        #expect(verify.status == 0, "\(verify.errors)")
        #expect(verify.output.hasPrefix("intact: 30 entries"))
        let list = try GavelProcess.run(["audit", "list", "--log", url, "--decision", "terminate"], in: folder.path)
        #expect(list.status == 0, "\(list.errors)")
        #expect(list.output.split(separator: "\n").count >= 10)
        let firstID = try #require(evaluated.output.split(separator: "\n").first.flatMap { LoggedDecision.recordID(in: Array($0.utf8)) })
        let show = try GavelProcess.run(["audit", "show", firstID, "--log", url], in: folder.path)
        #expect(show.status == 0, "\(show.errors)")
        #expect(show.output.contains("c-0"))
        try TestPostgres.psql(url, "UPDATE entry SET decision = 'no_action' WHERE seq = 7")
        let tampered = try GavelProcess.run(["audit", "verify", "--log", url], in: folder.path)
        #expect(tampered.status == 1)
        #expect(tampered.errors.contains("entry 7"))
    }

    @Test("a log of schema v2 migrates to v3: the old release's entries keep their hashes and verify, and new ones chain on")
    func migratesFromV2() throws {
        // The old release's SQLite log (LogMigrationTests' fixture), its entries appended to PostgreSQL as they were logged.
        let folder = try LogFolder()
        try LogMigrationTests.oldLog(folder, version: 2)
        let sqlite = try folder.store()
        let old = try sqlite.entries(EntryFilter())
        var blobs: [Blob] = []
        try sqlite.scanBlobs { _, bytes in
            blobs.append(Blob(bytes))
            return true
        }
        let url = try TestPostgres.database()
        let postgres = try PostgresDecisionStore.open(url, create: true)
        var appended = 0
        while appended < old.count {
            let loggedAt = old[appended].loggedAt
            let batch = old[appended...].prefix { $0.loggedAt == loggedAt }
            try postgres.append(batch.map(\.entry), blobs: appended == 0 ? blobs : [], loggedAt: loggedAt)
            appended += batch.count
        }
        #expect(try postgres.entries(EntryFilter()) == old)
        // Back to schema v2, as that release made it: no explain_screening column.
        try TestPostgres.psql(url, "ALTER TABLE entry DROP COLUMN explain_screening; DELETE FROM gavel_log_schema WHERE version = 3")
        postgres.close()

        let migrated = try PostgresDecisionStore.open(url, create: false)
        #expect(try TestPostgres.psql(url, "SELECT max(version) FROM gavel_log_schema") == String(PostgresLogSchema.versions))
        #expect(try migrated.entries(EntryFilter()) == old)
        #expect(try LogVerifier.verify(migrated).intact)
        var explained = Self.entry(7)
        explained.explainScreening = true
        try migrated.append([explained], blobs: [Self.manifest], loggedAt: "2026-12-08T00:00:00.000Z")
        #expect(try migrated.entry(seq: 7)?.entry.explainScreening == true)
        let report = try LogVerifier.verify(migrated)
        #expect(report.intact, "\(report.problem?.description ?? "")")
    }

    @Test("a database that is not a Gavel log, or a log of a newer schema, is refused and left as it was")
    func refusesForeignDatabases() throws {
        let foreign = try TestPostgres.database()
        try TestPostgres.psql(foreign, "CREATE TABLE entry (x int)")
        #expect(throws: Diagnostic.self) { try PostgresDecisionStore.open(foreign, create: true) }
        let newer = try TestPostgres.database()
        _ = try PostgresDecisionStore.open(newer, create: true)
        try TestPostgres.psql(newer, "INSERT INTO gavel_log_schema (version) VALUES (99)")
        let error = #expect(throws: Diagnostic.self) { try PostgresDecisionStore.open(newer, create: true) }
        #expect(error?.message.contains("schema version 99") == true)
        let missing = try TestPostgres.database()
        #expect(throws: Diagnostic.self) { try PostgresDecisionStore.open(missing, create: false) }
    }
}
