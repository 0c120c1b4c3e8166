import Foundation
import Testing

@testable import GavelCLI
@testable import GavelLog

/// `gavel bench --log-pairs`, run as users run it: the logged runs join the
/// peer results with the decisions of the unlogged ones, and leave no log behind.
@Suite("gavel bench: decision log pairs", .serialized)
struct BenchLogPairsTests {
    @Test("logged and unlogged runs decide alike, are written as gavel-evaluate-log*, and remove their logs; plain runs are repeated for medians")
    func logPairs() throws {
        let folder = try LogFolder()
        for (name, text) in LogFixtures.bundleFiles { try folder.write("data/gavel/" + name, text) }
        try folder.write("data/cases.jsonl", LogFixtures.cases(300))
        let out = folder.path + "/out"
        let (status, _, errors) = try GavelProcess.run(
            [
                "bench", "--data", folder.path + "/data", "--out-dir", out, "--full-sample", "0", "--no-verify", "--log-pairs", "1",
                "--process-runs", "2",
            ],
            in: folder.path)
        #expect(status == 0, "\(errors)")
        #expect(errors.components(separatedBy: "decision log on against --no-log").count == 3, "\(errors)")
        #expect(errors.contains("whole process, medians of 2 alternated runs: --jobs 1 "), "\(errors)")
        for (plain, logged) in [("gavel-evaluate", "gavel-evaluate-log"), ("gavel-evaluate-jobs2", "gavel-evaluate-log-jobs2")] {
            let result = try #require(FileManager.default.contents(atPath: out + "/\(logged).json"))
            let object = try #require(try JSONSerialization.jsonObject(with: result) as? [String: Any])
            #expect(object["engine"] as? String == logged)
            #expect((object["log_bytes"] as? Int ?? 0) > 0)
            #expect(object["cases"] as? Int == 300)
            let loggedDecisions = FileManager.default.contents(atPath: out + "/\(logged).decisions.tsv")
            #expect(loggedDecisions != nil)
            #expect(loggedDecisions == FileManager.default.contents(atPath: out + "/\(plain).decisions.tsv"))
        }
        let left = try FileManager.default.contentsOfDirectory(atPath: out).filter { $0.contains(".sqlite") }
        #expect(left.isEmpty, "\(left)")
    }
}
