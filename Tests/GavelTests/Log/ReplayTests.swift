import Foundation
import GRDB
import Testing

@testable import GavelCLI
@testable import GavelEngine
@testable import GavelLog
@testable import GavelSyntax

/// `gavel audit replay`: decided again from what the log stored, never from the files as they are now.
@Suite("decision log: replay")
struct ReplayTests {
    func replay(_ folder: LogFolder, _ id: String?) -> (status: Int32, output: String, errors: String) {
        var output = "", errors = ""
        let status = AuditReplay(log: folder.log, id: id, jobs: 2).run(output: { output += $0 }, errors: { errors += $0 })
        return (status, output, errors)
    }

    /// A log of `count` decisions; the bundle folder is gone when this returns, so nothing can be read from it.
    func logged(_ count: Int, cases: String? = nil) throws -> LogFolder {
        let folder = try LogFolder()
        let bundle = try TemporaryBundle(LogFixtures.bundleFiles)
        let file = try folder.write("cases.jsonl", cases ?? LogFixtures.cases(count))
        #expect(try LogFixtures.evaluate([file], policies: bundle.path, log: folder.log).status == 0)
        try FileManager.default.removeItem(atPath: file)
        return folder
    }

    @Test("a logged decision replays byte for byte from the stored case and bundle, with the files gone")
    func reproduces() throws {
        let folder = try logged(3)
        let id = try #require(try folder.store().entry(seq: 2)).entry.recordID
        let run = replay(folder, id)
        #expect(run.status == 0, "\(run.errors)")
        #expect(run.output.hasPrefix("reproduced: entry 2 (\(id), case c-1)"))
        #expect(run.output.contains("byte for byte"))
        let all = replay(folder, nil)
        #expect(all.status == 0)
        #expect(all.output == "3 reproduced, 0 differ\n")
        #expect(all.errors == "")
    }

    @Test("a decision made as of a fixed --as-of replays with that date and reproduces exactly")
    func fixedAsOf() throws {
        let folder = try logged(1, cases: "{\"kind\":\"Case\",\"id\":\"undated\",\"customer\":{\"name\":\"Hamas\"}}\n")
        let entry = try #require(try folder.store().entry(seq: 1))
        #expect(entry.entry.asOf == "2024-06-01")
        #expect(entry.entry.asOfSource == "flag")
        #expect(replay(folder, "1").status == 0)
    }

    /// The record of entry `seq` edited in the file (and, with `decision`, the column that repeats its
    /// decision), and every hash from it on recomputed with the log's own hashing: with the column edited
    /// too, a forger's rewrite that `verify` cannot see without a checkpoint, but replay can.
    func rewrite(_ folder: LogFolder, seq: Int64, decision: String? = nil, _ edit: (String) -> String) throws {
        var entries = try folder.store().entries(EntryFilter())
        let index = try #require(entries.firstIndex { $0.seq == seq })
        entries[index].entry.record = Array(edit(String(decoding: entries[index].entry.record, as: UTF8.self)).utf8)
        if let decision { entries[index].entry.decision = decision }
        var previous = SHA256Key.zero
        for i in entries.indices {
            entries[i].previousHash = previous
            entries[i].hash = EntryHash.of(seq: entries[i].seq, loggedAt: entries[i].loggedAt, entry: entries[i].entry, previous: previous)
            previous = entries[i].hash
            try folder.tamper(
                "UPDATE entry SET record = ?, decision = ?, prev_hash = ?, hash = ? WHERE seq = ?",
                arguments: [
                    Data(entries[i].entry.record), entries[i].entry.decision, Data(entries[i].previousHash.bytes), Data(entries[i].hash.bytes),
                    entries[i].seq,
                ])
        }
    }

    @Test("a stored record changed and re-chained is caught by verify where its columns still say otherwise")
    func recordAgainstColumns() throws {
        let folder = try logged(2)
        try rewrite(folder, seq: 1) { $0.replacingOccurrences(of: "\"decision\":\"terminate\"", with: "\"decision\":\"no_action\"") }
        var errors = ""
        #expect(AuditVerify(log: folder.log, publicKey: nil).run(output: { _ in }, errors: { errors += $0 }) == 1)
        #expect(errors.contains("entry 1 (gvl-"))
        #expect(errors.contains("its `decision` column is \"terminate\" but its record says \"no_action\""), "\(errors)")
    }

    @Test("a stored record and its columns changed and re-chained pass verify, but replay shows the difference field by field")
    func differs() throws {
        let folder = try logged(4)
        let original = try #require(try folder.store().entry(seq: 1))
        #expect(original.entry.decision == "terminate")
        try rewrite(folder, seq: 1, decision: "no_action") {
            $0.replacingOccurrences(of: "\"decision\":\"terminate\"", with: "\"decision\":\"no_action\"")
        }
        var verifyOutput = ""
        #expect(AuditVerify(log: folder.log, publicKey: nil).run(output: { verifyOutput += $0 }, errors: { _ in }) == 0)
        #expect(verifyOutput.hasPrefix("intact: 4 entries"))

        let one = replay(folder, original.entry.recordID)
        #expect(one.status == 1)
        #expect(one.output.hasPrefix("differs: entry 1 (\(original.entry.recordID), case c-0)"))
        #expect(one.output.contains("\n  ~ decision: logged \"no_action\", replayed \"terminate\"\n"))
        let all = replay(folder, nil)
        #expect(all.status == 1)
        #expect(all.output.hasSuffix("3 reproduced, 1 differ\n"))
        #expect(all.output.contains("~ decision: logged \"no_action\", replayed \"terminate\""))
        // show refuses to render a trail the record does not back, and points at replay.
        var errors = ""
        #expect(AuditShow(log: folder.log, id: "1", format: .text).run(output: { _ in }, errors: { errors += $0 }) == 2)
        #expect(errors.contains("gavel audit replay 1"))
    }

