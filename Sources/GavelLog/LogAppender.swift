import GavelEngine
import GavelSyntax

/// One `gavel evaluate` run's side of the log: the bundle's blobs go in
/// with the first batch, and only then; each batch is one transaction.
public struct LogAppender: Sendable {
    public let store: any DecisionStore
    /// The bundle manifest blob every entry of this run refers to.
    public let bundleKey: SHA256Key
    private let bundleBlobs: [Blob]
    private var bundleStored = false
    /// The last case blob appended: the documents of one file share it.
    private var lastCaseBlob: SHA256Key?

    package init(store: any DecisionStore, bundle: CompiledBundle, directory: String) {
        self.store = store
        let (manifest, files) = BundleManifestBlob.blobs(for: bundle, directory: directory)
        bundleKey = manifest.key
        bundleBlobs = files + [manifest]
    }

    /// Appends and commits decisions in input order, as their entries and
    /// case blobs (`caseBlobs[i]` is `entries[i]`'s); after it returns they
    /// are durable. Taken apart, not as `LoggedDecision`s: each entry is a
    /// dozen references, and copying it into another array costs a
    /// reference count for each.
    public mutating func append(entries: [LogEntry], caseBlobs: [Blob?]) throws {
        guard !entries.isEmpty else { return }
        var blobs = bundleStored ? [] : bundleBlobs
        for blob in caseBlobs {
            guard let blob, blob.key != lastCaseBlob else { continue }
            blobs.append(blob)
            lastCaseBlob = blob.key
        }
        _ = try store.append(entries, blobs: blobs, loggedAt: LogClock.timestamp())
        bundleStored = true
    }
}
