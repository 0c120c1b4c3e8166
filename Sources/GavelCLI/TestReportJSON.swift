import GavelEngine
import GavelSyntax

/// `gavel test --format json`: every case's outcome, the counts, and coverage when asked.
enum TestReportJSON {
    static func render(_ results: TestResults) -> JSON {
        var fields: [(String, JSON)] = [
            ("passed", .int(results.passed)), ("failed", .int(results.failed)), ("skipped", .int(results.skipped)),
            ("errors", .int(results.errored + results.problems.count)),
            ("cases", .array(results.results.map(caseJSON))),
            ("problems", .array(results.problems.map { .string($0.oneLine) })),
        ]
        if let coverage = results.coverage { fields.append(("coverage", CoverageReport.json(coverage))) }
        return .object(fields)
    }

    private static func caseJSON(_ result: TestResults.CaseResult) -> JSON {
        var fields: [(String, JSON)] = [("id", .string(result.id)), ("location", .string(result.location.description))]
        switch result.outcome {
        case .passed: fields.append(("outcome", .string("passed")))
        case .failed(let failures):
            fields.append(("outcome", .string("failed")))
            fields.append(("failures", .array(failures.map(JSON.string))))
        case .skipped(let why):
            fields.append(("outcome", .string("skipped")))
            fields.append(("reason", .string(why)))
        case .error(let diagnostics):
            fields.append(("outcome", .string("error")))
            fields.append(("errors", .array(diagnostics.map { .string($0.oneLine) })))
        }
        return .object(fields)
    }
}
