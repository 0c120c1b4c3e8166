import GavelEngine
import GavelSyntax

/// `gavel test`'s text report: one line per case, then each failure with
/// what was expected and found and the trail of the rules that decided, then
/// coverage when asked, and last the counts, which CI logs end on.
enum TestReportText {
    static func render(_ results: TestResults, bundle: CompiledBundle) -> String {
        var out = ""
        for result in results.results {
            switch result.outcome {
            case .passed: out += "PASS  \(result.id.shown)  \(result.location)\n"
            case .failed: out += "FAIL  \(result.id.shown)  \(result.location)\n"
            case .skipped(let why): out += "SKIP  \(result.id.shown)  \(result.location)  (\(why))\n"
            case .error: out += "ERROR \(result.id.shown)  \(result.location)\n"
            }
        }
        for result in results.results {
            switch result.outcome {
            case .failed(let failures):
                out += "\n── FAIL \(result.id.shown) (\(result.location)) ──\n"
                for failure in failures { out += "  \(failure.shown)\n" }
                if let trail = result.trail {
                    out += "\n"
                    for line in trail.split(separator: "\n", omittingEmptySubsequences: false) { out += line.isEmpty ? "\n" : "    \(line)\n" }
                }
            case .error(let diagnostics):
                out += "\n── ERROR \(result.id.shown) (\(result.location)) ──\n"
                for d in diagnostics { out += "  \(d.oneLine)\n" }
            case .passed, .skipped: break
            }
        }
        if let coverage = results.coverage { out += "\n" + CoverageReport.text(coverage) }
        out += "\n" + summary(results) + "\n"
        return out
    }

    /// `N passed, N failed`, with skipped cases and errors only when there are any.
    static func summary(_ results: TestResults) -> String {
        var parts = ["\(results.passed) passed", "\(results.failed) failed"]
        if results.skipped > 0 { parts.append("\(results.skipped) skipped") }
        let errors = results.errored + results.problems.count
        if errors > 0 { parts.append("\(errors) \(errors == 1 ? "error" : "errors")") }
        return parts.joined(separator: ", ")
    }
}
