import Foundation
import GRDB
import Testing

@testable import GavelCLI
@testable import GavelEngine
@testable import GavelLog
@testable import GavelSyntax

/// The searchable columns repeat facts of the record. A forger who edits one
/// and recomputes every hash after it keeps the chain valid; `verify` and
/// `replay` still hold each column to the record and name the entry.
@Suite("decision log: columns that repeat the record")
struct ColumnTamperingTests {
    /// Three decisions (c-0 terminate, c-1 restrict, c-2 no_action), an override of entry 2 (4) and an appeal of entry 1 (5).
    func log() throws -> LogFolder {
        let folder = try LogFolder()
        let bundle = try TemporaryBundle(LogFixtures.bundleFiles)
        #expect(try LogFixtures.evaluate([try folder.write("c.jsonl", LogFixtures.cases(3))], policies: bundle.path, log: folder.log).status == 0)
        for (id, action) in [("2", AuditHumanDecision.Action.override(decision: "terminate", basis: "ToS")), ("1", .appeal(outcome: .upheld, decision: nil))] {
            #expect(AuditHumanDecision(log: folder.log, id: id, action: action, by: "Reviewer", reason: "Because").run(output: { _ in }, errors: { _ in }) == 0)
        }
        return folder
    }

    /// Edits entry `seq` as `edit` does and writes every entry from it on again with recomputed hashes, as the forger would.
    func rechain(_ folder: LogFolder, seq: Int64, _ edit: (inout LogEntry) -> Void) throws {
        var entries = try folder.store().entries(EntryFilter())
        var previous = SHA256Key.zero
        for index in entries.indices {
            if entries[index].seq == seq { edit(&entries[index].entry) }
            let e = entries[index].entry
            let hash = EntryHash.of(seq: entries[index].seq, loggedAt: entries[index].loggedAt, entry: e, previous: previous)
            try folder.tamper(
                """
                UPDATE entry SET record_id = ?, case_id = ?, decision = ?, rules = ?, as_of = ?, as_of_source = ?, trace_level = ?,
                engine_version = ?, strict = ?, prev_hash = ?, hash = ? WHERE seq = ?
                """,
                arguments: [
                    e.recordID, e.caseID, e.decision, LogEntry.rulesColumn(e.matchedRules), e.asOf, e.asOfSource, e.traceLevel, e.engineVersion,
                    e.strict ? 1 : 0, Data(previous.bytes), Data(hash.bytes), entries[index].seq,
                ])
            previous = hash
        }
    }

    func verify(_ folder: LogFolder) -> (status: Int32, errors: String) {
        var errors = ""
        let status = AuditVerify(log: folder.log, publicKey: nil).run(output: { _ in }, errors: { errors += $0 })
        return (status, errors)
    }

    struct Edit: Sendable, CustomTestStringConvertible {
        var seq: Int64
        var column: String
        var apply: @Sendable (inout LogEntry) -> Void
        var testDescription: String { "entry \(seq) `\(column)`" }
    }

    static let decisionEdits: [Edit] = [
        Edit(seq: 1, column: "decision") { $0.decision = "no_action" },
        Edit(seq: 1, column: "rules") { $0.matchedRules = [] },
        Edit(seq: 2, column: "rules") { $0.matchedRules = ["designated"] },
        Edit(seq: 3, column: "case_id") { $0.caseID = "c-9" },
        Edit(seq: 3, column: "record_id") { $0.recordID = "gvl-00000000000000000000000000000000" },
        Edit(seq: 3, column: "as_of") { $0.asOf = "2024-01-02" },
        Edit(seq: 3, column: "as_of_source") { $0.asOfSource = "flag" },
        Edit(seq: 3, column: "trace_level") { $0.traceLevel = "full" },
        Edit(seq: 3, column: "engine_version") { $0.engineVersion = "0.0.1" },
    ]

