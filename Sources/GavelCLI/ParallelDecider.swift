import Dispatch
import Foundation
import GavelEngine
import GavelLog
import GavelSyntax

/// Decides one input: reads it, checks it against the schema, evaluates it
/// and renders its output, as `gavel evaluate` prints it.
struct Decider: Sendable {
    let evaluator: Evaluator
    /// The bundle's schema, checked before any case is decided (SPEC §1.5).
    let check: CaseSchemaCheck?
    let format: EvaluateRun.Format
    let options: Evaluator.Options
    /// The bundle manifest of the decision log when logging: each decision then carries its log entry.
    var logBundle: SHA256Key? = nil

    func decide(_ input: CaseInput) -> EvaluateRun.Outcome {
        var outcome = EvaluateRun.Outcome()
        let node: SourceNode
        switch input.node(limits: .default) {
        case .failure(let problem):
            outcome.bad = true
            outcome.errors = [problem.oneLine + "\n"]
            return outcome
        case .success(let n): node = n
        }
        let record: CaseRecord
        switch CaseLoader.read(node, check: check) {
        case .failure(let error):
            outcome.bad = true
            outcome.errors = error.diagnostics.map { $0.oneLine + "\n" }
            return outcome
        case .success(let r): record = r
        }
        let decision = evaluator.evaluate(record, options: options)
        if !decision.errors.isEmpty {
            outcome.bad = true
            outcome.errors = decision.errors.map { $0.oneLine + "\n" }
        }
        outcome.decidedAsOfNow = decision.asOfSource == .now
        // The log keeps the record exactly as `--format jsonl` prints it, whatever this run prints.
        var recordBytes: [UInt8]?
        if let logBundle, let source = input.source {
            var writer = JSONWriter()
            DecisionRecord.write(decision, bundle: evaluator.bundle, into: &writer)
            recordBytes = writer.bytes
            outcome.logged = LoggedDecision(
                decision, record: writer.bytes,
                recordID: LoggedDecision.recordID(in: writer.bytes)
                    ?? DecisionRecord.id(caseDigest: decision.caseDigest, bundleDigest: evaluator.bundle.digest, asOf: decision.asOf),
                source: source, strict: options.strict, bundle: logBundle)
        }
        switch format {
        case .jsonl:
            if let recordBytes {
                outcome.output = recordBytes + [10]
            } else {
                var writer = JSONWriter()
                DecisionRecord.write(decision, bundle: evaluator.bundle, into: &writer)
                outcome.output = writer.bytes + [10]
            }
        case .json:
            var writer = JSONWriter(pretty: true, depth: 1)
            DecisionRecord.write(decision, bundle: evaluator.bundle, into: &writer)
            outcome.output = writer.bytes
            outcome.decision = decision
        case .text:
            outcome.output = Array(AuditTrailRenderer.render(decision, bundle: evaluator.bundle).utf8)
        }
        return outcome
    }
}

/// One decider per job, each with its own compiled bundle; job `w` decides
/// inputs `w`, `w + jobs`, … of a chunk, and the results keep input order.
struct Workers: Sendable {
    let deciders: [Decider]

    func decide(_ inputs: [CaseInput]) -> [EvaluateRun.Outcome] {
        guard let first = deciders.first else { return [] }
        guard deciders.count > 1, inputs.count > 1 else { return inputs.map { first.decide($0) } }
        let results = OutcomeSlots(count: inputs.count)
        let jobs = deciders.count
        DispatchQueue.concurrentPerform(iterations: jobs) { worker in
            let decider = deciders[worker]
            var index = worker
            while index < inputs.count {
                results.set(index, decider.decide(inputs[index]))
                index += jobs
            }
        }
        return results.values
    }
}

/// Results written by parallel workers, each to its own slot of one
/// allocation: each index is written by exactly one worker, and read only
/// after all of them have finished.
private final class OutcomeSlots: @unchecked Sendable {
    private let storage: UnsafeMutableBufferPointer<EvaluateRun.Outcome>

    init(count: Int) {
        storage = .allocate(capacity: count)
        storage.initialize(repeating: EvaluateRun.Outcome())
    }

    deinit {
        storage.deinitialize()
        storage.deallocate()
    }

    func set(_ index: Int, _ outcome: EvaluateRun.Outcome) { storage[index] = outcome }

    var values: [EvaluateRun.Outcome] { Array(storage) }
}
