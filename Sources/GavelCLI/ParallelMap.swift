import Dispatch

/// Maps a chunk of inputs over one worker state per job, in parallel, and
/// returns the results in input order: job `w` takes inputs `w`, `w + jobs`, …
/// Each job owns its state (a compiled bundle of its own): threads that share
/// one object graph spend their time passing reference counts' cache lines
/// to each other.
struct ParallelMap<Worker: Sendable>: Sendable {
    let workers: [Worker]

    func map<Input: Sendable, Output: Sendable>(_ inputs: [Input], _ transform: @Sendable (Worker, Input) -> Output) -> [Output] {
        guard let first = workers.first else { return [] }
        guard workers.count > 1, inputs.count > 1 else { return inputs.map { transform(first, $0) } }
        let slots = Slots<Output>(count: inputs.count)
        let jobs = workers.count
        DispatchQueue.concurrentPerform(iterations: jobs) { job in
            let worker = workers[job]
            var index = job
            while index < inputs.count {
                slots.set(index, transform(worker, inputs[index]))
                index += jobs
            }
        }
        return slots.values
    }
}

/// Results written by parallel jobs, each to its own slot of one allocation:
/// each index is written by exactly one job, and read only after all of them
/// have finished (`concurrentPerform` returns only then).
private final class Slots<Value>: @unchecked Sendable {
    private let storage: UnsafeMutableBufferPointer<Value?>

    init(count: Int) {
        storage = .allocate(capacity: count)
        storage.initialize(repeating: nil)
    }

    deinit {
        storage.deinitialize()
        storage.deallocate()
    }

    func set(_ index: Int, _ value: Value) { storage[index] = value }

    var values: [Value] { storage.compactMap { $0 } }
}
