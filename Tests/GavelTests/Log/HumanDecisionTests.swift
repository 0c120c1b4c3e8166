import Foundation
import GRDB
import Testing

@testable import GavelCLI
@testable import GavelEngine
@testable import GavelLog
@testable import GavelSyntax

/// Overrides and appeals: new chained entries about a logged decision, which is never changed.
@Suite("decision log: overrides and appeals")
struct HumanDecisionTests {
    /// Three decisions: c-0 terminate, c-1 restrict, c-2 no_action.
    func logOfThree() throws -> LogFolder {
        let folder = try LogFolder()
        let bundle = try TemporaryBundle(LogFixtures.bundleFiles)
        #expect(try LogFixtures.evaluate([try folder.write("c.jsonl", LogFixtures.cases(3))], policies: bundle.path, log: folder.log).status == 0)
        return folder
    }

    func record(_ folder: LogFolder, _ id: String, _ action: AuditHumanDecision.Action, by: String = "Reviewer", reason: String = "Because")
        -> (status: Int32, output: String, errors: String)
    {
        var output = "", errors = ""
        let status = AuditHumanDecision(log: folder.log, id: id, action: action, by: by, reason: reason)
            .run(output: { output += $0 }, errors: { errors += $0 })
        return (status, output, errors)
    }

    @Test("an override is a new entry referring to the original, which stays as it was; verify still passes")
    func override() throws {
        let folder = try logOfThree()
        let before = try #require(try folder.store().entry(seq: 3))
        let run = record(folder, before.entry.recordID, .override(decision: "terminate", basis: "Acme Terms of Service §10"), by: "CEO", reason: "Outside the written policy")
        #expect(run.status == 0, "\(run.errors)")
        #expect(run.output.hasPrefix("override: entry 4 (gvo-"))
        #expect(run.output.hasSuffix("about entry 3 (\(before.entry.recordID)): no_action → terminate\n"))
        let store = try folder.store()
        #expect(try store.entry(seq: 3) == before)
        let entry = try #require(try store.entry(seq: 4))
        #expect(entry.entry.kind == .override)
        #expect(entry.entry.refersTo == 3)
        #expect(entry.entry.caseID == "c-2")
        #expect(entry.entry.decision == "terminate")
        #expect(entry.entry.caseSource == nil && entry.entry.bundle == nil)
        let human = try #require(HumanDecisionRecord.decode(entry.entry.record))
        #expect(human.id == entry.entry.recordID)
        #expect(human.refersToSeq == 3 && human.refersToRecordID == before.entry.recordID)
        #expect(human.decisionBefore == "no_action" && human.decisionAfter == "terminate")
        #expect(human.by == "CEO" && human.basis == "Acme Terms of Service §10" && human.reason == "Outside the written policy")
        #expect(human.at == entry.loggedAt)
        #expect(human.bytes == entry.entry.record)
        // The canonical record: keys in the documented order.
        let text = String(decoding: entry.entry.record, as: UTF8.self)
        #expect(text.hasPrefix("{\"id\":\"gvo-"))
        #expect(text.contains(",\"kind\":\"override\",\"refers_to\":{\"seq\":3,\"id\":\"\(before.entry.recordID)\"},\"case\":\"c-2\",\"decision_before\":\"no_action\",\"decision_after\":\"terminate\",\"by\":\"CEO\",\"basis\":\"Acme Terms of Service §10\",\"reason\":\"Outside the written policy\",\"at\":\""))
        #expect(try LogVerifier.verify(store).intact)
    }

