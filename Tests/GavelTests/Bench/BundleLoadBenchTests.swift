import Foundation
import Testing

@testable import GavelCLI

/// `gavel bench-screening`'s load table goes through the real loader: the
/// generated bundle must load (a bundle it refuses would time an error
/// path), and nothing may be left in the temporary folder.
@Suite("bench-screening bundle load")
struct BundleLoadBenchTests {
    @Test("the generated bundle loads, building and then reading its index, and is removed")
    func loads() throws {
        var generator = BenchNames(seed: 3)
        let entries = generator.entries(names: 300)
        let timing = try BundleLoadBench.measure(entries: entries, size: 300)
        #expect(timing.building > 0 && timing.cached > 0)
        let left = try FileManager.default.contentsOfDirectory(atPath: NSTemporaryDirectory())
            .filter { $0.hasPrefix("gavel-bench-load-\(getpid())-") }
        #expect(left.isEmpty, "left behind: \(left)")
    }
}
