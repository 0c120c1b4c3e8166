import Foundation
import GRDB
import GRDBSQLite
import Testing

@testable import GavelCLI
@testable import GavelEngine
@testable import GavelLog
@testable import GavelSyntax

/// What `evaluate` appends, and that `audit` reads it back as it was printed.
@Suite("decision log: appending and reading")
struct DecisionLogTests {
    @Test("every decision is logged with the record bytes jsonl printed, the case bytes as read and the bundle's files")
    func appends() throws {
        let folder = try LogFolder()
        let bundle = try TemporaryBundle(LogFixtures.bundleFiles)
        let cases = try folder.write("cases.jsonl", LogFixtures.cases(10))
        let run = try LogFixtures.evaluate([cases], policies: bundle.path, log: folder.log)
        #expect(run.status == 0)
        let lines = run.output.split(separator: "\n").map(String.init)
        let store = try folder.store()
        let entries = try store.entries(EntryFilter())
        #expect(entries.map(\.seq) == Array(1...10))
        #expect(entries.map { String(decoding: $0.entry.record, as: UTF8.self) } == lines)
        let caseLines = LogFixtures.cases(10).split(separator: "\n").map { Array($0.utf8) }
        for (entry, line) in zip(entries, caseLines) {
            let reference = try #require(entry.entry.caseSource)
            #expect(reference.inline == line)
            #expect(reference.format == "jsonl-line")
        }
        let manifestKey = try #require(entries.first?.entry.bundle)
        let manifestBytes = try #require(try store.blob(manifestKey))
        let manifest = try #require(BundleManifestBlob.decode(manifestBytes))
        #expect(manifest.files.map(\.path) == ["bundle.yaml", "lists/names.jsonl", "lists/names.yaml", "policy.yaml"])
        for file in manifest.files {
            let key = try #require(SHA256Key(hex: file.sha256))
            let bytes = try #require(try store.blob(key))
            #expect(bytes == Array((LogFixtures.bundleFiles[file.path] ?? "missing").utf8))
        }
        #expect(entries.first?.entry.matchedRules == ["designated"])
        #expect(try LogVerifier.verify(store).intact)
    }

    @Test("a second run stores no second copy of the bundle's files or of the same case file")
    func contentAddressed() throws {
        let folder = try LogFolder()
        let bundle = try TemporaryBundle(LogFixtures.bundleFiles)
        let cases = try folder.write("cases.yaml", "kind: Case\nid: a\ncustomer: { name: Hamas }\n---\nkind: Case\nid: b\n")
        _ = try LogFixtures.evaluate([cases], policies: bundle.path, log: folder.log)
        let blobCount = { () throws -> Int in
            var n = 0
            try folder.store().scanBlobs { _, _ in
                n += 1
                return true
            }
            return n
        }
        // Four bundle files, the manifest, and one case file holding both documents.
        #expect(try blobCount() == 6)
        _ = try LogFixtures.evaluate([cases], policies: bundle.path, log: folder.log)
        #expect(try blobCount() == 6)
        let entries = try folder.store().entries(EntryFilter())
        #expect(entries.count == 4)
        #expect(entries.map { $0.entry.caseSource?.document } == [0, 1, 0, 1])
        #expect(try LogVerifier.verify(try folder.store()).intact)
    }

    @Test("without a log, evaluate writes none: in-process runs that pass no store log nothing")
    func noStore() throws {
        let folder = try LogFolder()
        let bundle = try TemporaryBundle(LogFixtures.bundleFiles)
        let cases = try folder.write("cases.jsonl", LogFixtures.cases(3))
        let run = try LogFixtures.evaluate([cases], policies: bundle.path, log: nil)
        #expect(run.status == 0)
        #expect(!FileManager.default.fileExists(atPath: folder.log))
    }

    @Test("audit show prints the text trail exactly as evaluate printed it, and the record as logged")
    func show() throws {
        let folder = try LogFolder()
        let bundle = try TemporaryBundle(LogFixtures.bundleFiles)
        let cases = try folder.write("case.yaml", "kind: Case\nid: shown\nas_of: 2024-02-02\ncustomer: { name: Acme Hate Forum }\n")
        let text = try LogFixtures.evaluate([cases], policies: bundle.path, log: folder.log, format: .text)
        let jsonl = try LogFixtures.evaluate([cases], policies: bundle.path, log: nil, format: .jsonl)
        let id = try #require(try folder.store().entries(EntryFilter()).first?.entry.recordID)
        var output = "", errors = ""
        #expect(AuditShow(log: folder.log, id: id, format: .text).run(output: { output += $0 }, errors: { errors += $0 }) == 0)
        #expect(errors == "")
        #expect(output == text.output)
        #expect(output.hasPrefix("DECISION  RESTRICT"))
        output = ""
        #expect(AuditShow(log: folder.log, id: "1", format: .json).run(output: { output += $0 }, errors: { errors += $0 }) == 0)
        #expect(output == jsonl.output)
    }

