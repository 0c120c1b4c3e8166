import Foundation
import Testing

@testable import GavelCLI
@testable import GavelEngine
@testable import GavelLog
@testable import GavelSyntax

/// A case decided again (same case, bundle and as_of: the same record id, a
/// later entry) keeps the human decisions about its record in effect: `show`,
/// `list` and both exports agree on the decision in effect.
@Suite("decision log: deciding a case again")
struct RedecisionTests {
    enum Order: String, CaseIterable, CustomTestStringConvertible {
        /// Override entry 1, then decide the case again.
        case overrideThenRedecide
        /// Decide the case twice, then override the earlier entry.
        case redecideThenOverrideFirst
        var testDescription: String { rawValue }
    }

    /// c-0 (Hamas, terminate) logged twice with an override of entry 1 to `decision`, in `order`.
    func log(_ order: Order, overrideTo decision: String) throws -> LogFolder {
        let folder = try LogFolder()
        let bundle = try TemporaryBundle(LogFixtures.bundleFiles)
        let cases = try folder.write("c.jsonl", LogFixtures.cases(1))
        func evaluate() throws { #expect(try LogFixtures.evaluate([cases], policies: bundle.path, log: folder.log).status == 0) }
        func override() {
            var errors = ""
            let status = AuditHumanDecision(
                log: folder.log, id: "1", action: .override(decision: decision, basis: "Acme Terms of Service §2"), by: "Legal", reason: "Licence applies"
            ).run(output: { _ in }, errors: { errors += $0 })
            #expect(status == 0, "\(errors)")
        }
        try evaluate()
        switch order {
        case .overrideThenRedecide:
            override()
            try evaluate()
        case .redecideThenOverrideFirst:
            try evaluate()
            override()
        }
        return folder
    }

    @Test("an override of an earlier entry of the record stays in effect in show, list and both exports", arguments: Order.allCases)
    func overrideStays(order: Order) throws {
        let folder = try log(order, overrideTo: "no_action")
        let store = try folder.store()
        let recordID = try #require(try store.entry(seq: 1)).entry.recordID
        let decisions = try store.entries(EntryFilter()).filter { $0.entry.kind == .decision }
        #expect(decisions.map(\.entry.recordID) == [recordID, recordID])
        let overrideSeq: Int64 = order == .overrideThenRedecide ? 2 : 3

        var shown = "", errors = ""
        #expect(AuditShow(log: folder.log, id: recordID, format: .text).run(output: { shown += $0 }, errors: { errors += $0 }) == 0, "\(errors)")
        let lines = shown.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.first == "EFFECTIVE DECISION  NO_ACTION  (after override #\(overrideSeq))")
        #expect(shown.contains("  override  of #1  terminate → no_action  by Legal  gvo-"))
        #expect(shown.contains("The record was logged 2 times (#1, #\(decisions[1].seq))"))
        #expect(shown.contains("The trail below is entry #\(decisions[1].seq)'s."))
        // Shown by the earlier entry's number, the same history, naming that entry's trail.
        var first = ""
        #expect(AuditShow(log: folder.log, id: "1", format: .text).run(output: { first += $0 }, errors: { _ in }) == 0)
        #expect(first.hasPrefix("EFFECTIVE DECISION  NO_ACTION"))
        #expect(first.contains("The trail below is entry #1's."))

        var listed = ""
        #expect(AuditList(log: folder.log, filter: EntryFilter(), format: .json).run(output: { listed += $0 }, errors: { _ in }) == 0)
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(listed.utf8)) as? [[String: Any]])
        #expect(rows.map { $0["effective_decision"] as? String } == ["no_action", "no_action", "no_action"])
        var terminated = ""
        #expect(AuditList(log: folder.log, filter: EntryFilter(decision: "terminate"), format: .json).run(output: { terminated += $0 }, errors: { _ in }) == 0)
        #expect(terminated == "[]\n")

        var jsonl = ""
        #expect(AuditExport(log: folder.log, format: .jsonl).run(output: { jsonl += $0 }, errors: { _ in }) == 0)
        for line in jsonl.split(separator: "\n") {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            #expect(object["effective_decision"] as? String == "no_action")
            #expect(object["automated_decision"] as? String == "AUTOMATED_DECISION_NOT_AUTOMATED")
            #expect((object["human"] as? [[String: Any]])?.map { $0["seq"] as? Int } == [Int(overrideSeq)])
        }
        var sor = ""
        #expect(AuditExport(log: folder.log, format: .dsaSOR).run(output: { sor += $0 }, errors: { _ in }) == 0)
        #expect(sor == "", "a statement went out for a termination a human lifted")
    }

    @Test("an override to another restriction is exported once, as a human decision, whichever entry it names", arguments: Order.allCases)
    func restrictingOverride(order: Order) throws {
        let folder = try log(order, overrideTo: "suspend")
        var sor = "", errors = ""
        #expect(AuditExport(log: folder.log, format: .dsaSOR).run(output: { sor += $0 }, errors: { errors += $0 }) == 0, "\(errors)")
        let lines = sor.split(separator: "\n")
        #expect(lines.count == 1)
        let statement = try #require(try JSONSerialization.jsonObject(with: Data((lines.first ?? "").utf8)) as? [String: Any])
        #expect(statement["decision_provision"] as? String == "DECISION_PROVISION_TOTAL_SUSPENSION")
        #expect(statement["automated_decision"] as? String == "AUTOMATED_DECISION_NOT_AUTOMATED")
    }
}
