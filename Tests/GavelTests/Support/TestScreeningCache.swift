import Foundation
@testable import GavelCLI
@testable import GavelEngine

/// Where the tests' runs keep their screening indexes: a folder of the
/// system's temporary directory, never the home directory of whoever runs
/// the tests. One folder for every run, so indexes are reused as a user's
/// would be; the cache's own checks make a stale or damaged file a rebuild.
enum TestScreeningCache {
    static let directory = NSTemporaryDirectory() + "gavel-test-screening-cache"

    static var cache: ScreeningIndexCache { ScreeningIndexCache(directory: directory) }

    /// The environment for a `gavel` child process: this one's, with the cache moved here.
    static var environment: [String: String] {
        ProcessInfo.processInfo.environment.merging(["GAVEL_CACHE_DIR": directory]) { $1 }
    }
}

/// A run that loads a bundle through a screening-index cache.
protocol KeepsScreeningIndexes {
    var screeningCache: ScreeningIndexCache? { get set }
}

extension KeepsScreeningIndexes {
    /// The same run, keeping its screening indexes in the tests' folder.
    func inTestCache() -> Self {
        var run = self
        run.screeningCache = TestScreeningCache.cache
        return run
    }
}

extension EvaluateRun: KeepsScreeningIndexes {}
extension ScreenRun: KeepsScreeningIndexes {}
extension TestRun: KeepsScreeningIndexes {}
extension DiffRun: KeepsScreeningIndexes {}
