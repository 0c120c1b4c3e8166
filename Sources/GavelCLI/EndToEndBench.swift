import Foundation
import GavelEngine
import GavelSyntax

/// The path users run, timed from outside: `gavel evaluate DATA/cases.jsonl
/// --format jsonl` as a process, the default record written to a file, once
/// with one job and once with two. Its decisions go into the shared bench's
/// results as `gavel-evaluate` and `gavel-evaluate-jobs2`, which `compare.py`
/// checks against every peer; the two runs' output must be the same bytes.
/// With a decision log (`log`), the same run appends every decision to a
/// new log first: `gavel-evaluate-log` and `gavel-evaluate-log-jobs2`.
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
        /// The log's size once the run ended (0 without one).
        var logBytes = 0
        var logged: Bool

        var engine: String { Self.engine(jobs: jobs, logged: logged) }

        static func engine(jobs: Int, logged: Bool) -> String {
            "gavel-evaluate" + (logged ? "-log" : "") + (jobs == 1 ? "" : "-jobs\(jobs)")
        }
    }

    /// One run; with `log`, into a new decision log at that path, removed afterwards.
    func measure(jobs: Int, asOf: String, rules: Int, log: String? = nil) throws -> Run {
        var cases = data + "/cases.jsonl"
        if let limit {
            // The first `limit` lines, so the process does what the in-process phases did.
            let lines = try String(contentsOfFile: cases, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: true)
            let prefix = outDirectory + "/gavel-evaluate.input.jsonl"
            try (lines.prefix(limit).joined(separator: "\n") + "\n").write(toFile: prefix, atomically: true, encoding: .utf8)
            cases = prefix
        }
        let records = outDirectory + "/gavel-evaluate\(log == nil ? "" : "-log").jobs\(jobs).records.jsonl"
        if let log { Self.remove(log: log) }
        try? FileManager.default.removeItem(atPath: records)
        FileManager.default.createFile(atPath: records, contents: nil)
        // The run before this one left hundreds of megabytes of records (and
        // a log) for the kernel to write back: flushed now, untimed, rather
        // than while this run decides, so each run pays only for its own
        // writes. Without it a `--jobs 2` run right after a `--jobs 1` run
        // spent a third of a second of system time on the other's pages.
        sync()
        guard let sink = FileHandle(forWritingAtPath: records) else { throw Failure("cannot write `\(records)`") }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = [
            "evaluate", cases, "--policies", data + "/gavel", "--format", "jsonl", "--as-of", asOf, "--jobs", "\(jobs)",
        ] + (log.map { ["--log", $0] } ?? ["--no-log"])
        process.standardOutput = sink
        process.standardError = FileHandle.standardError
        let clock = ContinuousClock()
        let start = clock.now
        try process.run()
        process.waitUntilExit()
        let seconds = BenchRun.seconds(clock.now - start)
        try sink.close()
        guard process.terminationStatus == 0 else { throw Failure("`gavel evaluate` exited with \(process.terminationStatus)") }
        var logBytes = 0
        if let log {
            for file in [log, log + "-wal"] {
                logBytes += ((try? FileManager.default.attributesOfItem(atPath: file))?[.size] as? Int) ?? 0
            }
            Self.remove(log: log)
        }

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
            engine: Run.engine(jobs: jobs, logged: log != nil),
            version: "gavel \(DecisionRecord.engineVersion) `gavel evaluate --format jsonl --jobs \(jobs)\(log == nil ? "" : " --log")`, whole process",
            rules: rules, loadSeconds: 0, evalSeconds: seconds)
        var extra: [(String, JSON)] = [("record_bytes", .int(bytes.count))]
        if log != nil { extra.append(("log_bytes", .int(logBytes))) }
        extra.append((
            "notes",
            .string(
                "eval_s: the whole `gavel evaluate` process (bundle load included) deciding DATA/cases.jsonl and writing the default record of every case to a file"
                    + (log == nil ? "" : ", every decision appended first to a new decision log (SQLite, chained and content-addressed)"))
        ))
        return Run(
            jobs: jobs, seconds: seconds, outputDigest: Digest.hex(bytes), outputBytes: bytes.count, result: .object(fields + extra),
            tsv: decided.tsv, logBytes: logBytes, logged: log != nil)
    }

    func write(_ run: Run) throws {
        try (run.result.pretty() + "\n").write(toFile: outDirectory + "/\(run.engine).json", atomically: true, encoding: .utf8)
        try run.tsv.write(toFile: outDirectory + "/\(run.engine).decisions.tsv", atomically: true, encoding: .utf8)
    }

    /// The run of median time (the later of the two middle ones for an even count).
    static func median(_ runs: [Run]) -> Run { runs.sorted { $0.seconds < $1.seconds }[runs.count / 2] }

    /// Runs without and with the log alternately, `pairs` times each, at
    /// `jobs`: this host's speed drifts from minute to minute, so only runs
    /// side by side compare. Returns the median run of each kind.
    func logPairs(_ pairs: Int, jobs: Int, asOf: String, rules: Int) throws -> (plain: Run, logged: Run) {
        var plain: [Run] = []
        var logged: [Run] = []
        let log = outDirectory + "/gavel-evaluate-log.sqlite"
        for _ in 0..<pairs {
            plain.append(try measure(jobs: jobs, asOf: asOf, rules: rules))
            logged.append(try measure(jobs: jobs, asOf: asOf, rules: rules, log: log))
            guard plain[plain.count - 1].outputDigest == logged[logged.count - 1].outputDigest else {
                throw Failure("`gavel evaluate --jobs \(jobs)` printed different bytes with the log on")
            }
        }
        return (Self.median(plain), Self.median(logged))
    }

    static func remove(log: String) {
        for file in [log, log + "-wal", log + "-shm"] { try? FileManager.default.removeItem(atPath: file) }
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }
}
