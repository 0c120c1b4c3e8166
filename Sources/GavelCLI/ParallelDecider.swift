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
        let record: CaseRecord
        switch input.record(limits: .default, check: check) {
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
        if let logBundle, let source = input.source {
            var writer = JSONWriter()
            DecisionRecord.write(decision, bundle: evaluator.bundle, into: &writer)
            // Taken out of the writer once: each `bytes` is a fresh copy of the record.
            let record = writer.bytes
            outcome.logged = LoggedDecision(
                decision, record: record,
                recordID: LoggedDecision.recordID(in: record)
                    ?? DecisionRecord.id(caseDigest: decision.caseDigest, bundleDigest: evaluator.bundle.digest, asOf: decision.asOf),
                source: source, strict: options.strict, explainScreening: options.explainScreening, bundle: logBundle)
        }
        switch format {
        case .jsonl:
            if let logged = outcome.logged {
                // The log entry's record, shared rather than copied; its line end is added as it is printed.
                outcome.output = logged.entry.record
                outcome.outputNeedsNewline = true
            } else {
                // The line end written into the same buffer: one copy out, not three.
                var writer = JSONWriter()
                DecisionRecord.write(decision, bundle: evaluator.bundle, into: &writer)
                writer.newlineAtEnd()
                outcome.output = writer.bytes
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

/// One decider per job, each with its own compiled bundle; results keep input order.
struct Workers: Sendable {
    let deciders: [Decider]

    func decide(_ inputs: [CaseInput]) -> [EvaluateRun.Outcome] {
        ParallelMap(workers: deciders).map(inputs) { decider, input in decider.decide(input) }
    }
}

/// One chunk being decided on the jobs while the caller reads and prints.
final class DecidingChunk: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    // Written once by the deciding thread before `done` is signalled, read only after waiting on it.
    private var decided: [EvaluateRun.Outcome] = []

    init(_ chunk: [CaseInput], on workers: Workers) {
        DispatchQueue.global().async {
            self.decided = workers.decide(chunk)
            self.done.signal()
        }
    }

    /// Waits until the chunk is decided: its outcomes, in input order.
    func outcomes() -> [EvaluateRun.Outcome] {
        done.wait()
        return decided
    }
}
