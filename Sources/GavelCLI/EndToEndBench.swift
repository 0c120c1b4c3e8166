import Foundation
import GavelEngine
import GavelSyntax

/// The path users run, timed from outside: `gavel evaluate DATA/cases.jsonl
/// --format jsonl` as a process, the default record written to a file, once
/// with one job and once with two. Its decisions go into the shared bench's
/// results as `gavel-evaluate` and `gavel-evaluate-jobs2`, which `compare.py`
/// checks against every peer; the two runs' output must be the same bytes.
struct EndToEndBench {
    let executable: String
    let data: String
    let outDirectory: String
    let limit: Int?

    struct Run {
        var jobs: Int
        var seconds: Double
        var outputDigest: String
        var outputBytes: Int
        var result: JSON
        var tsv: String
    }

    func measure(jobs: Int, asOf: String, rules: Int) throws -> Run {
        var cases = data + "/cases.jsonl"
        if let limit {
            // The first `limit` lines, so the process does what the in-process phases did.
            let lines = try String(contentsOfFile: cases, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: true)
            let prefix = outDirectory + "/gavel-evaluate.input.jsonl"
            try (lines.prefix(limit).joined(separator: "\n") + "\n").write(toFile: prefix, atomically: true, encoding: .utf8)
            cases = prefix
        }
        let records = outDirectory + "/gavel-evaluate.jobs\(jobs).records.jsonl"
        FileManager.default.createFile(atPath: records, contents: nil)
        guard let sink = FileHandle(forWritingAtPath: records) else { throw Failure("cannot write `\(records)`") }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = [
            "evaluate", cases, "--policies", data + "/gavel", "--format", "jsonl", "--as-of", asOf, "--no-log", "--jobs", "\(jobs)",
        ]
        process.standardOutput = sink
        process.standardError = FileHandle.standardError
        let clock = ContinuousClock()
        let start = clock.now
        try process.run()
        process.waitUntilExit()
        let seconds = BenchRun.seconds(clock.now - start)
        try sink.close()
        guard process.terminationStatus == 0 else { throw Failure("`gavel evaluate` exited with \(process.terminationStatus)") }

        // Untimed: each record's case id, decision and matched rules, as common.py reports them.
        guard let bytes = FileManager.default.contents(atPath: records) else { throw Failure("cannot read `\(records)`") }
        var decided = Decided()
        for line in bytes.split(separator: 10) {
            guard let record = try JSONSerialization.jsonObject(with: Data(line)) as? [String: Any],
                let decision = record["decision"] as? String, let caseID = (record["case"] as? [String: Any])?["id"] as? String,
                let rules = record["rules"] as? [[String: Any]]
            else { throw Failure("a record of `gavel evaluate` does not parse") }
            let names = rules.filter { $0["status"] as? String == "matched" || $0["status"] as? String == "suspended" }
            decided.append(id: caseID, decision: decision, matched: names.compactMap { $0["id"] as? String })
        }
        let fields = decided.contractFields(
            engine: jobs == 1 ? "gavel-evaluate" : "gavel-evaluate-jobs\(jobs)",
            version: "gavel \(DecisionRecord.engineVersion) `gavel evaluate --format jsonl --jobs \(jobs)`, whole process",
            rules: rules, loadSeconds: 0, evalSeconds: seconds)
        let result: JSON = .object(fields + [
            ("record_bytes", .int(bytes.count)),
            ("notes", .string("eval_s: the whole `gavel evaluate` process (bundle load included) deciding DATA/cases.jsonl and writing the default record of every case to a file")),
        ])
        return Run(jobs: jobs, seconds: seconds, outputDigest: Digest.hex(bytes), outputBytes: bytes.count, result: result, tsv: decided.tsv)
    }

    func write(_ run: Run) throws {
        let engine = run.jobs == 1 ? "gavel-evaluate" : "gavel-evaluate-jobs\(run.jobs)"
        try (run.result.pretty() + "\n").write(toFile: outDirectory + "/\(engine).json", atomically: true, encoding: .utf8)
        try run.tsv.write(toFile: outDirectory + "/\(engine).decisions.tsv", atomically: true, encoding: .utf8)
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }
}
