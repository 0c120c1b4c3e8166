import Foundation
import Testing

@testable import GavelCLI
@testable import GavelEngine
@testable import GavelSyntax

/// `gavel screen` and `gavel evaluate --explain-screening` in-process, on
/// the shipped bundle, against golden files.
@Suite("gavel screen")
struct ScreenRunTests {
    static let probe = ["Hamas Media Office", "Наmas", "H.A.M.A.S", "H4mas", "حماس", "Isis Anchalee"]
    static let asOf = Instant.parse("2017-08-30")

    func screen(_ names: [String], lists: [String] = ["us-fto", "us-sdgt", "eu-terrorist-list"], top: Int = 3,
                format: ScreenRun.Format = .text) -> (status: Int32, output: String, errors: String) {
        let run = ScreenRun(
            names: names, policies: Repository.policies, lists: lists, asOf: Self.asOf,
            now: Instant(secondsSinceEpoch: 0, isDateOnly: false), top: top, format: format)
        var output = "", errors = ""
        let status = run.run(output: { output += $0 }, errors: { errors += $0 })
        return (status, output, errors)
    }

    @Test("text: readings, entries at or above min_score, near misses")
    func text() {
        let result = screen(Self.probe)
        #expect(result.status == 0)
        #expect(result.errors.isEmpty)
        assertGolden(result.output, "screen/probe.txt")
    }

    @Test("JSON: the same, parseable, with every row's fields")
    func json() throws {
        let result = screen(Self.probe, format: .json)
        #expect(result.status == 0)
        assertGolden(result.output, "screen/probe.json")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        let names = try #require(object["names"] as? [[String: Any]])
        #expect(names.count == Self.probe.count)
        let first = try #require((names[0]["matches"] as? [[String: Any]])?.first)
        #expect(first["method"] as? String == "contained")
        #expect(first["score"] as? Double == 0.93)
        #expect(first.keys.contains("corroboration"))
    }

    @Test("--top bounds each section; every list by default")
    func top() {
        let result = screen(["Hamas"], lists: [], top: 1)
        #expect(result.status == 0)
        #expect(result.output.components(separatedBy: "in force").count - 1 <= 2)
        #expect(result.output.contains("us-sdt"))
    }

    @Test("an unknown list is an error, exit 2, naming the lists there are")
    func unknownList() {
        let result = screen(["Hamas"], lists: ["us-fto", "no-such-list"])
        #expect(result.status == 2)
        #expect(result.output.isEmpty)
        #expect(result.errors.contains("`no-such-list`"))
        #expect(result.errors.contains("us-fto"))
    }

    @Test("--explain-screening adds each screened name's near misses to the trail")
    func explain() throws {
        let file = Repository.cases + "/false-hit-namesakes.yaml"
        func evaluate(explain: Bool) -> String {
            var run = EvaluateRun(
                cases: [file], policies: Repository.policies, asOf: nil, format: .text, strict: false,
                now: Instant(secondsSinceEpoch: 0, isDateOnly: false))
            run.explainScreening = explain
            var output = ""
            _ = run.run(output: { output += $0 }, errors: { _ in })
            return output
        }
        let explained = evaluate(explain: true)
        assertGolden(explained, "screen/explain-false-hits.txt")
        #expect(explained.contains("NEAR MISSES"))
        #expect(!evaluate(explain: false).contains("NEAR MISSES"))
    }
}
