import Foundation
import Testing

@testable import GavelCLI
@testable import GavelEngine
@testable import GavelLog

/// The appending thread gives every batch back once it is committed, keeping
/// no reference into it: the submitting side frees what it allocated.
@Suite("decision log: the appending thread")
struct LogPipelineTests {
    private static func batch(_ range: Range<Int>) -> LogPipeline.Batch {
        var batch = LogPipeline.Batch()
        for seq in range {
            batch.entries.append(
                LogEntry(
                    recordID: "gvl-\(seq)", caseID: "c\(seq)", decision: "no_action", asOf: "2025-01-01", asOfSource: "flag",
                    traceLevel: "decisive", engineVersion: "test", strict: false, matchedRules: ["r\(seq)"],
                    record: Array("{\"id\":\"gvl-\(seq)\"}".utf8),
                    caseSource: CaseReference(
                        bytes: .inline(Array("{\"id\":\"c\(seq)\"}".utf8)), format: "jsonl-line", document: seq, file: "cases.jsonl",
                        line: seq),
                    bundle: nil))
            batch.caseBlobs.append(nil)
        }
        return batch
    }

    /// Whether the array's storage is this copy's alone: a write to a shared one copies it first.
    private static func unshared(_ bytes: inout [UInt8]) -> Bool {
        let before = bytes.withUnsafeBufferPointer { $0.baseAddress }
        bytes[0] = bytes[0]
        return before == bytes.withUnsafeBufferPointer { $0.baseAddress }
    }

    @Test("committed batches come back whole and in order, and the pipeline keeps no reference into them")
    func batchesComeBack() throws {
        let folder = try LogFolder()
        let bundle = try TemporaryBundle(LogFixtures.bundleFiles)
        let compiled = try bundle.compile().get()
        let pipeline = LogPipeline(
            LogAppender(store: try SQLiteDecisionStore.open(folder.log, create: true), bundle: compiled, directory: bundle.path))
        // Submitted back to back, so that later ones may be committed together.
        let commits = (0 ..< 4).map { pipeline.submit(Self.batch(($0 * 50) ..< ($0 * 50 + 50))) }
        var seq = 0
        for commit in commits {
            var (error, batch) = commit.wait()
            #expect(error == nil)
            #expect(batch.entries.map(\.recordID) == (seq ..< seq + 50).map { "gvl-\($0)" })
            #expect(batch.caseBlobs.count == 50)
            #expect(Self.unshared(&batch.entries[0].record), "the pipeline still holds the record of batch \(seq / 50)")
            #expect(batch.entries[49].caseSource?.inline.map { _ in true } == true)
            seq += 50
        }
        let logged = try folder.store().entries(EntryFilter())
        #expect(logged.map(\.entry.recordID) == (0 ..< 200).map { "gvl-\($0)" })
    }
}