    @Test("the field-level diff names added, removed and changed fields in document order, and says when only bytes differ")
    func diffLines() {
        let logged = Array(#"{"id":"a","decision":"terminate","rules":[{"id":"r","status":"matched"}],"extra":1}"#.utf8)
        let replayed = Array(#"{"id":"a","decision":"no_action","rules":[{"id":"r","status":"not_matched"}],"new":[]}"#.utf8)
        #expect(
            RecordDiff.lines(logged: logged, replayed: replayed) == [
                "~ decision: logged \"terminate\", replayed \"no_action\"",
                "~ rules[0].status: logged \"matched\", replayed \"not_matched\"",
                "- extra: logged 1, replayed (absent)",
                "+ new: logged (absent), replayed []",
            ])
        let reordered = Array(#"{"decision":"terminate","id":"a"}"#.utf8)
        #expect(RecordDiff.lines(logged: Array(#"{"id":"a","decision":"terminate"}"#.utf8), replayed: reordered).first?.contains("differ in their bytes") == true)
        let many = (0..<30).map { "\"k\($0)\":\($0)" }.joined(separator: ",")
        let lines = RecordDiff.lines(logged: Array("{\(many)}".utf8), replayed: Array("{}".utf8))
        #expect(lines.count == 21)
        // Thirty fields gone, and the replayed record is an empty object: 31 differences, 20 shown.
        #expect(lines.last == "… and 11 more differing fields")
    }

    @Test("an unknown id exits 1; an override's id replays the decision it is about")
    func ids() throws {
        let folder = try logged(2)
        #expect(replay(folder, "gvl-00000000000000000000000000000000").status == 1)
        #expect(replay(folder, "9").status == 1)
        var output = ""
        #expect(
            AuditHumanDecision(log: folder.log, id: "2", action: .override(decision: "suspend", basis: "ToS §1"), by: "a", reason: "b")
                .run(output: { output += $0 }, errors: { _ in }) == 0)
        let run = replay(folder, "3")
        #expect(run.status == 0)
        #expect(run.output.hasPrefix("reproduced: entry 2 "))
        #expect(replay(folder, nil).output == "2 reproduced, 0 differ\n")
    }

    @Test("replay --all on a pipe prints no progress, and the progress line says done, rate and ETA")
    func progress() throws {
        let folder = try logged(3)
        let run = try GavelProcess.run(["audit", "replay", "--all", "--log", folder.log], in: folder.path)
        #expect(run.status == 0)
        #expect(run.output == "3 reproduced, 0 differ\n")
        #expect(run.errors == "")
        #expect(AuditReplay.progressLine(done: 2_000, total: 10_000, seconds: 2) == "\r\u{1B}[K2000/10000 entries, 1000/s, ETA 8 s")
        #expect(AuditReplay.progressLine(done: 1_000, total: 1_000_000, seconds: 1).hasSuffix("ETA 16 min"))
        let both = try GavelProcess.run(["audit", "replay", "1", "--all", "--log", folder.log], in: folder.path)
        #expect(both.status == 64)
    }

    @Test("show --trace full re-derives the full trace of a decision logged at decisive, and says so")
    func showFullTrace() throws {
        let folder = try LogFolder()
        let bundle = try TemporaryBundle(LogFixtures.bundleFiles)
        let cases = try folder.write("c.yaml", "kind: Case\nid: t\ncustomer: { name: Hamas }\n")
        _ = try LogFixtures.evaluate([cases], policies: bundle.path, log: folder.log, format: .text, trace: .decisive)
        let full = try LogFixtures.evaluate([cases], policies: bundle.path, log: nil, format: .text, trace: .full)
        let fullJSON = try LogFixtures.evaluate([cases], policies: bundle.path, log: nil, format: .jsonl, trace: .full)
        var output = "", errors = ""
        #expect(AuditShow(log: folder.log, id: "1", format: .text, trace: .full).run(output: { output += $0 }, errors: { errors += $0 }) == 0)
        #expect(output == full.output)
        #expect(errors.hasPrefix("gavel: trace `full` re-derived by replaying entry 1's stored case and bundle as of 2024-06-01"))
        output = ""
        errors = ""
        #expect(AuditShow(log: folder.log, id: "1", format: .json, trace: .full).run(output: { output += $0 }, errors: { errors += $0 }) == 0)
        #expect(output == fullJSON.output)
        #expect(!errors.isEmpty)
        // At the level it was logged at there is nothing to re-derive and nothing to say.
        errors = ""
        #expect(AuditShow(log: folder.log, id: "1", format: .text, trace: .decisive).run(output: { _ in }, errors: { errors += $0 }) == 0)
        #expect(errors == "")
    }
}
