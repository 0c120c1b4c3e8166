import Foundation
import GavelEngine
import GavelSyntax

/// A logged decision decided again from what the log stored — the case
/// bytes, the bundle files, `as_of`, strictness and trace level — to get
/// the `Decision` the text trail is rendered from (the trail needs the
/// compiled bundle, which the record alone does not hold).
///
/// The bundle is loaded from its stored files written into a temporary
/// folder named as the original was (an implicit bundle id is that name):
/// the loader then runs exactly as it did, with no second way of reading a
/// bundle to keep in step. The result is checked against the stored record
/// byte for byte, so what is shown is what was logged.
public struct StoredDecision: Sendable {
    public let decision: Decision
    public let bundle: CompiledBundle

    public static func redecide(_ logged: ChainedEntry, store: any DecisionStore) throws -> StoredDecision {
        let e = logged.entry
        func problem(_ reason: String) -> Diagnostic {
            .log(.logReplay, "entry \(logged.seq) (\(e.recordID)) cannot be decided again: \(reason)", path: store.location)
        }
        guard let bundleKey = e.bundle, let caseReference = e.caseSource else { throw problem("it has no case or no bundle") }
        guard let manifestBytes = try store.blob(bundleKey), let manifest = BundleManifestBlob.decode(manifestBytes) else {
            throw problem("its bundle manifest \(bundleKey) is missing or unreadable")
        }
        let bundle = try load(manifest, store: store, problem: problem)
        let caseBytes: [UInt8]
        switch caseReference.bytes {
        case .inline(let bytes): caseBytes = bytes
        case .blob(let key):
            guard let bytes = try store.blob(key) else { throw problem("its case blob \(key) is missing") }
            caseBytes = bytes
        }
        guard let format = CaseSource.Format(rawValue: caseReference.format) else { throw problem("unknown case format `\(caseReference.format)`") }
        let source = CaseSource(
            bytes: caseBytes, format: format, document: caseReference.document, file: caseReference.file, line: caseReference.line)
        let record: CaseRecord
        switch source.node().mapError({ DiagnosticError($0) }).flatMap({ CaseLoader.read($0, schema: bundle.schema) }) {
        case .failure(let error): throw problem("its case no longer reads: \(error.diagnostics.first?.message ?? "")")
        case .success(let r): record = r
        }
        guard let asOf = Instant.parse(e.asOf), let asOfSource = AsOfSource(rawValue: e.asOfSource),
            let trace = TraceLevel(rawValue: e.traceLevel)
        else { throw problem("its as_of `\(e.asOf)`, as_of_source `\(e.asOfSource)` or trace level `\(e.traceLevel)` is not one gavel writes") }
        let options = Evaluator.Options(fallbackAsOf: asOf, fallbackSource: asOfSource, strict: e.strict, trace: trace)
        let decision = Evaluator(bundle: bundle).evaluate(record, options: options)
        var writer = JSONWriter()
        DecisionRecord.write(decision, bundle: bundle, into: &writer)
        guard writer.bytes == e.record else {
            throw problem(
                e.engineVersion == DecisionRecord.engineVersion
                    ? "deciding its stored case again gives a different record"
                    : "it was decided by gavel \(e.engineVersion) and this is gavel \(DecisionRecord.engineVersion), which decides it differently")
        }
        return StoredDecision(decision: decision, bundle: bundle)
    }

    private static func load(
        _ manifest: BundleManifestBlob, store: any DecisionStore, problem: (String) -> Diagnostic
    ) throws -> CompiledBundle {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("gavel-bundle-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let folder = manifest.folder.isEmpty || manifest.folder.contains("/") || manifest.folder.hasPrefix(".") ? "bundle" : manifest.folder
        let root = scratch.appendingPathComponent(folder)
        for file in manifest.files {
            // Paths come from the log, which may have been edited: none may leave the folder.
            guard !file.path.hasPrefix("/"), !file.path.split(separator: "/").contains(".."), let key = SHA256Key(hex: file.sha256) else {
                throw problem("its bundle manifest lists `\(file.path)`, which is not a path inside a bundle")
            }
            guard let bytes = try store.blob(key) else { throw problem("bundle file `\(file.path)` (blob \(key)) is missing") }
            let url = root.appendingPathComponent(file.path)
            do {
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(bytes).write(to: url)
            } catch {
                throw problem("cannot write its bundle into `\(scratch.path)`: \(error.localizedDescription)")
            }
        }
        switch BundleLoader.load(directory: root.path) {
        case .failure(let error): throw problem("its bundle no longer loads: \(error.diagnostics.first?.message ?? "")")
        case .success(let bundle):
            guard bundle.digest == manifest.digest else {
                throw problem("its bundle reloads with digest \(bundle.digest), not the logged \(manifest.digest)")
            }
            return bundle
        }
    }
}
