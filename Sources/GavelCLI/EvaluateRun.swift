import Dispatch
import Foundation
import GavelEngine
import GavelLog
import GavelSyntax

/// `gavel evaluate` as a library call: the command line only parses flags
/// and hands them here, so the whole behaviour is testable in-process.
///
/// Cases stream: they are read a chunk at a time, decided in parallel on
/// `jobs` threads, and printed in input order, so the output is the same
/// bytes for any `jobs` and memory stays bounded for a batch of any size.
public struct EvaluateRun: Sendable {
    /// The most `--jobs` any command takes. Each job loads the bundle for
    /// itself, so a thousand jobs spent minutes loading before one case was
    /// decided; beyond the cores there is nothing to gain.
    package static let mostJobs = 256

    public enum Format: String, Sendable, CaseIterable { case text, json, jsonl }

    public var cases: [String]
    public var policies: String
    /// `--as-of`: the date for cases without `as_of`; nil means now.
    public var asOf: Instant?
    public var format: Format
    public var strict: Bool
    public var trace: TraceLevel
    public var jobs: Int
    /// The evaluation date for cases without `as_of` and without `--as-of`.
    public var now: Instant
    /// Standard input holds JSON lines rather than YAML documents.
    public var standardInputIsJSONLines: Bool
    /// Where progress goes (a terminal's stderr); nil for none.
    public var progress: (@Sendable (String) -> Void)?
    /// The descriptor `-` reads.
    public var standardInput: Int32 = 0
    /// The decision log every decision is appended to before it is printed; nil for none.
    public var log: (any DecisionStore)?
    /// `--explain-screening`: the trail shows each screened name's near misses.
    public var explainScreening = false
    /// Where screening indexes are kept between runs; nil builds them every run.
    /// The standard place for the command line; tests give their own folder,
    /// so that they never write into the home directory of whoever runs them.
    package var screeningCache = ScreeningIndexCache.standard()

    public init(
        cases: [String], policies: String, asOf: Instant?, format: Format, strict: Bool, now: Instant,
        trace: TraceLevel = .decisive, jobs: Int = 1, standardInputIsJSONLines: Bool = false,
        progress: (@Sendable (String) -> Void)? = nil
    ) {
        self.cases = cases
        self.policies = policies
        self.asOf = asOf
        self.format = format
        self.strict = strict
        self.now = now
        self.trace = trace
        self.jobs = max(1, jobs)
        self.standardInputIsJSONLines = standardInputIsJSONLines
        self.progress = progress
    }

    /// What deciding one input gave: the bytes for stdout, the lines for
    /// stderr, and whether the input was bad.
    struct Outcome: Sendable {
        var output: [UInt8] = []
        var errors: [String] = []
        var bad = false
        var decidedAsOfNow = false
        /// For `--format json`, which prints a lone record unindented.
        var decision: Decision?
        /// The decision's log entry, when logging.
        var logged: LoggedDecision?
        /// `--format jsonl` while logging: the output is the logged record, printed with a line end.
        var outputNeedsNewline = false
    }

    /// Exit status per SPEC §4: 0 ok, 2 when any input was bad (the good
    /// cases are still decided and printed).
    public func run(output: (String) -> Void, errors: (String) -> Void) -> Int32 {
        run(write: { output(String(decoding: $0, as: UTF8.self)) }, errors: errors)
    }

