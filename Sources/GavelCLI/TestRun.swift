import Foundation
import GavelEngine
import GavelSyntax

/// `gavel test` as a library call: every case with `expect:` is decided and
/// compared (SPEC §1.6). Exit 0 when all pass, 1 when any fails, 2 when an
/// input could not be tested at all (unreadable, breaks the schema, or an
/// `expect:` naming an id the bundle does not have) or the bundle does not load.
public struct TestRun: Sendable {
    public enum Format: String, Sendable, CaseIterable { case text, json, junit }

    public var cases: [String]
    public var policies: String
    public var asOf: Instant?
    public var now: Instant
    public var format: Format
    public var coverage: Bool
    /// Per-case times in the JUnit report; off for byte-stable output in tests.
    public var measureTime: Bool
    /// Where screening indexes are kept between runs, as for `gavel evaluate`
    /// (`EvaluateRun.screeningCache`): a bundle with a large list is not
    /// indexed again for every run.
    package var screeningCache = ScreeningIndexCache.standard()

    public init(
        cases: [String], policies: String, asOf: Instant?, now: Instant, format: Format = .text, coverage: Bool = false,
        measureTime: Bool = true
    ) {
        self.cases = cases
        self.policies = policies
        self.asOf = asOf
        self.now = now
        self.format = format
        self.coverage = coverage
        self.measureTime = measureTime
    }

    public func run(output: (String) -> Void, errors: (String) -> Void) -> Int32 {
        let bundle: CompiledBundle
        switch BundleLoader.load(directory: policies, screeningCache: screeningCache) {
        case .failure(let error):
            errors("gavel: the policy bundle `\(policies)` cannot be tested:\n")
            for d in error.diagnostics { errors(d.oneLine + "\n") }
            return 2
        case .success(let b): bundle = b
        }
        let results = TestCases(bundle: bundle, asOf: asOf, now: now, coverage: coverage, measureTime: measureTime).run(cases)
        for problem in results.problems { errors(problem.oneLine + "\n") }
        switch format {
        case .text: output(TestReportText.render(results, bundle: bundle))
        case .json: output(TestReportJSON.render(results).pretty() + "\n")
        case .junit: output(JUnitReport.render(results, suiteName: "gavel test \(bundle.manifest.id)"))
        }
        if !results.problems.isEmpty || results.errored > 0 { return 2 }
        return results.failed > 0 ? 1 : 0
    }
}

/// What testing each case gave, in input order.
struct TestResults {
    enum Outcome {
        case passed
        case failed([String])
        case skipped(String)
        /// The case was read but cannot be tested as written (an unknown id in `expect:`).
        case error([Diagnostic])
    }

    struct CaseResult {
        var id: String
        var location: SourceLocation
        var outcome: Outcome
        var seconds: Double
        /// The decisive-level trail, for failures.
        var trail: String?
    }

    var results: [CaseResult] = []
    /// Inputs that are not cases at all (unreadable, malformed, breaking the schema).
    var problems: [Diagnostic] = []
    var coverage: Coverage?

    var passed: Int { results.filter { if case .passed = $0.outcome { true } else { false } }.count }
    var failed: Int { results.filter { if case .failed = $0.outcome { true } else { false } }.count }
    var skipped: Int { results.filter { if case .skipped = $0.outcome { true } else { false } }.count }
    var errored: Int { results.filter { if case .error = $0.outcome { true } else { false } }.count }
}

/// Reads, decides and compares; shared by every output format.
struct TestCases {
    let bundle: CompiledBundle
    let asOf: Instant?
    let now: Instant
    let coverage: Bool
    let measureTime: Bool

    func run(_ arguments: [String]) -> TestResults {
        let evaluator = Evaluator(bundle: bundle)
        let check = bundle.schema.map(CaseSchemaCheck.init)
        let options = Evaluator.Options(
            fallbackAsOf: asOf ?? now, fallbackSource: asOf == nil ? .now : .flag, trace: coverage ? .full : .decisive)
        var results = TestResults()
        if coverage { results.coverage = Coverage(bundle: bundle) }
        var inputs = CaseInputs(arguments.isEmpty ? ["Cases"] : arguments)
        let clock = ContinuousClock()
        while let input = inputs.next() {
            let node: SourceNode
            switch input.node(limits: .default) {
            case .failure(let problem):
                results.problems.append(problem)
                continue
            case .success(let n): node = n
            }
            let record: CaseRecord
            switch CaseLoader.read(node, check: check) {
            case .failure(let error):
                results.problems += error.diagnostics
                continue
            case .success(let r): record = r
            }
            guard let expect = record.expect else {
                results.results.append(
                    .init(id: record.id, location: record.location, outcome: .skipped("the case has no `expect:`"), seconds: 0))
                continue
            }
            let unknown = ExpectationCheck.unknownIDs(expect, bundle: bundle)
            guard unknown.isEmpty else {
                results.results.append(.init(id: record.id, location: record.location, outcome: .error(unknown), seconds: 0))
                continue
            }
            let started = clock.now
            let decision = evaluator.evaluate(record, options: options)
            let failures = ExpectationCheck.failures(expect, decision)
            let seconds = measureTime ? BenchRun.seconds(clock.now - started) : 0
            results.coverage?.record(decision)
            if failures.isEmpty {
                results.results.append(.init(id: record.id, location: record.location, outcome: .passed, seconds: seconds))
            } else {
                // The trail a reviewer reads: the decisive level, whatever level coverage needed.
                let shown = coverage ? evaluator.evaluate(record, options: Evaluator.Options(
                    fallbackAsOf: options.fallbackAsOf, fallbackSource: options.fallbackSource, trace: .decisive)) : decision
                results.results.append(
                    .init(
                        id: record.id, location: record.location, outcome: .failed(failures), seconds: seconds,
                        trail: AuditTrailRenderer.render(shown, bundle: bundle)))
            }
        }
        return results
    }
}
