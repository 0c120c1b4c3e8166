import Foundation
import GavelLog
import GavelSyntax

/// Appends decisions to the log on a thread of its own, in group commits:
/// whatever requests queued while one transaction was on its way to disk
/// goes into the next, so a commit's cost is shared by every decision that
/// waited for it. A request is answered only after its decisions' commit
/// returned: an acknowledged decision is in the log.
///
/// The store's calls block, so they run here, never on the Swift
/// concurrency pool or an event loop. A failed commit fails only the
/// requests in it (they answer 503); the next one starts from the chain
/// head as the log has it, so nothing is lost or forked.
final class DecisionLogWriter: @unchecked Sendable {
    private struct Job {
        var decisions: [LoggedDecision]
        var bundle: LoadedBundle
        var done: CheckedContinuation<Void, any Error>
    }

    let store: any DecisionStore
    private let metrics: ServerMetrics
    private let condition = NSCondition()
    // Guarded by `condition`.
    private var queue: [Job] = []
    private var stopping = false
    private var finished = false
    // Touched only on the writer thread: bundles whose blobs are committed.
    private var storedBundles = Set<SHA256Key>()
    /// Entries per transaction at most; a larger backlog is split.
    private let maxBatch = 4096

    init(store: any DecisionStore, metrics: ServerMetrics) {
        self.store = store
        self.metrics = metrics
        let thread = Thread { [self] in run() }
        thread.name = "gavel.log-writer"
        thread.start()
    }

    /// Returns once `decisions` are committed; throws when they are not.
    func append(_ decisions: [LoggedDecision], bundle: LoadedBundle) async throws {
        guard !decisions.isEmpty else { return }
        try await withCheckedThrowingContinuation { (done: CheckedContinuation<Void, any Error>) in
            condition.lock()
            if stopping {
                condition.unlock()
                done.resume(throwing: Diagnostic.error(.logUnwritable, "the service is shutting down", at: nil))
                return
            }
            queue.append(Job(decisions: decisions, bundle: bundle, done: done))
            condition.signal()
            condition.unlock()
        }
    }

    /// Commits what is queued, then stops the thread.
    func stop() {
        condition.lock()
        stopping = true
        condition.broadcast()
        while !finished { condition.wait() }
        condition.unlock()
    }

    private func run() {
        while true {
            condition.lock()
            while queue.isEmpty && !stopping { condition.wait() }
            if queue.isEmpty && stopping {
                finished = true
                condition.broadcast()
                condition.unlock()
                return
            }
            var batch: [Job] = []
            var count = 0
            while let job = queue.first, batch.isEmpty || count + job.decisions.count <= maxBatch {
                batch.append(queue.removeFirst())
                count += job.decisions.count
            }
            condition.unlock()
            commit(batch)
        }
    }

    private func commit(_ batch: [Job]) {
        var blobs: [Blob] = []
        var newBundles = Set<SHA256Key>()
        var caseBlobs = Set<SHA256Key>()
        var entries: [LogEntry] = []
        for job in batch {
            if !storedBundles.contains(job.bundle.manifestKey), newBundles.insert(job.bundle.manifestKey).inserted {
                blobs += job.bundle.blobs
            }
            for decision in job.decisions {
                entries.append(decision.entry)
                if let blob = decision.caseBlob, caseBlobs.insert(blob.key).inserted { blobs.append(blob) }
            }
        }
        let started = ContinuousClock.now
        do {
            try store.append(entries, blobs: blobs, loggedAt: LogClock.timestamp())
            metrics.logAppended(entries: entries.count, seconds: Self.seconds(ContinuousClock.now - started))
            storedBundles.formUnion(newBundles)
            for job in batch { job.done.resume() }
        } catch {
            metrics.logFailed()
            for job in batch { job.done.resume(throwing: error) }
        }
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
