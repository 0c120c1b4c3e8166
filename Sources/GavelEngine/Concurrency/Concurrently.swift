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

    /// `transform` over `0 ..< count` on every core, a block at a time,
    /// each result handed to `body` in order on the calling thread: at most
    /// a block's results are held at once. Stops when `body` returns false,
    /// and says whether it went through.
    @discardableResult
    package static func forEach<T: Sendable>(
        _ count: Int, block: Int = 65_536, chunk: Int = 1_024, _ transform: @Sendable (Int) -> T, _ body: (Int, T) -> Bool
    ) -> Bool {
        for start in stride(from: 0, to: count, by: block) {
            let results = map(Swift.min(block, count - start), chunk: chunk) { transform(start + $0) }
            for (offset, result) in results.enumerated() where !body(start + offset, result) { return false }
        }
        return true
    }
}

extension Array where Element: Sendable {
    package func concurrentMap<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
        Concurrently.map(count) { transform(self[$0]) }
    }
}
