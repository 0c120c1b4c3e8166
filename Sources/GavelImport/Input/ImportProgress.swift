import Foundation

/// Bytes read of all the files an import reads, reported as a bar at most
/// twice a second. Only ever told to a terminal: the caller passes a sink
/// only when stderr is one.
package final class ImportProgress {
    private let total: Int64
    private var done: Int64 = 0
    private var lastShown = ContinuousClock.now
    private let sink: (String) -> Void
    private var shown = false

    package init(totalBytes: Int64, sink: @escaping (String) -> Void) {
        total = max(totalBytes, 1)
        self.sink = sink
    }

    func advance(by bytes: Int) {
        done += Int64(bytes)
        let now = ContinuousClock.now
        guard now - lastShown > .milliseconds(500) else { return }
        lastShown = now
        shown = true
        sink("\r" + Self.bar(done: done, total: total))
    }

    /// Clears the bar so that what follows starts on a clean line.
    package func finish() {
        if shown { sink("\r\u{1B}[K") }
    }

    static func bar(done: Int64, total: Int64) -> String {
        let fraction = min(1, Double(done) / Double(total))
        let width = 30
        let filled = Int(fraction * Double(width))
        let bar = String(repeating: "█", count: filled) + String(repeating: "·", count: width - filled)
        return "importing [\(bar)] \(done >> 20)/\(total >> 20) MiB \(Int(fraction * 100))%"
    }
}
