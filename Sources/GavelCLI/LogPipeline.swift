import Dispatch
import GavelEngine
import GavelLog

/// Appends each chunk's decisions on a thread of its own, so a chunk is
/// committed while the next is decided; the run prints a chunk only once
/// its commit is confirmed. After a failed append nothing more is appended:
/// a chunk that was never printed must not be followed by ones that are.
final class LogPipeline: @unchecked Sendable {
    /// One chunk's commit: wait for it before printing the chunk.
    final class Commit: @unchecked Sendable {
        private let done = DispatchSemaphore(value: 0)
        // Written once on the log thread before `done` is signalled, read only after waiting on it.
        fileprivate var error: (any Error)?

        fileprivate func finish(_ error: (any Error)?) {
            self.error = error
            done.signal()
        }

        /// Blocks until committed; the error when it was not.
        func wait() -> (any Error)? {
            done.wait()
            done.signal()
            return error
        }
    }

    private let queue = DispatchQueue(label: "gavel.decision-log")
    // Touched only on `queue`.
    private var appender: LogAppender
    private var failed = false

    init(_ appender: LogAppender) { self.appender = appender }

    var bundleKey: SHA256Key { appender.bundleKey }

    func submit(_ decisions: [LoggedDecision]) -> Commit {
        let commit = Commit()
        queue.async {
            guard !self.failed else {
                commit.finish(CancellationError())
                return
            }
            do {
                try self.appender.append(decisions)
                commit.finish(nil)
            } catch {
                self.failed = true
                commit.finish(error)
            }
        }
        return commit
    }
}
