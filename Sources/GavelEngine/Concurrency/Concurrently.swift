import Dispatch
import Foundation

/// `map` over every core, in chunks, results in order. For pure transforms
/// over large inputs: a million listed names, each read in several scripts
/// and readings (ICU included), when a bundle loads. Small inputs, and
/// one-core machines, map on the calling thread.
package enum Concurrently {
    /// `transform(0) ..< transform(count - 1)`, in order.
    package static func map<T: Sendable>(_ count: Int, chunk: Int = 1_024, _ transform: @Sendable (Int) -> T) -> [T] {
        let chunks = (count + chunk - 1) / chunk
        guard chunks > 1, ProcessInfo.processInfo.activeProcessorCount > 1 else { return (0 ..< count).map(transform) }
        let results = WriteOnceSlots<[T]>(count: chunks)
        DispatchQueue.concurrentPerform(iterations: chunks) { index in
            results.set(index, (index * chunk ..< Swift.min(count, (index + 1) * chunk)).map(transform))
        }
        return Array(results.values.joined())
    }
}

extension Array where Element: Sendable {
    package func concurrentMap<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
        Concurrently.map(count) { transform(self[$0]) }
    }
}