    @Test("audit show reprints the NEAR MISSES evaluate --explain-screening printed, and none where evaluate printed none")
    func showNearMisses() throws {
        let folder = try LogFolder()
        let bundle = try TemporaryBundle(LogFixtures.bundleFiles)
        // One letter more than the listed name: below the screen's min_score of 1.0, a near miss.
        let cases = try folder.write("near.yaml", "kind: Case\nid: near\nas_of: 2024-02-02\ncustomer: { name: Acme Hate Forums }\n")
        let explained = try LogFixtures.evaluate([cases], policies: bundle.path, log: folder.log, format: .text, explainScreening: true)
        let plain = try LogFixtures.evaluate([cases], policies: bundle.path, log: folder.log, format: .text)
        #expect(explained.output.contains("NEAR MISSES (--explain-screening"))
        #expect(explained.output.contains("names/n1 `Acme Hate Forum`: fuzzy, score 0.9875 < 1.0"))
        #expect(!plain.output.contains("NEAR MISSES"))
        let entries = try folder.store().entries(EntryFilter())
        #expect(entries.map(\.entry.explainScreening) == [true, false])
        // The same record, logged twice: the flag is the run's, not the record's.
        #expect(entries[0].entry.record == entries[1].entry.record)
        for (seq, printed) in [("1", explained.output), ("2", plain.output)] {
            var output = "", errors = ""
            #expect(AuditShow(log: folder.log, id: seq, format: .text).run(output: { output += $0 }, errors: { errors += $0 }) == 0)
            #expect(errors == "")
            #expect(output == printed)
        }
        #expect(try LogVerifier.verify(folder.store()).intact)
    }

    @Test("audit show finds the second document of a YAML file in the file's stored bytes")
    func showSecondDocument() throws {
        let folder = try LogFolder()
        let bundle = try TemporaryBundle(LogFixtures.bundleFiles)
        let both = try folder.write("both.yaml", "kind: Case\nid: first\n---\nkind: Case\nid: second\ncustomer: { name: Hamas }\n")
        let second = try folder.write("second.yaml", "kind: Case\nid: second\ncustomer: { name: Hamas }\n")
        _ = try LogFixtures.evaluate([both], policies: bundle.path, log: folder.log, format: .text)
        let alone = try LogFixtures.evaluate([second], policies: bundle.path, log: nil, format: .text)
        let entry = try #require(try folder.store().entry(seq: 2))
        #expect(entry.entry.caseSource?.document == 1)
        var output = ""
        #expect(AuditShow(log: folder.log, id: "2", format: .text).run(output: { output += $0 }, errors: { _ in }) == 0)
        #expect(output == alone.output)
        #expect(output.hasPrefix("DECISION  TERMINATE"))
    }

    @Test("audit show of an id the log does not have exits 1 and says so")
    func showUnknown() throws {
        let folder = try LogFolder()
        let bundle = try TemporaryBundle(LogFixtures.bundleFiles)
        _ = try LogFixtures.evaluate([try folder.write("c.jsonl", LogFixtures.cases(1))], policies: bundle.path, log: folder.log)
        var errors = ""
        #expect(AuditShow(log: folder.log, id: "gvl-0000", format: .text).run(output: { _ in }, errors: { errors += $0 }) == 1)
        #expect(errors.contains("error[unknown-entry] no entry in the decision log"))
        #expect(errors.contains("`gvl-0000`"))
        #expect(AuditShow(log: folder.log, id: "99", format: .json).run(output: { _ in }, errors: { _ in }) == 1)
    }

