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

    package init(data: String, outDirectory: String?, limit: Int?, fullRecordSample: Int = 10_000, verifyFastPath: Bool = true) {
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
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }

    func measure(errors: (String) -> Void) -> Swift.Result<Result, Failure> {
        let clock = ContinuousClock()
        let policyDirectory = data + "/gavel"
        let casesPath = data + "/cases.jsonl"
        guard let asOf = Instant.parse("2026-01-01") else { return .failure(Failure("bad built-in as-of date")) }

        // load_s: policy text to a ready evaluator.
        let t0 = clock.now
        let bundle: CompiledBundle
        switch BundleLoader.load(directory: policyDirectory) {
        case .failure(let error):
            return .failure(Failure("the bundle `\(policyDirectory)` does not load:\n" + error.diagnostics.map(\.oneLine).joined(separator: "\n")))
        case .success(let b): bundle = b
        }
        let evaluator = Evaluator(bundle: bundle)
        let decider = BatchDecider(evaluator)
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

            // Warm-up (untimed), so the first timed loop does not pay for page faults alone.
            for line in lines.prefix(2_000) {
                _ = LibYAMLEventScan.scan(slice(line))
                if case .success(let node) = JSONLines.document(slice(line), file: casesPath, lineNumber: line.number, limits: limits),
                    let c = BenchCase(node)
                {
                    _ = decider.decide(c.data, asOf: asOf)
                }
            }

            // (a) libyaml event parsing alone.
            let ta = clock.now
            guard let events = Self.scanPhase(lines, buffer) else {
                return .failure(Failure("libyaml cannot parse a line of `\(casesPath)`"))
            }
            let parseOnly = Self.seconds(clock.now - ta)

            // (b) eval_s: raw line -> node -> case data -> decide -> decision string.
            let tb = clock.now
            let phase = Self.decidePhase(lines, buffer, file: casesPath, limits: limits, decider: decider, asOf: asOf)
            let evalSeconds = Self.seconds(clock.now - tb)
            let (ids, decisions, matched): ([String], [String], [[String]])
            switch phase {
            case .failure(let failure): return .failure(failure)
            case .success(let decided): (ids, decisions, matched) = decided
            }

            // Breakdown of (b): line -> node; line -> node -> case data.
            var nodes = 0
            let tc = clock.now
            for line in lines {
                if case .success = JSONLines.document(slice(line), file: casesPath, lineNumber: line.number, limits: limits) { nodes += 1 }
            }
            let composeSeconds = Self.seconds(clock.now - tc)
            var values = 0
            let tv = clock.now
            for line in lines {
                if case .success(let node) = JSONLines.document(slice(line), file: casesPath, lineNumber: line.number, limits: limits),
                    BenchCase(node) != nil
                {
                    values += 1
                }
            }
            let valueSeconds = Self.seconds(clock.now - tv)

            // The same lines through libyaml + EventComposer, no fast path.
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

            // Full record path on a sample: case record (canonical JSON, digest),
            // traced evaluation, decision record JSON; checked against `BatchDecider.decide`.
            let sample = min(fullRecordSample, lines.count)
            var recordBytes = 0
            var fullAgrees = 0
            let options = Evaluator.Options(fallbackAsOf: asOf)
            let tf = clock.now
            for (k, line) in lines.prefix(sample).enumerated() {
                guard case .success(let node) = JSONLines.document(slice(line), file: casesPath, lineNumber: line.number, limits: limits),
                    case .success(let record) = CaseLoader.read(node)
                else { continue }
                let decision = evaluator.evaluate(record, options: options)
                recordBytes += DecisionRecord.json(decision, bundle: bundle).compact().utf8.count
                let matchedIDs = decision.rules.filter { $0.status == .matched }.map(\.rule.id)
                if decision.decision == decisions[k], matchedIDs == matched[k] { fullAgrees += 1 }
            }
            let fullSeconds = Self.seconds(clock.now - tf)
            if fullAgrees != sample {
                return .failure(Failure("the full record path disagrees with `decide` on \(sample - fullAgrees) of \(sample) cases"))
            }

            // Untimed: digests and the decisions file, as common.py makes them.
            let matchedText = matched.map { $0.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }.joined(separator: ",") }
            var tsv = ""
            for k in decisions.indices { tsv += ids[k] + "\t" + decisions[k] + "\t" + matchedText[k] + "\n" }
            let n = Double(lines.count)
            func r(_ x: Double, _ places: Double) -> JSON { .double((x * places).rounded() / places) }
            var fields: [(String, JSON)] = [
                ("engine", .string("gavel")),
                ("version", .string("gavel \(DecisionRecord.engineVersion) (Swift, native, single-threaded)")),
                ("cases", .int(lines.count)),
                ("rules", .int(bundle.rules.count)),
                ("load_s", r(loadSeconds, 1e6)),
                ("eval_s", r(evalSeconds, 1e6)),
                ("cases_per_s", r(n / evalSeconds, 10)),
                ("us_per_case", r(evalSeconds / n * 1e6, 100)),
                ("decisions_sha256", .string(Digest.hex(Array(decisions.joined(separator: "\n").utf8)))),
                ("matched_sha256", .string(Digest.hex(Array(matchedText.joined(separator: "\n").utf8)))),
                ("parse_only_s", r(parseOnly, 1e6)),
                ("libyaml_events", .int(events)),
                ("eval_over_parse_only", r(evalSeconds / parseOnly, 1000)),
                ("compose_s", r(composeSeconds, 1e6)),
                ("to_value_s", r(valueSeconds, 1e6)),
                ("libyaml_compose_s", r(libyamlComposeSeconds, 1e6)),
                ("full_record_s", r(fullSeconds, 1e6)),
                ("full_record_cases", .int(sample)),
                ("full_record_us_per_case", r(sample > 0 ? fullSeconds / Double(sample) * 1e6 : 0, 100)),
                ("full_record_bytes", .int(recordBytes)),
            ]
            if verifyFastPath {
                fields += [("fast_path_lines", .int(fastPathLines)), ("fast_path_identical_to_libyaml", .int(identical))]
            }
            fields.append((
                "notes",
                .string(
                    "eval_s: raw JSONL line -> SourceNode (JSON fast path, libyaml fallback) -> case Value -> BatchDecider.decide -> decision; "
                        + "parse_only_s: libyaml yaml_parser_parse loop alone on the same lines; as-of 2026-01-01")))
            _ = nodes
            _ = values
            return .success(Result(json: .object(fields), tsv: tsv))
        }
    }

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

    /// (b): every line to its decision; out of line for the same reason.
    @inline(never)
    static func decidePhase(
        _ lines: [JSONLines.Line], _ buffer: UnsafeBufferPointer<UInt8>, file: String, limits: LoadLimits,
        decider: BatchDecider, asOf: Instant
    ) -> Swift.Result<([String], [String], [[String]]), Failure> {
        var ids: [String] = []
        var decisions: [String] = []
        var matched: [[String]] = []
        ids.reserveCapacity(lines.count)
        decisions.reserveCapacity(lines.count)
        matched.reserveCapacity(lines.count)
        for line in lines {
            switch JSONLines.document(UnsafeBufferPointer(rebasing: buffer[line.bytes]), file: file, lineNumber: line.number, limits: limits) {
            case .failure(let d):
                return .failure(Failure(d.oneLine))
            case .success(let node):
                guard let c = BenchCase(node) else {
                    return .failure(Failure("\(file):\(line.number + 1): not a case with a string `id`"))
                }
                let result = decider.decide(c.data, asOf: asOf)
                ids.append(c.id)
                decisions.append(result.decision)
                matched.append(result.matched)
            }
        }
        return .success((ids, decisions, matched))
    }

    static func seconds(_ d: Duration) -> Double {
        Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
    }
}

/// A case line reduced to what `decide` needs, read by the same reader as
/// every case (without the digest, which only records need).
struct BenchCase {
    var id: String
    var data: Value

    init?(_ node: SourceNode) {
        var reader = DocumentReader()
        guard let content = reader.readCaseContent(node) else { return nil }
        id = content.id
        data = content.data
    }
}
