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

extension EvaluateRun {
    /// The same run, keeping its screening indexes in the tests' folder.
    func inTestCache() -> EvaluateRun {
        var run = self
        run.screeningCache = TestScreeningCache.cache
        return run
    }
}

extension ScreenRun {
    /// The same run, keeping its screening indexes in the tests' folder.
    func inTestCache() -> ScreenRun {
        var run = self
        run.screeningCache = TestScreeningCache.cache
        return run
    }
}

extension TestRun {
    /// The same run, keeping its screening indexes in the tests' folder.
    func inTestCache() -> TestRun {
        var run = self
        run.screeningCache = TestScreeningCache.cache
        return run
    }
}

extension DiffRun {
    /// The same run, keeping its screening indexes in the tests' folder.
    func inTestCache() -> DiffRun {
        var run = self
        run.screeningCache = TestScreeningCache.cache
        return run
    }
}