    @Test("audit list filters by case, decision, rule and logged date")
    func list() throws {
        let folder = try LogFolder()
        let bundle = try TemporaryBundle(LogFixtures.bundleFiles)
        _ = try LogFixtures.evaluate([try folder.write("c.jsonl", LogFixtures.cases(6))], policies: bundle.path, log: folder.log)
        func ids(_ filter: EntryFilter) throws -> [String] { try folder.store().entries(filter).map(\.entry.caseID) }
        #expect(try ids(EntryFilter(caseID: "c-4")) == ["c-4"])
        #expect(try ids(EntryFilter(decision: "terminate")) == ["c-0", "c-3"])
        #expect(try ids(EntryFilter(rule: "listed")) == ["c-1", "c-4"])
        #expect(try ids(EntryFilter(rule: "liste")) == [])
        let today = String(LogClock.timestamp().prefix(10))
        #expect(try ids(EntryFilter(since: today, until: today)).count == 6)
        #expect(try ids(EntryFilter(until: "2000-01-01")) == [])
        #expect(try ids(EntryFilter(since: "2999-01-01")) == [])
        var output = ""
        #expect(AuditList(log: folder.log, filter: EntryFilter(decision: "restrict"), format: .table).run(output: { output += $0 }, errors: { _ in }) == 0)
        let rows = output.split(separator: "\n")
        #expect(rows.count == 3)
        #expect(rows.first?.hasPrefix("SEQ  ID  ") == true)
        #expect(rows.first?.contains("  CASE  ") == true)
        #expect(rows.dropFirst().allSatisfy { $0.contains("restrict") && $0.contains("2024-01-01") })
        output = ""
        #expect(AuditList(log: folder.log, filter: EntryFilter(caseID: "c-2"), format: .json).run(output: { output += $0 }, errors: { _ in }) == 0)
        let json = try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [[String: Any]]
        #expect(json?.map { $0["seq"] as? Int } == [3])
        #expect(json?.first?["decision"] as? String == "no_action")
        output = ""
        #expect(AuditList(log: folder.log, filter: EntryFilter(caseID: "none"), format: .json).run(output: { output += $0 }, errors: { _ in }) == 0)
        #expect(output == "[]\n")
        #expect(AuditList.bound("2024-02-30", roundingUp: false) == nil)
        #expect(AuditList.bound("2024-02-03T10:00:00+02:00", roundingUp: true) == "2024-02-03T08:00:00")
    }

