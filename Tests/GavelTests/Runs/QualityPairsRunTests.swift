import Foundation
import Testing

@testable import GavelCLI
@testable import GavelEngine
@testable import GavelSyntax

/// `gavel bench-quality`: pairs scored with the scorer screening uses, one
/// line out per line in, and bad input refused with its line.
@Suite("gavel bench-quality")
struct QualityPairsRunTests {
    func run(_ lines: [String]) throws -> (status: Int32, output: [String], errors: String) {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("gavel-pairs-\(UUID().uuidString).jsonl").path
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        var output = "", errors = ""
        let status = QualityPairsRun(input: path, repeats: 1).run(output: { output += $0 }, errors: { errors += $0 })
        return (status, output.split(separator: "\n").map(String.init), errors)
    }

    @Test("each pair gets the score, method and reading screening gives it; the timing goes to errors")
    func scores() throws {
        let result = try run([
            #"{"id": "a", "query": "Наmas", "names": ["HAMAS", "Islamic Resistance Movement"]}"#,
            #"{"id": 2, "query": ["nobody", "Hammas"], "names": ["HAMAS"]}"#,
            #"{"query": "Z\u200bAMBADA NIEBLA, Modesta", "names": ["ZAMBADA NIEBLA, Modesta"]}"#,
        ])
        #expect(result.status == 0)
        #expect(result.output.count == 3)
        #expect(result.output[0] == #"{"id":"a","score":1.0,"method":"exact","reading":"skeleton","name":"HAMAS"}"#)
        let expected = NameScorer.best(
            ScreenLookup.forms("Hammas"), try #require(QualityPairsRun.entry(["HAMAS"])), floor: 0)
        #expect(result.output[1].contains(#""score":\#(JSON.format(expected.score))"#), "\(result.output[1])")
        #expect(result.output[1].hasPrefix(#"{"id":"2""#))
        #expect(result.output[2].contains(#""score":1.0,"method":"exact""#))
        #expect(result.errors.hasPrefix(#"{"timing":{"pairs":3,"query_names":4,"#))
    }

    @Test("a line that is not a pair is refused with its line number", arguments: [
        (#"{"query": "x"}"#, ":2: `names` must be"), (#"{"query": 3, "names": ["x"]}"#, ":2: `query` must be"),
        ("not json", ":2: expected a JSON object"),
    ])
    func badLine(line: String, message: String) throws {
        let result = try run([#"{"query": "a", "names": ["b"]}"#, line])
        #expect(result.status == 2)
        #expect(result.output.isEmpty)
        #expect(result.errors.contains(message), "\(result.errors)")
    }
}