    @Test("appeals: upheld keeps, reversed restores the bundle's default, modified replaces; each decision before is the one in effect")
    func appeals() throws {
        let folder = try logOfThree()
        #expect(record(folder, "1", .appeal(outcome: .upheld, decision: nil)).output.hasSuffix("terminate stands\n"))
        #expect(record(folder, "1", .appeal(outcome: .modified, decision: "restrict")).output.hasSuffix("terminate → restrict\n"))
        #expect(record(folder, "1", .appeal(outcome: .reversed, decision: nil)).output.hasSuffix("restrict → no_action\n"))
        let history = try HumanEntries(folder.store()).history(of: try #require(try folder.store().entry(seq: 1)))
        #expect(history.human.map(\.seq) == [4, 5, 6])
        #expect(history.human.map { $0.record.outcome } == [.upheld, .modified, .reversed])
        #expect(history.effectiveDecision == "no_action")
        #expect(history.automation == .notAutomated)
        #expect(try LogVerifier.verify(try folder.store()).intact)
        // An upheld appeal alone: a human reviewed the engine's decision.
        #expect(record(folder, "2", .appeal(outcome: .upheld, decision: nil)).status == 0)
        let upheld = try HumanEntries(folder.store()).history(of: try #require(try folder.store().entry(seq: 2)))
        #expect(upheld.automation == .partially)
        #expect(upheld.effectiveDecision == "restrict")
    }

    @Test("a decision not on the original bundle's ladder, an outcome that does not fit --decision, or an empty text is refused; nothing is appended")
    func refused() throws {
        let folder = try logOfThree()
        let notOnLadder = record(folder, "1", .override(decision: "terminat", basis: "ToS"))
        #expect(notOnLadder.status == 2)
        #expect(notOnLadder.errors.contains("error[bad-human-decision] `terminat` is not a step of the ladder of bundle"))
        #expect(notOnLadder.errors.contains("did you mean `terminate`?"))
        #expect(record(folder, "1", .override(decision: "ban", basis: "ToS")).errors.contains("The ladder is: no_action, monitor, escalate"))
        #expect(record(folder, "1", .appeal(outcome: .modified, decision: nil)).errors.contains("needs --decision"))
        #expect(record(folder, "1", .appeal(outcome: .upheld, decision: "restrict")).errors.contains("not `upheld`"))
        #expect(record(folder, "1", .appeal(outcome: .modified, decision: "freeze")).status == 2)
        #expect(record(folder, "1", .override(decision: "restrict", basis: "ToS"), by: " ").errors.contains("--by is empty"))
        #expect(record(folder, "1", .override(decision: "restrict", basis: ""), by: "a").errors.contains("--basis is empty"))
        #expect(try folder.store().head()?.seq == 3)
    }

    @Test("an unknown id exits 1")
    func unknown() throws {
        let folder = try logOfThree()
        let run = record(folder, "gvl-ffffffffffffffffffffffffffffffff", .override(decision: "restrict", basis: "ToS"))
        #expect(run.status == 1)
        #expect(run.errors.contains("error[unknown-entry]"))
        #expect(record(folder, "42", .appeal(outcome: .upheld, decision: nil)).status == 1)
    }

    @Test("an edited override or appeal is caught by verify at that entry")
    func editedHumanEntry() throws {
        let folder = try logOfThree()
        #expect(record(folder, "1", .appeal(outcome: .reversed, decision: nil)).status == 0)
        #expect(record(folder, "2", .override(decision: "terminate", basis: "ToS"), by: "Alice").status == 0)
        try folder.tamper("UPDATE entry SET record = CAST(replace(CAST(record AS TEXT), 'Alice', 'Mallory') AS BLOB) WHERE seq = 5")
        var errors = ""
        #expect(AuditVerify(log: folder.log, publicKey: nil).run(output: { _ in }, errors: { errors += $0 }) == 1)
        #expect(errors.contains("entry 5 (gvo-"))
        #expect(errors.contains("does not hash to its stored hash"))
    }

    @Test("the decision in effect before an override is read inside its append: an override appended meanwhile is the one it replaces")
    func interleaved() throws {
        let folder = try logOfThree()
        let real = try folder.store()
        // Another reviewer's override lands after this one has looked the decision up, before it appends.
        let store = InterleavingStore(real: real) {
            #expect(record(folder, "3", .override(decision: "restrict", basis: "ToS"), by: "Bob").status == 0)
        }
        var run = AuditHumanDecision(log: folder.log, id: "3", action: .override(decision: "terminate", basis: "ToS"), by: "Alice", reason: "Because")
        run.store = store
        var errors = ""
        #expect(run.run(output: { _ in }, errors: { errors += $0 }) == 0, "\(errors)")
        #expect(store.interleaved)
        let bobEntry = try #require(try real.entry(seq: 4))
        let aliceEntry = try #require(try real.entry(seq: 5))
        let bob = try #require(HumanDecisionRecord.decode(bobEntry.entry.record))
        let alice = try #require(HumanDecisionRecord.decode(aliceEntry.entry.record))
        #expect(bob.by == "Bob" && bob.decisionBefore == "no_action" && bob.decisionAfter == "restrict")
        #expect(alice.by == "Alice" && alice.decisionBefore == "restrict" && alice.decisionAfter == "terminate")
        #expect(try LogVerifier.verify(real).intact)
    }

    @Test("show prints the history and the decision in effect before the trail; list shows and filters on the effective decision")
    func showAndList() throws {
        let folder = try logOfThree()
        #expect(record(folder, "3", .override(decision: "terminate", basis: "Acme Terms of Service §10"), by: "CEO", reason: "Discretion").status == 0)
        #expect(record(folder, "3", .appeal(outcome: .upheld, decision: nil), by: "Panel", reason: "Within the clause").status == 0)
        var output = ""
        #expect(AuditShow(log: folder.log, id: "3", format: .text).run(output: { output += $0 }, errors: { _ in }) == 0)
        let lines = output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.first == "EFFECTIVE DECISION  TERMINATE  (after appeal #5)")
        let history = try #require(lines.firstIndex(of: "HISTORY"))
        #expect(lines[history + 1].hasPrefix("  #3  ") && lines[history + 1].contains("decision  no_action"))
        #expect(lines[history + 2].contains("  override  no_action → terminate  by CEO  gvo-"))
        #expect(lines[history + 3] == "        basis:  Acme Terms of Service §10")
        #expect(lines[history + 4] == "        reason: Discretion")
        #expect(lines[history + 5].contains("  appeal  upheld: terminate stands  by Panel  gva-"))
        #expect(output.contains("DECISION  NO_ACTION"))
        // An override's own id shows the decision it is about.
        var viaOverride = ""
        #expect(AuditShow(log: folder.log, id: "4", format: .text).run(output: { viaOverride += $0 }, errors: { _ in }) == 0)
        #expect(viaOverride == output)

        output = ""
        #expect(AuditList(log: folder.log, filter: EntryFilter(decision: "terminate"), format: .table).run(output: { output += $0 }, errors: { _ in }) == 0)
        let rows = output.split(separator: "\n").map(String.init)
        #expect(rows.first?.contains("  DECISION      EFFECTIVE     AS OF") == true)
        #expect(rows.dropFirst().map { String($0.prefix(3)) } == ["1  ", "3  ", "4  ", "5  "])
        #expect(rows[2].contains("no_action     terminate"))
        output = ""
        #expect(AuditList(log: folder.log, filter: EntryFilter(decision: "no_action"), format: .json).run(output: { output += $0 }, errors: { _ in }) == 0)
        #expect(output == "[]\n")
        // A decision that is no step of any ladder of the log's bundles is a usage error rather than an empty list.
        var complaint = ""
        output = ""
        #expect(AuditList(log: folder.log, filter: EntryFilter(decision: "termnate"), format: .table).run(output: { output += $0 }, errors: { complaint += $0 }) == 64)
        #expect(output.isEmpty, "a usage error prints no table header")
        #expect(complaint == "gavel: `termnate` is not a step of the ladder of any bundle in the log; did you mean `terminate`?\n")
        output = ""
        #expect(AuditList(log: folder.log, filter: EntryFilter(caseID: "c-2"), format: .json).run(output: { output += $0 }, errors: { _ in }) == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [[String: Any]])
        #expect(json.map { $0["effective_decision"] as? String } == ["terminate", "terminate", "terminate"])
        #expect(json.map { $0["refers_to"] as? Int } == [nil, 3, 3])
        #expect(json.map { $0["kind"] as? String } == ["decision", "override", "appeal"])
    }
}

/// A log where someone else appends once, just before this process's next append takes the write lock.
final class InterleavingStore: DecisionStore, @unchecked Sendable {
    let real: SQLiteDecisionStore
    private var meanwhile: (() -> Void)?
    private(set) var interleaved = false
    var location: String { real.location }

