import GavelEngine
import GavelLog
import GavelSyntax

/// The audit trail of a logged decision, for `GET /v1/decisions/{id}`.
/// Decided by the bundle in service, its stored case is read and decided
/// again in memory; by another bundle, `StoredDecision` rebuilds that bundle
/// from the log's blobs (what `gavel audit show` does). Either way the
/// record must come out byte for byte as logged, or there is no trail.
enum StoredTrail {
    static func render(_ logged: ChainedEntry, current: LoadedBundle, store: any DecisionStore) throws -> String {
        if logged.entry.bundle == current.manifestKey, let decision = redecide(logged, with: current) {
            return AuditTrailRenderer.render(decision, bundle: current.bundle)
        }
        let stored = try StoredDecision.redecide(logged, store: store)
        return AuditTrailRenderer.render(stored.decision, bundle: stored.bundle)
    }

    /// nil when anything differs from what was logged: the slow path then says why.
    private static func redecide(_ logged: ChainedEntry, with loaded: LoadedBundle) -> Decision? {
        let e = logged.entry
        guard let reference = e.caseSource, let bytes = reference.inline, let format = CaseSource.Format(rawValue: reference.format),
            let asOf = Instant.parse(e.asOf), let asOfSource = AsOfSource(rawValue: e.asOfSource), let trace = TraceLevel(rawValue: e.traceLevel)
        else { return nil }
        let source = CaseSource(bytes: bytes, format: format, document: reference.document, file: reference.file, line: reference.line)
        guard case .success(let node) = source.node(), case .success(let record) = CaseLoader.read(node, check: loaded.check) else { return nil }
        let options = Evaluator.Options(fallbackAsOf: asOf, fallbackSource: asOfSource, strict: e.strict, trace: trace)
        let decision = loaded.evaluator.evaluate(record, options: options)
        var writer = JSONWriter()
        DecisionRecord.write(decision, bundle: loaded.bundle, into: &writer)
        return writer.bytes == e.record ? decision : nil
    }
}
