import GavelEngine
import GavelSyntax

/// A logged decision decided again from what the log stored — the case
/// bytes, the bundle, `as_of` and its source, `--strict` — never from the
/// files as they are now.
package enum LogReplay {
    package enum Outcome: Sendable {
        /// The record came out byte for byte as logged.
        case reproduced
        /// It did not: the record deciding it again gives.
        case differs(replayed: [UInt8])
        /// It could not be decided again (the case no longer reads, …).
        case failed(ProblemText)
    }

    /// The options the entry was decided with; `trace` replaces the logged trace level. Near misses
    /// (`explainScreening`) change no record, so a replay, which compares records, leaves them out.
    package static func options(_ e: LogEntry, trace: TraceLevel? = nil, explainScreening: Bool = false) -> Result<Evaluator.Options, ProblemText> {
        guard let asOf = Instant.parse(e.asOf), let asOfSource = AsOfSource(rawValue: e.asOfSource),
            let logged = TraceLevel(rawValue: e.traceLevel)
        else {
            return .failure(
                ProblemText("its as_of `\(e.asOf)`, as_of_source `\(e.asOfSource)` or trace level `\(e.traceLevel)` is not one gavel writes"))
        }
        return .success(
            Evaluator.Options(
                fallbackAsOf: asOf, fallbackSource: asOfSource, strict: e.strict, trace: trace ?? logged, explainScreening: explainScreening))
    }

    /// Decides the stored case with `bundle` (the entry's own, loaded from the log).
    package static func decide(
        _ e: LogEntry, source: CaseSource, bundle: CompiledBundle, trace: TraceLevel? = nil, explainScreening: Bool = false
    ) -> Result<(decision: Decision, record: [UInt8]), ProblemText> {
        decide(e, source: source, evaluator: Evaluator(bundle: bundle), trace: trace, explainScreening: explainScreening)
    }

    /// The same with an evaluator made once for many entries of one bundle.
    package static func decide(
        _ e: LogEntry, source: CaseSource, evaluator: Evaluator, trace: TraceLevel? = nil, explainScreening: Bool = false
    ) -> Result<(decision: Decision, record: [UInt8]), ProblemText> {
        let bundle = evaluator.bundle
        let options: Evaluator.Options
        switch Self.options(e, trace: trace, explainScreening: explainScreening) {
        case .failure(let problem): return .failure(problem)
        case .success(let o): options = o
        }
        let record: CaseRecord
        switch StoredCase.read(source, schema: bundle.schema) {
        case .failure(let problem): return .failure(problem)
        case .success(let r): record = r
        }
        let decision = evaluator.evaluate(record, options: options)
        var writer = JSONWriter()
        DecisionRecord.write(decision, bundle: bundle, into: &writer)
        return .success((decision, writer.bytes))
    }

    /// Whether deciding the entry again reproduces its record.
    package static func replay(_ e: LogEntry, source: CaseSource, bundle: CompiledBundle) -> Outcome {
        replay(e, source: source, evaluator: Evaluator(bundle: bundle))
    }

    package static func replay(_ e: LogEntry, source: CaseSource, evaluator: Evaluator) -> Outcome {
        switch decide(e, source: source, evaluator: evaluator) {
        case .failure(let problem): return .failed(problem)
        case .success(let replayed): return replayed.record == e.record ? .reproduced : .differs(replayed: replayed.record)
        }
    }
}
