import Foundation
import Testing

/// Compares `actual` with `Golden/<name>`. `GAVEL_RECORD=1` rewrites the
/// file instead, and the test fails so that a recording run never passes.
func assertGolden(_ actual: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let url = Repository.golden.appendingPathComponent(name)
    if ProcessInfo.processInfo.environment["GAVEL_RECORD"] == "1" {
        try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try? Data(actual.utf8).write(to: url)
        Issue.record("recorded \(name); rerun without GAVEL_RECORD", sourceLocation: sourceLocation)
        return
    }
    guard let data = FileManager.default.contents(atPath: url.path) else {
        Issue.record("missing golden file \(name); run with GAVEL_RECORD=1 to create it", sourceLocation: sourceLocation)
        return
    }
    let expected = String(decoding: data, as: UTF8.self)
    if expected != actual {
        let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let line = (0..<min(a.count, e.count)).first { a[$0] != e[$0] } ?? min(a.count, e.count)
        let got = line < a.count ? String(a[line]) : "<end>"
        let want = line < e.count ? String(e[line]) : "<end>"
        Issue.record(
            "\(name) differs at line \(line + 1):\n  expected: \(want)\n  actual:   \(got)\n(GAVEL_RECORD=1 rewrites it)",
            sourceLocation: sourceLocation)
    }
}
