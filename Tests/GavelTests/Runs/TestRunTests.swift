import Foundation
import Testing

@testable import GavelCLI
@testable import GavelEngine
@testable import GavelSyntax

/// `gavel test` in-process: the report in each format, the exit status, and
/// the JUnit output against a JUnit XML schema.
@Suite("gavel test")
struct TestRunTests {
    static let fixture = Repository.fixtures.appendingPathComponent("test-run")
    static let policies = fixture.appendingPathComponent("policies").path
    static let cases = fixture.appendingPathComponent("cases")

    struct Captured {
        var status: Int32
        var output: String
        var errors: String
    }

    /// Paths shown relative to the repository, so goldens do not depend on where it is cloned.
    func run(_ cases: [String], format: TestRun.Format = .text, coverage: Bool = false, policies: String = policies) -> Captured {
        let run = TestRun(
            cases: cases, policies: policies, asOf: nil, now: Instant(secondsSinceEpoch: 0, isDateOnly: false), format: format,
            coverage: coverage, measureTime: false
        ).inTestCache()
        var output = ""
        var errors = ""
        let status = run.run(output: { output += $0 }, errors: { errors += $0 })
        let prefix = Repository.root.path + "/"
        return Captured(
            status: status, output: output.replacingOccurrences(of: prefix, with: ""),
            errors: errors.replacingOccurrences(of: prefix, with: ""))
    }

    /// `gavel test Cases` on a bundle with a large list must not index it
    /// again on every run: the run keeps its indexes where `evaluate` does.
    @Test("a run keeps each list's index in the screening cache")
    func usesTheIndexCache() throws {
        let folder = NSTemporaryDirectory() + "gavel-test-cache-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let shipped = Repository.cases + "/2017-08-hamas-shurat-hadin.yaml"
        var run = TestRun(
            cases: [shipped], policies: Repository.policies, asOf: nil, now: Instant(secondsSinceEpoch: 0, isDateOnly: false),
            measureTime: false)
        run.screeningCache = ScreeningIndexCache(directory: folder)
        var output = ""
        #expect(run.run(output: { output += $0 }, errors: { _ in }) == 0, "\(output)")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".index") }
        #expect(files.count >= 1, "\(files)")
    }

    @Test("passing cases exit 0 and end with the counts")
    func passing() {
        let result = run([Self.cases.appendingPathComponent("pass.yaml").path])
        #expect(result.status == 0)
        #expect(result.output.hasSuffix("\n2 passed, 0 failed\n"))
        #expect(result.errors.isEmpty)
    }

    @Test("a failing case exits 1 and shows expected against actual and the deciding rules' trail")
    func failing() {
        let result = run([Self.cases.appendingPathComponent("fail.yaml").path, Self.cases.appendingPathComponent("pass.yaml").path])
        #expect(result.status == 1)
        #expect(result.output.contains("decision: expected `restrict`, got `terminate`"))
        #expect(result.output.contains("determined_by: expected [abuse-reports], got [designated-customer]"))
        #expect(result.output.contains("not_matched: `designated-customer` is matched"))
        #expect(result.output.contains("RULES THAT DECIDED"))
        #expect(result.output.hasSuffix("\n2 passed, 1 failed\n"))
    }

    @Test("a case without expect: is skipped, not passed")
    func skipped() {
        let result = run([Self.cases.appendingPathComponent("no-expect.yaml").path])
        #expect(result.status == 0)
        #expect(result.output.contains("SKIP  no-expectation"))
        #expect(result.output.hasSuffix("\n0 passed, 0 failed, 1 skipped\n"))
    }

