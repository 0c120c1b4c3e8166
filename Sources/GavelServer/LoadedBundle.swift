import Foundation
import GavelEngine
import GavelLint
import GavelLog
import GavelSyntax

/// A bundle as the service decides with it: loaded, linted, compiled once,
/// with its log blobs ready. Immutable: a reload makes a new one, and a
/// request keeps the one it started with until it has answered.
final class LoadedBundle: Sendable {
    let directory: String
    /// Where its screening indexes were read from, and a reload reads them.
    let screeningCache: ScreeningIndexCache?
    let bundle: CompiledBundle
    let evaluator: Evaluator
    let check: CaseSchemaCheck?
    let names: NameScreen
    /// The bundle manifest blob every entry decided by this bundle refers to, and the blobs of its files.
    let manifestKey: SHA256Key
    let blobs: [Blob]
    let loadedAt: String

    private init(directory: String, screeningCache: ScreeningIndexCache?, bundle: CompiledBundle) {
        self.directory = directory
        self.screeningCache = screeningCache
        self.bundle = bundle
        evaluator = Evaluator(bundle: bundle)
        check = bundle.schema.map(CaseSchemaCheck.init)
        names = NameScreen(lists: bundle.lists, mode: .indexed)
        let (manifest, files) = BundleManifestBlob.blobs(for: bundle, directory: directory)
        manifestKey = manifest.key
        blobs = files + [manifest]
        loadedAt = LogClock.timestamp()
    }

    /// Loads and lints `directory` in full: a bundle with any load or lint
    /// error is refused with every problem, and nothing of it is used.
    static func load(_ directory: String, screeningCache: ScreeningIndexCache?) -> Result<LoadedBundle, DiagnosticError> {
        let bundle: CompiledBundle
        switch BundleLoader.load(directory: directory, screeningCache: screeningCache) {
        case .failure(let error): return .failure(error)
        case .success(let b): bundle = b
        }
        let report = Linter.lint(policies: directory, caseFiles: [])
        let errors = report.findings.filter { $0.severity == .error }
        if !errors.isEmpty { return .failure(DiagnosticError(errors)) }
        return .success(LoadedBundle(directory: directory, screeningCache: screeningCache, bundle: bundle))
    }

    var id: String { bundle.manifest.id }
    var version: String? { bundle.manifest.version }
    var digest: String { bundle.digest }

    /// `GET /v1/bundle`.
    func info() -> [UInt8] {
        var w = JSONWriter()
        w.beginObject()
        w.field("id")
        w.string(id)
        w.field("version")
        if let version { w.string(version) } else { w.null() }
        w.field("digest")
        w.string(digest)
        w.field("loaded_at")
        w.string(loadedAt)
        w.field("lists")
        w.beginArray()
        for list in bundle.lists {
            w.beginObject()
            w.field("id")
            w.string(list.id)
            w.field("title")
            if let title = list.title { w.string(title) } else { w.null() }
            w.field("as_of")
            if let asOf = list.asOf { w.string(asOf.description) } else { w.null() }
            w.field("entries")
            w.int(list.entries.count)
            w.field("digest")
            w.string(list.digest)
            w.endObject()
        }
        w.endArray()
        w.endObject()
        return w.bytes
    }
}

/// The bundle in service, swapped whole on reload.
final class BundleHolder: @unchecked Sendable {
    private let lock = NSLock()
    // Guarded by `lock`.
    private var loaded: LoadedBundle
    private var reloading = false

    init(_ loaded: LoadedBundle) { self.loaded = loaded }

    var current: LoadedBundle { lock.withLock { loaded } }

    enum ReloadOutcome {
        case swapped(from: LoadedBundle, to: LoadedBundle)
        case refused(DiagnosticError)
        case busy
    }

    /// Loads the bundle's folder again, off the request path; the new
    /// bundle replaces the old only once it has loaded and linted cleanly.
    func reload() -> ReloadOutcome {
        let (directory, cache, start): (String, ScreeningIndexCache?, Bool) = lock.withLock {
            defer { reloading = true }
            return (loaded.directory, loaded.screeningCache, !reloading)
        }
        guard start else { return .busy }
        let outcome = LoadedBundle.load(directory, screeningCache: cache)
        return lock.withLock {
            reloading = false
            switch outcome {
            case .failure(let error): return .refused(error)
            case .success(let fresh):
                let old = loaded
                loaded = fresh
                return .swapped(from: old, to: fresh)
            }
        }
    }
}