    /// The same, handing stdout bytes over as they are: a batch's records
    /// are never turned into Strings and back.
    public func run(write: ([UInt8]) -> Void, errors: (String) -> Void) -> Int32 {
        func output(_ text: String) { write(Array(text.utf8)) }
        let bundle: CompiledBundle
        switch BundleLoader.load(directory: policies, screeningCache: screeningCache) {
        case .failure(let error):
            errors("gavel: the policy bundle `\(policies)` cannot be evaluated:\n")
            for d in error.diagnostics { errors(d.oneLine + "\n") }
            return 2
        case .success(let b): bundle = b
        }
        let options = Evaluator.Options(
            fallbackAsOf: asOf ?? now, fallbackSource: asOf == nil ? .now : .flag, strict: strict, trace: trace,
            explainScreening: explainScreening)
        let pipeline = log.map { LogPipeline(LogAppender(store: $0, bundle: bundle, directory: policies)) }
        func decider(_ bundle: CompiledBundle) -> Decider {
            Decider(
                evaluator: Evaluator(bundle: bundle), check: bundle.schema.map(CaseSchemaCheck.init), format: format, options: options,
                logBundle: pipeline?.bundleKey)
        }
        // Each job gets a bundle compiled on its own: threads that share one
        // object graph spend their time passing its reference counts' cache
        // lines to each other. Every copy must be the same bundle, byte for byte.
        var deciders = [decider(bundle)]
        for _ in 1..<jobs {
            guard case .success(let copy) = BundleLoader.load(directory: policies, screeningCache: screeningCache), copy.digest == bundle.digest else {
                errors("gavel: the policy bundle `\(policies)` changed while it was being loaded; nothing was decided\n")
                return 2
            }
            deciders.append(decider(copy))
        }
        let workers = Workers(deciders: deciders)

        var inputs = CaseInputs(cases, standardInputIsJSONLines: standardInputIsJSONLines, standardInput: standardInput)
        var status: Int32 = 0
        var printed = 0
        var documents = 0
        var decidedAsOfNow = 0
        // For `--format json`: one object for one case, an array for several,
        // which is known only once a second record or document arrives.
        var held: Outcome?
        let chunkSize = jobs == 1 ? 64 : 256 * jobs
        let started = ContinuousClock.now
        var lastProgress = started
        // One write per chunk (or per megabyte): a record per write would cost a system call per case.
        func emit(_ outcomes: [Outcome]) {
            var out: [UInt8] = []
            // Sized once: grown by doubling, a chunk's records were copied over and over.
            let bytes = outcomes.reduce(0) { $0 + $1.output.count + 1 }
            out.reserveCapacity(min(1 << 20, bytes) + 4096)
            for outcome in outcomes {
                documents += 1
                for line in outcome.errors { errors(line) }
                if outcome.bad { status = 2 }
                if outcome.decidedAsOfNow { decidedAsOfNow += 1 }
                guard !outcome.output.isEmpty else { continue }
                switch format {
                case .jsonl:
                    out += outcome.output
                    if outcome.outputNeedsNewline { out.append(10) }
                case .text:
                    if printed > 0 { out += Array(("\n" + String(repeating: "─", count: 72) + "\n\n").utf8) }
                    out += outcome.output
                case .json:
                    if printed == 0 {
                        held = outcome
                    } else {
                        if let first = held {
                            out += Array("[\n  ".utf8) + first.output
                            held = nil
                        }
                        out += Array(",\n  ".utf8) + outcome.output
                    }
                }
                printed += 1
                // A logged batch is thousands of records: written a megabyte at a time, the buffer stays small and warm.
                if out.count >= 1 << 20 {
                    write(out)
                    out.removeAll(keepingCapacity: true)
                }
            }
            if !out.isEmpty { write(out) }
            if let progress, ContinuousClock.now - lastProgress > .milliseconds(500) {
                lastProgress = ContinuousClock.now
                let seconds = BenchRun.seconds(lastProgress - started)
                progress("\r\(documents) cases, \(Int(Double(documents) / max(seconds, 1e-9))) cases/s, \(inputs.bytesRead >> 20) MiB read")
            }
        }
        // A chunk waiting for its log commit: it is printed once committed, so
        // no record on stdout is one a crash could lose from the log. Fail closed.
        var pending: [(chunks: [[Outcome]], commit: LogPipeline.Commit)] = []
        func settle() -> Bool {
            guard !pending.isEmpty else { return true }
            let (chunks, commit) = pending.removeFirst()
            // The batch comes back to be freed on this side, where its records were allocated.
            if let error = commit.wait().error {
                errors(((error as? Diagnostic)?.oneLine ?? "gavel: the decision log cannot be written: \(error)") + "\n")
                errors("gavel: stopped: decisions that cannot be logged are not printed; the \(printed) printed before were logged\n")
                return false
            }
            for outcomes in chunks { emit(outcomes) }
            return true
        }
        // Standard input may be a live stream: its records are not held back
        // for later chunks. Files are logged about 4,096 decisions a
        // transaction: each commit rewrites the table's last, partly filled
        // page and syncs the WAL, so small transactions cost WAL bytes and CPU
        // out of proportion (at --jobs 1 a chunk is 64 decisions). Two
        // batches are decided ahead of the oldest unconfirmed commit, so a
        // commit waiting for the disk or a WAL checkpoint rarely stalls
        // deciding; more would only hold more records in memory, cold by the
        // time they are printed.
        let live = cases.contains("-")
        let logBatch = live ? chunkSize : max(chunkSize, 4096)
        let ahead = live ? 0 : 2
        // Chunks kept as they came: appended to one array, each outcome was
        // copied, every reference in its log entry retained and released.
        var gathered: [[Outcome]] = []
        var gatheredCount = 0
        func submit(_ pipeline: LogPipeline) {
            guard gatheredCount > 0 else { return }
            var batch = LogPipeline.Batch()
            batch.entries.reserveCapacity(gatheredCount)
            batch.caseBlobs.reserveCapacity(gatheredCount)
            // Moved out of the outcomes, not copied, for the same reason.
            for chunk in gathered.indices {
                for index in gathered[chunk].indices {
                    guard let logged = gathered[chunk][index].logged.take() else { continue }
                    batch.entries.append(logged.entry)
                    batch.caseBlobs.append(logged.caseBlob)
                }
            }
            pending.append((gathered, pipeline.submit(batch)))
            gathered = []
            gatheredCount = 0
        }
        // Prints (or logs) a decided chunk; false when logging failed and the run must stop.
        func take(_ outcomes: [Outcome]) -> Bool {
            guard let pipeline else {
                emit(outcomes)
                return true
            }
            // Logged while the next chunks are read and decided.
            gathered.append(outcomes)
            gatheredCount += outcomes.count
            guard gatheredCount >= logBatch else { return true }
            submit(pipeline)
            while pending.count > ahead {
                guard settle() else { return false }
            }
            return true
        }
        // With several jobs, a chunk is decided while the one before it is
        // printed and the one after it is read. Done in turn, reading and
        // writing left all jobs but one idle: `--jobs 2` writing its records
        // to a file took 10 % longer. One job stays one thread, and a live
        // standard input is not read ahead of printing what it already sent.
        let overlaps = jobs > 1 && !live
        var deciding: (chunk: DecidingChunk, inputs: [CaseInput])?
        while true {
            var chunk: [CaseInput] = []
            chunk.reserveCapacity(chunkSize)
            while chunk.count < chunkSize, let input = inputs.next() { chunk.append(input) }
            let previous = deciding.map { Self.documentLines($0.chunk.outcomes(), of: $0.inputs) }
            deciding = nil
            if overlaps, !chunk.isEmpty { deciding = (DecidingChunk(chunk, on: workers), chunk) }
            if let previous, !take(previous) { return 2 }
            if chunk.isEmpty { break }
            // A chunk is decided on every job at once, then printed in input order.
            if !overlaps, !take(Self.documentLines(workers.decide(chunk), of: chunk)) { return 2 }
        }
        if let pipeline { submit(pipeline) }
        while !pending.isEmpty {
            guard settle() else { return 2 }
        }
        if format == .json {
            if let only = held, let decision = only.decision, documents == 1 {
                output(DecisionRecord.text(decision, bundle: bundle, pretty: true) + "\n")
            } else if let only = held {
                output("[\n  " + String(decoding: only.output, as: UTF8.self) + "\n]\n")
            } else if printed > 0 {
                output("\n]\n")
            } else if documents != 1 {
                output("[]\n")
            }
        }
        if progress != nil, documents > 0 { progress?("\r\u{1B}[K") }
        if decidedAsOfNow > 0 {
            errors(
                "gavel: warning: \(decidedAsOfNow == 1 ? "1 case was" : "\(decidedAsOfNow) cases were") decided as of now (\(now)); "
                    + "\(decidedAsOfNow == 1 ? "its record id" : "their record ids") cannot be reproduced: "
                    + "give the case an `as_of:` or pass --as-of\n")
        }
        return status
    }
}

extension EvaluateRun {
    /// Each logged document of a YAML or JSON file gets the line it starts on
    /// as its `case_line` (the log's provenance, 1-based as messages are):
    /// only the composed node knows it, and the source of every document of a
    /// file is the same bytes.
    static func documentLines(_ outcomes: [Outcome], of inputs: [CaseInput]) -> [Outcome] {
        guard outcomes.contains(where: { $0.logged != nil }) else { return outcomes }
        var outcomes = outcomes
        for (index, input) in zip(outcomes.indices, inputs) {
            if case .document(let node, _) = input { outcomes[index].logged?.entry.caseSource?.line = node.location.line }
        }
        return outcomes
    }
}
