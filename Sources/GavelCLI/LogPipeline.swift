import Dispatch
import Foundation
import GavelEngine
import GavelLog

/// Appends decided chunks on a thread of its own, so chunks are committed
/// while later ones are decided; the run prints a chunk only once its
/// commit is confirmed. Chunks that queue up while a commit is on its way
/// to disk go into the next transaction together (a group commit), so a
/// slow disk costs fewer, larger commits rather than a stall per chunk.
/// After a failed append nothing more is appended: a chunk that was never
/// printed must not be followed by ones that are.
///
/// A batch goes back to the thread that submitted it, which frees it: freed
/// here, every record and string was a free into the deciding thread's
/// malloc arena, and each took that arena's lock while the deciding thread
/// was allocating from it (at `--jobs 1`, 11,600 voluntary context switches
/// per 100,000 decisions; 900 since).
final class LogPipeline: @unchecked Sendable {
    /// One chunk's commit: wait for it before printing the chunk.
    final class Commit: @unchecked Sendable {
        private let done = DispatchSemaphore(value: 0)
        // Written once on the log thread before `done` is signalled, read only after waiting on it.
        fileprivate var error: (any Error)?
        /// The batch, handed back once the log thread no longer holds any of it.
        fileprivate var batch = Batch()

        fileprivate func finish(_ error: (any Error)?) {
            self.error = error
            done.signal()
        }

        /// Blocks until committed; the error when it was not. The batch is
        /// handed back to the caller, to be freed on its own thread.
        func wait() -> (error: (any Error)?, batch: Batch) {
            done.wait()
            done.signal()
            var returned = Batch()
            swap(&returned, &batch)
            return (error, returned)
        }
    }

    private let queue = DispatchQueue(label: "gavel.decision-log")
    private let lock = NSLock()
    // Guarded by `lock`.
    private var waiting: [(batch: Batch, commit: Commit)] = []
    private var draining = false
    // Touched only on `queue`.
    private var appender: LogAppender
    private var failure: (any Error)?

    let bundleKey: SHA256Key

    init(_ appender: LogAppender) {
        self.appender = appender
        bundleKey = appender.bundleKey
    }

    /// Decisions to append together: their entries and case blobs, in input order.
    struct Batch: Sendable {
        var entries: [LogEntry] = []
        var caseBlobs: [Blob?] = []
    }

    func submit(_ batch: Batch) -> Commit {
        let commit = Commit()
        let start: Bool = lock.withLock {
            waiting.append((batch, commit))
            defer { draining = true }
            return !draining
        }
        if start { queue.async { self.drain() } }
        return commit
    }

    private func drain() {
        while true {
            var batches: [(batch: Batch, commit: Commit)] = lock.withLock {
                defer { waiting = [] }
                if waiting.isEmpty { draining = false }
                return waiting
            }
            if batches.isEmpty { return }
            if failure == nil {
                do {
                    // Most often one batch: appended as it came, not copied into another.
                    if batches.count == 1 {
                        try appender.append(entries: batches[0].batch.entries, caseBlobs: batches[0].batch.caseBlobs)
                    } else {
                        try appender.append(
                            entries: batches.flatMap(\.batch.entries), caseBlobs: batches.flatMap(\.batch.caseBlobs))
                    }
                } catch {
                    failure = error
                }
            }
            // Moved, not copied: after this the log thread holds no reference into the batch.
            for index in batches.indices {
                swap(&batches[index].batch, &batches[index].commit.batch)
                batches[index].commit.finish(failure)
            }
        }
    }
}