    @Test("an expect: naming an unknown rule or exception is a located error, exit 2")
    func unknownIDs() {
        let result = run([Self.cases.appendingPathComponent("unknown-rule.yaml").path])
        #expect(result.status == 2)
        #expect(
            result.output.contains(
                "test-run/cases/unknown-rule.yaml:7:17: error[case-expects-unknown-rule] `expect.not_matched` names `designated-customers`, which is not a rule of the bundle"
            ))
        #expect(result.output.contains("help: did you mean `designated-customer`?"))
        #expect(result.output.contains("unknown-rule.yaml:8:24: error[case-expects-unknown-rule] `expect.exceptions_applied` names `documentaion`"))
        #expect(result.output.hasSuffix("\n0 passed, 0 failed, 1 error\n"))
    }

    @Test("an expect: that checks nothing, or a decision off the ladder, is a located error, never a pass")
    func badExpectations() {
        let result = run([Self.fixture.appendingPathComponent("bad-expect").path])
        #expect(result.status == 2)
        #expect(
            result.output.contains(
                "empty-and-off-ladder.yaml:5:9: error[missing-field] `expect` names nothing to check: the case would pass whatever is decided"))
        #expect(
            result.output.contains(
                "empty-and-off-ladder.yaml:11:21: error[unknown-decision] `expect.decision` is `No_Action`, which is not on the bundle's ladder"))
        #expect(result.output.contains("help: did you mean `no_action`?"))
        #expect(result.output.hasSuffix("\n0 passed, 0 failed, 2 errors\n"))
    }

    @Test("a bundle that does not load is refused with exit 2")
    func badBundle() {
        let result = run([Self.cases.path], policies: Self.fixture.appendingPathComponent("missing").path)
        #expect(result.status == 2)
        #expect(result.errors.contains("cannot be tested"))
        #expect(result.output.isEmpty)
    }

    @Test("a case that breaks the bundle's schema is an error on stderr, exit 2")
    func schemaViolation() throws {
        let bundle = try TemporaryBundle([
            "policy.yaml": "kind: Policy\nid: p\nrules:\n  - { id: r, title: R, decision: terminate, when: { path: customer.name, equals: X } }\n",
            "schema.yaml": "kind: Schema\nfields:\n  customer: object\n  customer.name: { type: string, required: true }\n",
        ])
        let cases = try TemporaryBundle(["case.yaml": "kind: Case\nid: c\nas_of: 2024-01-01\ncustmer: { name: X }\nexpect: { decision: terminate }\n"])
        let result = run([cases.path + "/case.yaml"], policies: bundle.path)
        #expect(result.status == 2)
        #expect(result.errors.contains("custmer"))
    }

    @Test("the text report", arguments: [false, true])
    func textGolden(coverage: Bool) {
        let result = run([Self.cases.path], coverage: coverage)
        assertGolden(result.output, "test-run/report\(coverage ? ".coverage" : "").txt")
    }

    @Test("the JSON report with coverage")
    func jsonGolden() {
        assertGolden(run([Self.cases.path], format: .json, coverage: true).output, "test-run/report.coverage.json")
    }

    @Test("coverage counts the cases that matched each rule and the nodes never exercised")
    func coverageCounts() throws {
        let bundle = try #require(try? BundleLoader.load(directory: Self.policies).get())
        let results = TestCases(bundle: bundle, asOf: nil, now: Instant(secondsSinceEpoch: 0, isDateOnly: false), coverage: true, measureTime: false)
            .run([Self.cases.appendingPathComponent("pass.yaml").path])
        let coverage = try #require(results.coverage)
        #expect(coverage.cases == 2)
        let designated = try #require(coverage.items.first { $0.id == "designated-customer" })
        #expect(designated.cases == 1)
        // `customer.flagged equals true` is false in both cases: no case exercises the flag.
        let flagged = try #require(designated.branches.first { $0.text == "customer.flagged equals" })
        #expect(flagged.held == 0 && flagged.failed == 2)
        let documentation = try #require(coverage.items.first { $0.id == "documentation" })
        #expect(documentation.kind == .exception && documentation.cases == 1)
        let abuse = try #require(coverage.items.first { $0.id == "abuse-reports" })
        #expect(abuse.cases == 1)  // matched, then suspended
    }

    @Test("the JUnit report is golden and valid against the JUnit XML schema")
    func junit() throws {
        let result = run([Self.cases.path], format: .junit)
        #expect(result.status == 2)
        assertGolden(result.output, "test-run/report.junit.xml")
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("gavel-junit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let report = directory.appendingPathComponent("report.xml")
        try Data(result.output.utf8).write(to: report)
        let schema = Self.fixture.appendingPathComponent("junit/junit.xsd").path
        let (status, output) = try #require(try ExternalTools.validateXML(report.path, schema: schema), "\(ExternalTools.installHint)")
        #expect(status == 0, "\(output)")
        // The validator must be able to fail: a report without the required counts is rejected.
        let broken = directory.appendingPathComponent("broken.xml")
        try Data(result.output.replacingOccurrences(of: " tests=\"1\"", with: "").utf8).write(to: broken)
        let (brokenStatus, _) = try #require(try ExternalTools.validateXML(broken.path, schema: schema))
        #expect(brokenStatus != 0)
    }

    @Test("every shipped case passes `gavel test`")
    func shippedCases() {
        let result = run([Repository.cases], policies: Repository.policies)
        #expect(result.status == 0, "\(result.output)\(result.errors)")
        #expect(result.output.contains(" passed, 0 failed"))
        #expect(!result.output.contains("SKIP"))
    }
}
