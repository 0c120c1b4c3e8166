import Foundation
import Testing

@testable import GavelCLI
@testable import GavelEngine
@testable import GavelLog
@testable import GavelSyntax

/// What only real processes show: several writers at once, and a writer
/// killed in the middle of a batch.
@Suite("decision log: processes", .serialized)
struct LogProcessTests {
    @Test("four gavel evaluate processes appending to one log at once give one unbroken chain with every decision")
    func concurrentWriters() throws {
        let folder = try LogFolder()
        let bundle = try TemporaryBundle(LogFixtures.bundleFiles)
        let perProcess = 1500
        let processes = try (0..<4).map { i -> (Process, Pipe) in
            let cases = try folder.write("cases-\(i).jsonl", LogFixtures.cases(perProcess, prefix: "p\(i)"))
            let process = GavelProcess.process(
                ["evaluate", cases, "--policies", bundle.path, "--log", folder.log, "--format", "jsonl", "--jobs", "1"], in: folder.path)
            let out = Pipe()
            process.standardOutput = out
            process.standardError = FileHandle.nullDevice
            return (process, out)
        }
        for (process, _) in processes { try process.run() }
        var printed: [[String]] = []
        for (process, out) in processes {
            let data = out.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            #expect(process.terminationStatus == 0, "see the log's stderr by running the same command by hand")
            printed.append(String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init))
        }
        let store = try folder.store()
        let report = try LogVerifier.verify(store)
        #expect(report.intact, "\(report.problem?.description ?? "")")
        #expect(report.entries == Int64(4 * perProcess))
        let entries = try store.entries(EntryFilter())
        #expect(entries.enumerated().allSatisfy { $0.element.seq == Int64($0.offset + 1) })
        // Each process's decisions are all there, in its own order.
        for i in 0..<4 {
            let own = entries.filter { $0.entry.caseID.hasPrefix("p\(i)-") }.map { String(decoding: $0.entry.record, as: UTF8.self) }
            #expect(own.count == printed[i].count)
            let same = own == printed[i]
            #expect(same, "process \(i)'s printed records differ from its logged ones")
        }
        // A process's 1,500 decisions are one transaction (a run gathers
        // 4,096 to one), and a commit is atomic: each process's entries lie
        // in one piece, never split by another's, so there are exactly three
        // places where one process's entries give way to the next's.
        let changes = zip(entries, entries.dropFirst()).filter { $0.entry.caseID.prefix(2) != $1.entry.caseID.prefix(2) }.count
        #expect(changes == 3)
    }

    @Test("a gavel evaluate killed with SIGKILL mid-batch leaves a log that verifies and holds every decision it printed")
    func killedMidBatch() throws {
        let folder = try LogFolder()
        let bundle = try TemporaryBundle(LogFixtures.bundleFiles)
        let cases = try folder.write("cases.jsonl", LogFixtures.cases(20_000))
        let process = GavelProcess.process(
            ["evaluate", cases, "--policies", bundle.path, "--log", folder.log, "--format", "jsonl", "--jobs", "2"], in: folder.path)
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        var data = Data()
        while data.count(where: { $0 == 10 }) < 1500 {
            let more = out.fileHandleForReading.availableData
            if more.isEmpty { break }
            data += more
        }
        kill(process.processIdentifier, SIGKILL)
        data += out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)
        // Only whole lines were printed records; a cut-off last line was being written when the kill came.
        var lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        lines.removeLast()
        #expect(lines.count >= 1500)
        #expect(lines.count < 20_000, "the run finished before it was killed; nothing was tested")
        let store = try folder.store()
        let report = try LogVerifier.verify(store)
        #expect(report.intact, "\(report.problem?.description ?? "")")
        let logged = try store.entries(EntryFilter()).map { String(decoding: $0.entry.record, as: UTF8.self) }
        #expect(logged.count >= lines.count)
        let printedWereLogged = Array(logged.prefix(lines.count)) == lines
        #expect(printedWereLogged)
    }
}