    init(real: SQLiteDecisionStore, meanwhile: @escaping () -> Void) {
        self.real = real
        self.meanwhile = meanwhile
    }

    private func interleave() {
        guard let meanwhile else { return }
        self.meanwhile = nil
        meanwhile()
        interleaved = true
    }

    func append(_ entries: [LogEntry], blobs: [Blob], loggedAt: String) throws -> ChainHead? {
        interleave()
        return try real.append(entries, blobs: blobs, loggedAt: loggedAt)
    }
    func append(loggedAt: String, building make: ([ChainedEntry]) throws -> [LogEntry]) throws -> ChainHead? {
        interleave()
        return try real.append(loggedAt: loggedAt, building: make)
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
    func humanEntries() throws -> [ChainedEntry] { try real.humanEntries() }
}

/// `audit list --decision D`: a step of a ladder that nothing has now is a
/// question with an empty answer (exit 0); only a value that is no decision
/// of any ladder in the log is a usage error (64), as `--rule` and `--case` are never one.
@Suite("decision log: list --decision")
struct ListDecisionFilterTests {
    func list(_ log: String, decision: String, format: AuditList.Format = .table) -> (status: Int32, output: String, errors: String) {
        var output = "", errors = ""
        let status = AuditList(log: log, filter: EntryFilter(decision: decision), format: format).run(output: { output += $0 }, errors: { errors += $0 })
        return (status, output, errors)
    }

