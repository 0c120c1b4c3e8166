import Foundation
import GavelEngine
import GavelLint
import GavelSyntax

/// `gavel bench` as a library call: the runner of the shared peer benchmark
/// (`shared/bench/`, README "Adding Gavel"). It loads `DATA/gavel/` as the
/// bundle, reads `DATA/cases.jsonl` into memory, and times, with the same
/// contract as the peers' `common.py`, the span from each raw line to its
/// decision string. Besides the contract's fields it times, on the same lines
/// and in the same process: libyaml event parsing alone (`parse_only_s`),
/// line → node (`compose_s`, and `libyaml_compose_s` without the JSON fast
/// path), line → case data (`to_value_s`) and the full record path
/// (`full_record_s`: case record with digest, traced evaluation, decision
/// record JSON) over a sample.
package struct BenchRun: Sendable {
    package var data: String
    package var outDirectory: String?
    package var limit: Int?
    /// Cases run through the full record path (0: none).
    package var fullRecordSample: Int
    /// Check, untimed, that the JSON fast path gives the libyaml tree on every line.
    package var verifyFastPath: Bool
    /// The `gavel` executable, to time `gavel evaluate` as a whole process too (needs `outDirectory`).
    package var executable: String?
    /// Whole-process runs with and without the decision log, alternated, per job count (0: none).
    package var logPairs = 0
    /// Whole-process runs at one and two jobs, alternated; the median of each is reported.
    package var processRuns = 1

    package init(
        data: String, outDirectory: String?, limit: Int?, fullRecordSample: Int = 10_000, verifyFastPath: Bool = true,
        executable: String? = nil
    ) {
        self.executable = executable
        self.data = data
        self.outDirectory = outDirectory
        self.limit = limit
        self.fullRecordSample = fullRecordSample
        self.verifyFastPath = verifyFastPath
    }

    /// Prints the result object (one line of JSON) to `output`; progress and
    /// problems go to `errors`. Exit status 0, or 2 on bad input.
    package func run(output: (String) -> Void, errors: (String) -> Void) -> Int32 {
        switch measure(errors: errors) {
        case .failure(let message):
            errors("gavel bench: \(message)\n")
            return 2
        case .success(let result):
            if let outDirectory {
                do {
                    try FileManager.default.createDirectory(atPath: outDirectory, withIntermediateDirectories: true)
                    try (result.json.pretty() + "\n").write(toFile: outDirectory + "/gavel.json", atomically: true, encoding: .utf8)
                    try result.tsv.write(toFile: outDirectory + "/gavel.decisions.tsv", atomically: true, encoding: .utf8)
                    if let executable {
                        let bench = EndToEndBench(executable: executable, data: data, outDirectory: outDirectory, limit: limit)
                        let rules = result.rules
                        // Alternated, and the median of each kept: this host's speed
                        // drifts by a third from one run to the next.
                        var ones: [EndToEndBench.Run] = []
                        var twos: [EndToEndBench.Run] = []
                        for _ in 0..<max(1, processRuns) {
                            ones.append(try bench.measure(jobs: 1, asOf: Self.asOf, rules: rules))
                            twos.append(try bench.measure(jobs: 2, asOf: Self.asOf, rules: rules))
                        }
                        let one = EndToEndBench.median(ones)
                        let two = EndToEndBench.median(twos)
                        guard (ones + twos).allSatisfy({ $0.outputDigest == one.outputDigest }) else {
                            errors("gavel bench: `--jobs 2` printed different bytes from `--jobs 1`\n")
                            return 2
                        }
                        try bench.write(one)
                        try bench.write(two)
                        errors(
                            "gavel evaluate, whole process, medians of \(max(1, processRuns)) alternated runs: --jobs 1 \(Int(Double(result.cases) / one.seconds)) cases/s, "
                                + "--jobs 2 \(Int(Double(result.cases) / two.seconds)) cases/s (\(String(format: "%.2f", one.seconds / two.seconds))x), "
                                + "identical output (\(one.outputBytes) bytes, \(one.outputBytes / max(1, result.cases)) per record)\n")
                        if logPairs > 0 {
                            for jobs in [1, 2] {
                                let (plain, logged) = try bench.logPairs(logPairs, jobs: jobs, asOf: Self.asOf, rules: rules)
                                try bench.write(logged)
                                errors(
                                    "gavel evaluate --jobs \(jobs), decision log on against --no-log, medians of \(logPairs) alternated runs: "
                                        + "\(String(format: "%.2f", logged.seconds)) s against \(String(format: "%.2f", plain.seconds)) s, "
                                        + "logging costs \(String(format: "%+.0f", (logged.seconds / plain.seconds - 1) * 100)) %, "
                                        + "\(Int(Double(result.cases) / logged.seconds)) decisions/s appended, "
                                        + "\(logged.logBytes / max(1, result.cases)) bytes of log per decision, identical output\n")
                            }
                        }
                    }
                } catch {
                    errors("gavel bench: cannot write to `\(outDirectory)`: \(error)\n")
                    return 2
                }
            }
            output(result.json.compact() + "\n")
            return 0
        }
    }

    struct Result {
        var json: JSON
        var tsv: String
        var cases: Int
        var rules: Int
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }

    func measure(errors: (String) -> Void) -> Swift.Result<Result, Failure> {
        let clock = ContinuousClock()
        let policyDirectory = data + "/gavel"
        let casesPath = data + "/cases.jsonl"
        guard let asOf = Instant.parse(Self.asOf) else { return .failure(Failure("bad built-in as-of date")) }

        // load_s: policy text to a ready evaluator.
        let t0 = clock.now
        let bundle: CompiledBundle
        switch BundleLoader.load(directory: policyDirectory) {
        case .failure(let error):
            return .failure(Failure("the bundle `\(policyDirectory)` does not load:\n" + error.diagnostics.map(\.oneLine).joined(separator: "\n")))
        case .success(let b): bundle = b
        }
        let evaluator = Evaluator(bundle: bundle)
        let loadSeconds = Self.seconds(clock.now - t0)

        // Untimed: the case lines in memory.
        let bytes: [UInt8]
        switch FileAccess.read(casesPath, display: casesPath, limit: Int.max) {
        case .failure(let d): return .failure(Failure(d.oneLine))
        case .success(let b): bytes = b
        }
        let limits = LoadLimits.default
        return bytes.withUnsafeBufferPointer { buffer -> Swift.Result<Result, Failure> in
            var lines = JSONLines.lines(buffer)
            if let limit, lines.count > limit { lines.removeLast(lines.count - limit) }
            guard !lines.isEmpty else { return .failure(Failure("no cases in `\(casesPath)`")) }
            func slice(_ line: JSONLines.Line) -> UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(rebasing: buffer[line.bytes]) }
            let decisionOnly = Evaluator.Options(fallbackAsOf: asOf, trace: .none)

            // Warm-up (untimed), so the first timed loop does not pay for page faults alone.
            _ = Self.scanPhase(Array(lines.prefix(2_000)), buffer)
            _ = Self.decidePhase(Array(lines.prefix(2_000)), buffer, file: casesPath, limits: limits, evaluator: evaluator, options: decisionOnly)

            // (a) libyaml event parsing alone.
            let ta = clock.now
            guard let events = Self.scanPhase(lines, buffer) else {
                return .failure(Failure("libyaml cannot parse a line of `\(casesPath)`"))
            }
            let parseOnly = Self.seconds(clock.now - ta)

            // (b) eval_s: raw line -> node -> case -> the evaluator, decision only -> decision string.
            let tb = clock.now
            let phase = Self.decidePhase(lines, buffer, file: casesPath, limits: limits, evaluator: evaluator, options: decisionOnly)
            let evalSeconds = Self.seconds(clock.now - tb)
            let decided: Decided
            switch phase {
            case .failure(let failure): return .failure(failure)
            case .success(let d): decided = d
            }

            // (c) what `gavel evaluate --format jsonl` does per case: the default record, and the full one on a sample.
            let td = clock.now
            let defaultRecords = Self.recordPhase(lines, buffer, file: casesPath, limits: limits, evaluator: evaluator, level: .decisive, asOf: asOf)
            let defaultSeconds = Self.seconds(clock.now - td)
            let sample = Array(lines.prefix(fullRecordSample))
            let tf = clock.now
            let fullRecords = Self.recordPhase(sample, buffer, file: casesPath, limits: limits, evaluator: evaluator, level: .full, asOf: asOf)
            let fullSeconds = Self.seconds(clock.now - tf)
            for (name, records) in [("default", defaultRecords), ("full", fullRecords)] {
                let n = records.decided.decisions.count
                guard records.decided.decisions == Array(decided.decisions.prefix(n)), records.decided.matched == Array(decided.matched.prefix(n))
                else { return .failure(Failure("the \(name) record path disagrees with the decision-only path")) }
            }

            // Breakdown: line -> node, with and without the JSON fast path.
            var nodes = 0
            let tc = clock.now
            for line in lines {
                if case .success = JSONLines.document(slice(line), file: casesPath, lineNumber: line.number, limits: limits) { nodes += 1 }
            }
            let composeSeconds = Self.seconds(clock.now - tc)
            var composed: [SourceNode] = []
            if verifyFastPath { composed.reserveCapacity(lines.count) }
            let tl = clock.now
            for line in lines {
                if case .success(let node) = JSONLines.composed(slice(line), file: casesPath, lineNumber: line.number, limits: limits),
                    verifyFastPath
                {
                    composed.append(node)
                }
            }
            let libyamlComposeSeconds = Self.seconds(clock.now - tl)

            // Untimed: the fast path against libyaml, line by line.
            var identical = 0
            var fastPathLines = 0
            if verifyFastPath {
                for (k, line) in lines.enumerated() {
                    guard let fast = JSONFastPath.document(slice(line), file: casesPath, line: line.number + 1, limits: limits) else {
                        continue
                    }
                    fastPathLines += 1
                    if k < composed.count, JSONFastPath.same(fast, composed[k]) { identical += 1 }
                }
                composed = []
                if identical != fastPathLines {
                    return .failure(Failure("the JSON fast path differs from libyaml on \(fastPathLines - identical) lines"))
                }
            }

            // Untimed: digests and the decisions file, as common.py makes them.
            let n = Double(lines.count)
            let r = Decided.rounded
            func median(_ sizes: [Int]) -> Int { sizes.isEmpty ? 0 : sizes.sorted()[sizes.count / 2] }
            var fields = decided.contractFields(
                engine: "gavel",
                version: "gavel \(DecisionRecord.engineVersion) (Swift, native, single-threaded, decision-only trace level)",
                rules: bundle.rules.count, loadSeconds: loadSeconds, evalSeconds: evalSeconds)
            fields += [
                ("parse_only_s", r(parseOnly, 1e6)),
                ("libyaml_events", .int(events)),
                ("eval_over_parse_only", r(evalSeconds / parseOnly, 1000)),
                ("compose_s", r(composeSeconds, 1e6)),
                ("libyaml_compose_s", r(libyamlComposeSeconds, 1e6)),
                ("default_record_s", r(defaultSeconds, 1e6)),
                ("default_record_us_per_case", r(defaultSeconds / n * 1e6, 100)),
                ("default_record_median_bytes", .int(median(defaultRecords.sizes))),
                ("default_record_bytes", .int(defaultRecords.sizes.reduce(0, +))),
                ("full_record_s", r(fullSeconds, 1e6)),
                ("full_record_cases", .int(sample.count)),
                ("full_record_us_per_case", r(sample.isEmpty ? 0 : fullSeconds / Double(sample.count) * 1e6, 100)),
                ("full_record_median_bytes", .int(median(fullRecords.sizes))),
                ("full_over_default", r(sample.isEmpty ? 0 : (fullSeconds / Double(sample.count)) / (defaultSeconds / n), 100)),
            ]
            if verifyFastPath {
                fields += [("fast_path_lines", .int(fastPathLines)), ("fast_path_identical_to_libyaml", .int(identical))]
            }
            _ = nodes
            fields.append((
                "notes",
                .string(
                    "eval_s: raw JSONL line -> CaseLoader.readLine (values straight from the JSON, located nodes for any other line) -> "
                        + "Evaluator.evaluate at trace level none -> decision; default_record_s: the same at the default trace level "
                        + "with the JSONL record written, as `gavel evaluate --format jsonl` does per case; parse_only_s: libyaml "
                        + "yaml_parser_parse loop alone on the same lines; as-of \(Self.asOf)")))
            return .success(Result(json: .object(fields), tsv: decided.tsv, cases: lines.count, rules: bundle.rules.count))
        }
    }

    static let asOf = "2026-01-01"

    /// (a): every line through libyaml's event parser, nothing else. Kept out
    /// of line so `valgrind --tool=callgrind` can count it on its own.
    @inline(never)
    static func scanPhase(_ lines: [JSONLines.Line], _ buffer: UnsafeBufferPointer<UInt8>) -> Int? {
        var events = 0
        for line in lines {
            guard let n = LibYAMLEventScan.scan(UnsafeBufferPointer(rebasing: buffer[line.bytes])) else { return nil }
            events &+= n
        }
        return events
    }

    /// One line to its case, as `gavel evaluate` reads it.
    static func read(_ line: JSONLines.Line, _ buffer: UnsafeBufferPointer<UInt8>, file: String, limits: LoadLimits) -> Swift.Result<CaseRecord, Failure> {
        switch CaseLoader.readLine(UnsafeBufferPointer(rebasing: buffer[line.bytes]), file: file, lineNumber: line.number, limits: limits, check: nil) {
        case .failure(let error): return .failure(Failure(error.description))
        case .success(let record): return .success(record)
        }
    }

    /// (b): every line to its decision; out of line for the same reason.
    @inline(never)
    static func decidePhase(
        _ lines: [JSONLines.Line], _ buffer: UnsafeBufferPointer<UInt8>, file: String, limits: LoadLimits,
        evaluator: Evaluator, options: Evaluator.Options
    ) -> Swift.Result<Decided, Failure> {
        var decided = Decided()
        decided.ids.reserveCapacity(lines.count)
        decided.decisions.reserveCapacity(lines.count)
        decided.matched.reserveCapacity(lines.count)
        for line in lines {
            switch read(line, buffer, file: file, limits: limits) {
            case .failure(let failure): return .failure(failure)
            case .success(let record): decided.append(evaluator.evaluate(record, options: options))
            }
        }
        return .success(decided)
    }

    /// (c): every line to its JSONL record at `level`, sizes kept.
    @inline(never)
    static func recordPhase(
        _ lines: [JSONLines.Line], _ buffer: UnsafeBufferPointer<UInt8>, file: String, limits: LoadLimits,
        evaluator: Evaluator, level: TraceLevel, asOf: Instant
    ) -> (decided: Decided, sizes: [Int]) {
        let options = Evaluator.Options(fallbackAsOf: asOf, trace: level)
        var decided = Decided()
        var sizes: [Int] = []
        sizes.reserveCapacity(lines.count)
        var writer = JSONWriter()
        for line in lines {
            guard case .success(let record) = read(line, buffer, file: file, limits: limits) else { continue }
            let decision = evaluator.evaluate(record, options: options)
            writer.reset()
            DecisionRecord.write(decision, bundle: evaluator.bundle, into: &writer)
            sizes.append(writer.count + 1)
            decided.append(decision)
        }
        return (decided, sizes)
    }

    static func seconds(_ d: Duration) -> Double {
        Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
    }
}