    @Test("a decision's column rewritten with the chain recomputed: verify and replay exit 1 naming the entry and the column", arguments: decisionEdits)
    func decisionColumn(edit: Edit) throws {
        let folder = try log()
        #expect(verify(folder).status == 0)
        try rechain(folder, seq: edit.seq, edit.apply)
        let (status, errors) = verify(folder)
        #expect(status == 1)
        #expect(errors.contains("entry \(edit.seq) ("), "\(errors)")
        #expect(errors.contains("its `\(edit.column)` column is"), "\(errors)")

        var output = ""
        #expect(AuditReplay(log: folder.log, id: String(edit.seq)).run(output: { output += $0 }, errors: { _ in }) == 1)
        #expect(output.contains("differs: entry \(edit.seq) ("), "\(output)")
        output = ""
        #expect(AuditReplay(log: folder.log, id: nil).run(output: { output += $0 }, errors: { _ in }) == 1)
        #expect(output.hasSuffix("2 reproduced, 1 differ\n"), "\(output)")
    }

    static let humanEdits: [(Edit, String)] = [
        (Edit(seq: 4, column: "decision") { $0.decision = "no_action" }, "its `decision` column is"),
        (Edit(seq: 4, column: "case_id") { $0.caseID = "c-0" }, "its `case_id` column is"),
        (Edit(seq: 5, column: "record_id") { $0.recordID = "gva-00000000000000000000000000000000" }, "its `record_id` column is"),
        (Edit(seq: 5, column: "as_of") { $0.asOf = "2020-01-01" }, "entry 1, which it refers to"),
        (Edit(seq: 4, column: "strict") { $0.strict = true }, "entry 2, which it refers to"),
    ]

    @Test("an override's or appeal's column rewritten with the chain recomputed is caught at that entry", arguments: humanEdits)
    func humanColumn(edit: Edit, expected: String) throws {
        let folder = try log()
        try rechain(folder, seq: edit.seq, edit.apply)
        let (status, errors) = verify(folder)
        #expect(status == 1)
        #expect(errors.contains("entry \(edit.seq) ("), "\(errors)")
        #expect(errors.contains(expected), "\(errors)")
    }

    @Test("a log of every shipped case, with overrides, holds its columns to its records: nothing is reported")
    func shippedCases() throws {
        let folder = try LogFolder()
        let cases = try FileManager.default.contentsOfDirectory(atPath: Repository.cases).filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".jsonl") }
            .sorted().map { Repository.cases + "/" + $0 }
        _ = try LogFixtures.evaluate(cases, policies: Repository.policies, log: folder.log)
        #expect(AuditHumanDecision(log: folder.log, id: "1", action: .override(decision: "terminate", basis: "ToS"), by: "a", reason: "b")
            .run(output: { _ in }, errors: { _ in }) == 0)
        let (status, errors) = verify(folder)
        #expect(status == 0, "\(errors)")
    }

    @Test("the record scanner reads what the writer writes, escapes included, and refuses what is not one JSON object")
    func scanner() {
        let facts = RecordFacts(Array(#"{"id":"gvl-1","case":{"id":"a\u202Eb\"\ud83d\ude00","digest":"x"},"n":[1,2.5e3,true,null,{}],"\u0061s_of":"2024-01-01","decisio":"x","decisions":"y","rules":[{"id":"r1","status":"matched"},{"id":"r2","status":"suspended"},{"status":"matched","id":"r3"}]}"#.utf8))
        #expect(facts?.id == "gvl-1")
        #expect(facts?.caseID == "a\u{202E}b\"😀")
        #expect(facts?.asOf == "2024-01-01")
        #expect(facts?.matchedRules == ["r1", "r3"])
        // Names are compared as bytes: an escaped one is read unescaped, and one a letter short or long is another name.
        #expect(facts?.decision == nil)
        for bad in ["", "{", #"{"id":"x"} x"#, #"{"id":"\ud800"}"#, "[]", #"{"id":"a"#, "{\"id\":\"a\nb\"}"] {
            #expect(RecordFacts(Array(bad.utf8)) == nil, "\(bad)")
        }
    }
}