    @Test("a ladder step with no entries lists nothing and exits 0", arguments: ["monitor", "escalate", "geo_block", "suspend"])
    func emptyStep(step: String) throws {
        let folder = try LogFolder()
        let bundle = try TemporaryBundle(LogFixtures.bundleFiles)
        #expect(try LogFixtures.evaluate([try folder.write("c.jsonl", LogFixtures.cases(3))], policies: bundle.path, log: folder.log).status == 0)
        let table = list(folder.log, decision: step)
        #expect(table.status == 0, "\(table.errors)")
        #expect(table.errors.isEmpty)
        #expect(table.output.split(separator: "\n").count == 1, "the header only")
        #expect(list(folder.log, decision: step, format: .json).output == "[]\n")
    }

    @Test("on an empty log, the standard ladder's steps are valid and anything else is a usage error")
    func emptyLog() throws {
        let folder = try LogFolder()
        _ = try SQLiteDecisionStore.open(folder.log, create: true)
        #expect(list(folder.log, decision: "terminate").status == 0)
        let misspelt = list(folder.log, decision: "termnate")
        #expect(misspelt.status == 64)
        #expect(misspelt.output.isEmpty)
        #expect(misspelt.errors.contains("did you mean `terminate`?"))
    }

    @Test("a bundle's own ladder: its steps are valid, the standard ones it lacks are not")
    func ownLadder() throws {
        let folder = try LogFolder()
        var files = LogFixtures.bundleFiles
        files["bundle.yaml"] = "kind: Bundle\nid: own\nladder: [allow, quarantine, ban]\ndefault: { decision: allow }\n"
        files["policy.yaml"] = "kind: Policy\nid: p\nrules:\n  - { id: r, title: R, decision: ban, when: { path: customer.name, equals: Hamas } }\n"
        files["lists/names.yaml"] = nil
        files["lists/names.jsonl"] = nil
        let bundle = try TemporaryBundle(files)
        let run = try LogFixtures.evaluate([try folder.write("c.jsonl", LogFixtures.cases(2))], policies: bundle.path, log: folder.log)
        #expect(run.status == 0, "\(run.errors)")
        #expect(list(folder.log, decision: "quarantine").status == 0)
        let standard = list(folder.log, decision: "terminate")
        #expect(standard.status == 64)
        #expect(standard.errors.contains("allow, ban, quarantine"), "\(standard.errors)")
    }
}
