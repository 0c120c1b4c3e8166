import Dispatch
import Foundation
import GavelEngine

/// Maps a chunk of inputs over one worker state per job, in parallel, and
/// returns the results in input order. Each job owns its state (a compiled
/// bundle of its own): threads that share one object graph spend their time
/// passing reference counts' cache lines to each other. Jobs take the next
/// few inputs as they become free rather than a fixed share: with the log's
/// thread (or anything else) taking a core from one job, a fixed share left
/// the other job's core idle until the slow one caught up.
struct ParallelMap<Worker: Sendable>: Sendable {
    let workers: [Worker]

    func map<Input: Sendable, Output: Sendable>(_ inputs: [Input], _ transform: @Sendable (Worker, Input) -> Output) -> [Output] {
        guard let first = workers.first else { return [] }
        guard workers.count > 1, inputs.count > 1 else { return inputs.map { transform(first, $0) } }
        let slots = WriteOnceSlots<Output>(count: inputs.count)
        let next = NextInputs(count: inputs.count)
        DispatchQueue.concurrentPerform(iterations: workers.count) { job in
            let worker = workers[job]
            while let range = next.take() {
                for index in range { slots.set(index, transform(worker, inputs[index])) }
            }
        }
        return slots.values
    }
}

/// The inputs not yet taken, handed out a few at a time: one lock per
/// input would be a lock per case; a few keep the jobs level to within a
/// few cases.
private final class NextInputs: @unchecked Sendable {
    private let lock = NSLock()
    // Guarded by `lock`.
    private var taken = 0
    private let count: Int
    private static let step = 4

    init(count: Int) { self.count = count }

    func take() -> Range<Int>? {
        lock.withLock {
            guard taken < count else { return nil }
            let range = taken..<min(count, taken + Self.step)
            taken = range.upperBound
            return range
        }
    }
}
