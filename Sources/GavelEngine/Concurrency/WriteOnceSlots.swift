/// Results written by parallel jobs, each to its own slot of one allocation:
/// each index is written by exactly one job, and read only after all of them
/// have finished (`DispatchQueue.concurrentPerform` returns only then).
package final class WriteOnceSlots<Value>: @unchecked Sendable {
    private let storage: UnsafeMutableBufferPointer<Value?>

    package init(count: Int) {
        storage = .allocate(capacity: count)
        storage.initialize(repeating: nil)
    }

    deinit {
        storage.deinitialize()
        storage.deallocate()
    }

    package func set(_ index: Int, _ value: Value) { storage[index] = value }

    /// Every slot's value, in order; call once all jobs have finished.
    package var values: [Value] { storage.compactMap { $0 } }
}
