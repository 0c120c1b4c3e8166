import Foundation
import GavelEngine
import GavelSyntax

/// A logged decision decided again from what the log stored — the case
/// bytes, the bundle files, `as_of`, strictness and trace level — to get
/// the `Decision` the text trail is rendered from (the trail needs the
/// compiled bundle, which the record alone does not hold).
///
/// The bundle is loaded from its stored files (`StoredBundle`), and the
/// result is checked against the stored record byte for byte, so what is
/// shown is what was logged.
public struct StoredDecision: Sendable {
    public let decision: Decision
    public let bundle: CompiledBundle

    /// With `trace`, the decision is taken again at that trace level too (the
    /// full trace of a decision logged at `decisive`), once the logged
    /// level has reproduced the stored record.
    public static func redecide(_ logged: ChainedEntry, store: any DecisionStore, trace: TraceLevel? = nil) throws -> StoredDecision {
        let e = logged.entry
        func problem(_ reason: String) -> Diagnostic {
            .log(.logReplay, "entry \(logged.seq) (\(e.recordID)) cannot be decided again: \(reason)", path: store.location)
        }
        guard let bundleKey = e.bundle, e.caseSource != nil else { throw problem("it has no case or no bundle") }
        let bundle = try StoredBundle.load(bundleKey, store: store).mapError { problem($0.text) }.get()
        let source = try StoredCase.source(e, store: store).mapError { problem($0.text) }.get()
        // With the near misses where evaluate printed them: they change nothing the record holds.
        let explained = e.explainScreening ?? false
        let decided = try LogReplay.decide(e, source: source, bundle: bundle, explainScreening: explained).mapError { problem($0.text) }.get()
        guard decided.record == e.record else {
            throw problem(
                e.engineVersion == DecisionRecord.engineVersion
                    ? "deciding its stored case again gives a different record (`gavel audit replay \(logged.seq)` shows how)"
                    : "it was decided by gavel \(e.engineVersion) and this is gavel \(DecisionRecord.engineVersion), which decides it differently")
        }
        guard let trace, trace.rawValue != e.traceLevel else { return StoredDecision(decision: decided.decision, bundle: bundle) }
        let traced = try LogReplay.decide(e, source: source, bundle: bundle, trace: trace, explainScreening: explained).mapError { problem($0.text) }.get()
        return StoredDecision(decision: traced.decision, bundle: bundle)
    }
}