    @Test("audit list marks a decision whose rules were in error (--strict, a fact missing), from its record, in the table and the JSON")
    func listRulesInError() throws {
        let folder = try LogFolder()
        let bundle = try TemporaryBundle(LogFixtures.bundleFiles)
        // No customer.name: under --strict both rules read a missing path and are in error; without it, neither is.
        let cases = try folder.write("c.jsonl", #"{"kind":"Case","id":"named","customer":{"name":"Hamas"}}"# + "\n" + #"{"kind":"Case","id":"unnamed"}"# + "\n")
        #expect(try LogFixtures.evaluate([cases], policies: bundle.path, log: folder.log, strict: true).status == 2)
        #expect(try LogFixtures.evaluate([cases], policies: bundle.path, log: folder.log).status == 0)
        let strictRecord = try #require(try folder.store().entry(seq: 2))
        #expect(String(decoding: strictRecord.entry.record, as: UTF8.self).contains(#""status":"error""#))

        var output = ""
        #expect(AuditList(log: folder.log, filter: EntryFilter(), format: .table).run(output: { output += $0 }, errors: { _ in }) == 0)
        let rows = output.split(separator: "\n").map(String.init)
        #expect(rows.count == 5)
        #expect(rows[0].hasSuffix("  LOGGED AT                 IN ERROR"), "\(rows[0])")
        #expect(rows[2].hasSuffix("Z  2 rules"), "\(rows[2])")
        for row in [rows[1], rows[3], rows[4]] { #expect(row.hasSuffix("Z"), "\(row)") }

        output = ""
        #expect(AuditList(log: folder.log, filter: EntryFilter(), format: .json).run(output: { output += $0 }, errors: { _ in }) == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [[String: Any]])
        #expect(json.map { $0["rules_in_error"] as? [String] } == [[], ["designated", "listed"], [], []])
        #expect(output.contains(#""matched":[],"rules_in_error":["designated","listed"],"hash":"#))
    }

    @Test("--since after --until is a usage error; a date and a time of that day are not")
    func ranges() throws {
        #expect(throws: AuditList.RangeProblem.self) { try AuditList.range(since: "2030-01-01", until: "2020-01-01").get() }
        #expect(throws: AuditList.RangeProblem.self) { try AuditList.range(since: "2024-01-01T10:00:00Z", until: "2024-01-01T09:00:00Z").get() }
        let sameDay = try AuditList.range(since: "2024-01-01T10:00:00Z", until: "2024-01-01").get()
        #expect(sameDay.since == "2024-01-01T10:00:00" && sameDay.until == "2024-01-01")
        #expect(try AuditList.range(since: nil, until: nil).get().since == nil)
        if case .failure(let problem) = AuditList.range(since: "2024-02-30", until: nil) {
            #expect(problem.message == "--since must be a date (YYYY-MM-DD) or an RFC 3339 timestamp, found `2024-02-30`")
        } else {
            Issue.record("an impossible date was taken")
        }
    }

    @Test("a case decided at another trace level is logged with it and shown again the same")
    func traceLevels() throws {
        let folder = try LogFolder()
        let bundle = try TemporaryBundle(LogFixtures.bundleFiles)
        let cases = try folder.write("c.yaml", "kind: Case\nid: t\ncustomer: { name: Hamas }\n")
        let full = try LogFixtures.evaluate([cases], policies: bundle.path, log: folder.log, format: .text, trace: .full)
        let entry = try #require(try folder.store().entry(seq: 1))
        #expect(entry.entry.traceLevel == "full")
        #expect(entry.entry.asOfSource == "flag")
        var output = ""
        #expect(AuditShow(log: folder.log, id: entry.entry.recordID, format: .text).run(output: { output += $0 }, errors: { _ in }) == 0)
        #expect(output == full.output)
    }
}

@Suite("decision log: record ids")
struct RecordIDTests {
    @Test("the record id read from a record's first bytes is the id the record was written with")
    func fromRecord() throws {
        let folder = try LogFolder()
        let bundle = try TemporaryBundle(LogFixtures.bundleFiles)
        let run = try LogFixtures.evaluate([try folder.write("c.jsonl", LogFixtures.cases(3))], policies: bundle.path, log: nil)
        for line in run.output.split(separator: "\n") {
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            #expect(LoggedDecision.recordID(in: Array(line.utf8)) == object?["id"] as? String)
        }
        #expect(LoggedDecision.recordID(in: Array(#"{"id":"gvl-12"}"#.utf8)) == nil)
        #expect(LoggedDecision.recordID(in: Array(#"{"case":{"id":"gvl-00000000000000000000000000000000"}}"#.utf8)) == nil)
    }
}

/// A log's page cache stays at its configured size however much is appended,
/// for a log made by this run and for one opened again: a run over a large
/// batch must not hold every page it wrote.
@Suite("decision log: memory")
struct DecisionLogMemoryTests {
    @Test("appending 90 MB to a log keeps its page cache within 16 MB", arguments: [false, true])
    func cacheStaysBounded(reopened: Bool) throws {
        let folder = try LogFolder()
        if reopened { _ = try SQLiteDecisionStore.open(folder.log, create: true) }
        let store = try SQLiteDecisionStore.open(folder.log, create: true)
        let record = [UInt8](repeating: UInt8(ascii: "x"), count: 2_100)
        let line = [UInt8](repeating: UInt8(ascii: "y"), count: 420)
        var seq = 0
        // As `evaluate` appends: 4,096 decisions a transaction, each with its record and case line.
        for _ in 0 ..< 8 {
            let entries = (0 ..< 4_096).map { _ -> LogEntry in
                seq += 1
                return LogEntry(
                    recordID: "gvl-\(seq)", caseID: "c\(seq)", decision: "no_action", asOf: "2025-01-01", asOfSource: "flag",
                    traceLevel: "decisive", engineVersion: "test", strict: false, matchedRules: ["r"], record: record,
                    caseSource: CaseReference(bytes: .inline(line), format: "jsonl-line", document: seq, file: "cases.jsonl", line: seq),
                    bundle: nil)
            }
            // The first transaction also stores the bundle's files, as a run's does.
            let blobs = seq == 4_096 ? (0 ..< 5).map { Blob(Array("bundle file \($0)".utf8)) } : []
            _ = try store.append(entries, blobs: blobs, loggedAt: "2026-12-02T00:00:00Z")
        }
        let used = try store.queue.read { db -> Int32 in
            var current: Int32 = 0, highest: Int32 = 0
            sqlite3_db_status(db.sqliteConnection, SQLITE_DBSTATUS_CACHE_USED, &current, &highest, 0)
            return current
        }
        // 32,768 entries of about 2.7 KB: 90 MB written.
        #expect(used > 1 << 20, "the cache was not measured (\(used) bytes)")
        #expect(used < 20 << 20, "the page cache holds \(used >> 20) MB after 90 MB appended")
    }
}
