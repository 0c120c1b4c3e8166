import Foundation
import GavelEngine
import GavelSyntax

/// `gavel diff` as a library call: every case decided by two bundles, and
/// each one whose decision, deciding rules, obligations or matches change is
/// shown with the rules whose status changed, then a summary of transitions.
/// Cases stream in chunks decided on `jobs` threads, so a million-case batch
/// runs in bounded memory; the text and JSON reports stream too.
public struct DiffRun: Sendable {
    public enum Format: String, Sendable, CaseIterable { case text, markdown, json }

    public var cases: [String]
    public var from: String
    public var to: String
    public var asOf: Instant?
    public var now: Instant
    public var format: Format
    public var jobs: Int
    public var workingDirectory: String
    /// Where screening indexes are kept between runs, as for `gavel evaluate`
    /// (`EvaluateRun.screeningCache`): each side is loaded once per job, and
    /// a bundle with a large list is then indexed once, not per load.
    package var screeningCache = ScreeningIndexCache.standard()

    public init(
        cases: [String], from: String, to: String, asOf: Instant?, now: Instant, format: Format = .text, jobs: Int = 1,
        workingDirectory: String = FileManager.default.currentDirectoryPath
    ) {
        self.cases = cases
        self.from = from
        self.to = to
        self.asOf = asOf
        self.now = now
        self.format = format
        self.jobs = max(1, jobs)
        self.workingDirectory = workingDirectory
    }

    /// Exit 0 after a complete comparison; 2 when a side does not load or an input was bad.
    public func run(output: (String) -> Void, errors: (String) -> Void) -> Int32 {
        var sources: [DiffBundleSource] = []
        defer { sources.forEach { $0.cleanUp() } }
        var bundles: [CompiledBundle] = []
        for (flag, spec) in [("--from", from), ("--to", to)] {
            switch DiffBundleSource.resolve(spec, workingDirectory: workingDirectory) {
            case .failure(.message(let message)):
                errors("gavel diff: \(flag) \(message)\n")
                return 2
            case .success(let source):
                sources.append(source)
                switch BundleLoader.load(directory: source.directory, screeningCache: screeningCache) {
                case .failure(let error):
                    errors("gavel diff: \(flag) bundle `\(spec)` does not load:\n")
                    for d in error.diagnostics { errors(d.oneLine.replacingOccurrences(of: source.directory, with: spec) + "\n") }
                    return 2
                case .success(let bundle): bundles.append(bundle)
                }
            }
        }
        // One worker per job, each with both bundles compiled on its own.
        var workers: [DiffWorker] = []
        for job in 0..<jobs {
            if job == 0 {
                workers.append(DiffWorker(before: bundles[0], after: bundles[1], asOf: asOf, now: now))
            } else {
                guard case .success(let a) = BundleLoader.load(directory: sources[0].directory, screeningCache: screeningCache),
                    case .success(let b) = BundleLoader.load(directory: sources[1].directory, screeningCache: screeningCache),
                    a.digest == bundles[0].digest, b.digest == bundles[1].digest
                else {
                    errors("gavel diff: a bundle changed while it was being loaded; nothing was compared\n")
                    return 2
                }
                workers.append(DiffWorker(before: a, after: b, asOf: asOf, now: now))
            }
        }
        let parallel = ParallelMap(workers: workers)
        var report = DiffReport(format: format, from: from, to: to)
        output(report.begin())
        var inputs = CaseInputs(cases)
        var status: Int32 = 0
        let chunkSize = 256 * jobs
        while true {
            var chunk: [CaseInput] = []
            chunk.reserveCapacity(chunkSize)
            while chunk.count < chunkSize, let input = inputs.next() { chunk.append(input) }
            if chunk.isEmpty { break }
            var out = ""
            for result in parallel.map(chunk, { worker, input in worker.compare(input) }) {
                for line in result.errors { errors(line) }
                if result.bad { status = 2 }
                if let compared = result.compared { out += report.add(compared) }
            }
            if !out.isEmpty { output(out) }
        }
        output(report.end())
        return status
    }
}

/// Both bundles, and what one case gives under each.
struct DiffWorker: Sendable {
    let before: Evaluator
    let after: Evaluator
    let beforeCheck: CaseSchemaCheck?
    let afterCheck: CaseSchemaCheck?
    let options: Evaluator.Options

    init(before: CompiledBundle, after: CompiledBundle, asOf: Instant?, now: Instant) {
        self.before = Evaluator(bundle: before)
        self.after = Evaluator(bundle: after)
        beforeCheck = before.schema.map(CaseSchemaCheck.init)
        afterCheck = after.schema.map(CaseSchemaCheck.init)
        options = Evaluator.Options(fallbackAsOf: asOf ?? now, fallbackSource: asOf == nil ? .now : .flag, trace: .none)
    }

    struct Result: Sendable {
        var compared: Compared?
        var errors: [String] = []
        var bad = false
    }

    struct Compared: Sendable {
        var change: CaseChange?
    }

    func compare(_ input: CaseInput) -> Result {
        let node: SourceNode
        switch input.node(limits: .default) {
        case .failure(let problem): return Result(errors: [problem.oneLine + "\n"], bad: true)
        case .success(let n): node = n
        }
        var result = Result()
        func side(_ evaluator: Evaluator, _ check: CaseSchemaCheck?, _ name: String) -> (String, SourceLocation, DecisionSummary)? {
            switch CaseLoader.read(node, check: check) {
            case .failure(let error):
                // Reading without the schema tells a bad document from one this bundle's schema refuses.
                guard case .success(let record) = CaseLoader.read(node, check: nil) else {
                    result.errors += error.diagnostics.map { $0.oneLine + "\n" }
                    result.bad = true
                    return nil
                }
                result.errors += error.diagnostics.map { "\($0.oneLine) (the \(name) bundle's schema)\n" }
                return (record.id, record.location, .refused)
            case .success(let record):
                return (record.id, record.location, DecisionSummary(evaluator.evaluate(record, options: options)))
            }
        }
        guard let (id, location, a) = side(before, beforeCheck, "--from") else { return result }
        guard let (_, _, b) = side(after, afterCheck, "--to") else { return result }
        // Both sides refusing the case is bad input, not a change.
        if a == .refused && b == .refused {
            result.bad = true
            return result
        }
        result.compared = Compared(change: CaseChange(id: id, location: location, before: a, after: b))
        return result
    }
}

extension DecisionSummary {
    /// A case the bundle's schema refuses: it is not decided at all.
    static let refused = DecisionSummary(refusedDecision: "(refused by the schema)")

    private init(refusedDecision: String) {
        decision = refusedDecision
        determinedBy = []
        obligations = []
        matches = []
        statuses = [:]
    }
}
