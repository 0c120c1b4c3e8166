import Foundation
import Testing

@testable import GavelCLI
@testable import GavelEngine
@testable import GavelLint
@testable import GavelSyntax

@Suite("Reading cases")
struct CaseReadingTests {
    @Test("`country: NO` stays the string NO; only true/false are booleans")
    func norway() throws {
        let record = try caseRecord("kind: Case\nid: c\ncustomer: { country: NO, active: yes, flag: True, off: off }")
        let data = try #require(record.data.mapValue, "the case data is not a mapping")
        let customer = try #require(data["customer"]?.mapValue, "customer is not a mapping")
        #expect(customer["country"] == .string("NO"))
        #expect(customer["active"] == .string("yes"))
        #expect(customer["flag"] == .bool(true))
        #expect(customer["off"] == .string("off"))
    }

    @Test("reserved keys are read, not reachable as data")
    func reservedKeys() throws {
        let record = try caseRecord("kind: Case\nid: CASE-1\nas_of: 2017-08-30\nnotes: n\nexpect: { decision: terminate }\nsite: { domain: x }")
        #expect(record.id == "CASE-1")
        #expect(record.asOf?.description == "2017-08-30")
        #expect(record.expect?.decision == "terminate")
        let data = try #require(record.data.mapValue, "the case data is not a mapping")
        #expect(data.keys == ["site"])
    }

    @Test(
        "bad cases are refused with a located, explained error",
        arguments: [
            ("kind: Case\nsite: {}", "case.yaml:1:1: error[missing-field] case is missing the required field `id`"),
            ("kind: Case\nid: \"\"", "case.yaml:2:5: error[wrong-type] case `id` must be a non-empty string, found the string ``"),
            ("kind: Case\nid: c\nas_of: 2017-02-30",
             "case.yaml:3:8: error[invalid-date] `as_of` must be a date (YYYY-MM-DD or RFC 3339), found `2017-02-30`\n  help: write dates like `2019-09-09` or `2019-09-09T12:00:00Z`"),
            ("kind: Policy\nid: c", "case.yaml:1:7: error[unknown-kind] expected a case (`kind: Case`), found `kind: Policy`\n  help: policies, lists and schemas belong in the policy directory"),
            ("kind: Case\nid: c\nexpect: { decison: x }",
             "case.yaml:3:11: error[unknown-field] unknown field `decison` in `expect`\n  help: did you mean `decision`?"),
        ])
    func badCase(_ yaml: String, _ expected: String) throws {
        let results = CaseLoader.cases(in: Array(yaml.utf8), file: "case.yaml")
        #expect(results.count == 1)
        let error = try #require(results.first.flatMap(\.failure), "case was accepted")
        #expect(error.diagnostics.map(\.oneLine).joined(separator: "\n") == expected)
    }

    @Test("a YAML stream keeps the documents read before a syntax error")
    func streamKeepsGoodDocuments() {
        let yaml = "kind: Case\nid: a\n---\nkind: Case\nid: b\n---\nkind: Case\nid: [unclosed\n"
        let results = CaseLoader.cases(in: Array(yaml.utf8), file: "batch.yaml")
        #expect(results.count == 3)
        #expect((try? results[0].get().id) == "a")
        #expect((try? results[1].get().id) == "b")
        if case .failure(let error) = results[2] {
            #expect(error.diagnostics.first?.location?.line == 8 || error.diagnostics.first?.location?.line == 9)
        } else {
            Issue.record("the broken document was accepted")
        }
    }

    @Test("a JSONL batch decides every good line and locates the bad one")
    func jsonlBatch() {
        let jsonl = "{\"kind\":\"Case\",\"id\":\"a\"}\n{\"kind\":\"Case\",\"id\":\"b\",\"id\":\"c\"}\n\n{\"kind\":\"Case\",\"id\":\"d\"}\n"
        let results = CaseLoader.cases(in: Array(jsonl.utf8), file: "batch.jsonl")
        #expect(results.count == 3)
        #expect((try? results[0].get().id) == "a")
        #expect((try? results[2].get().id) == "d")
        if case .failure(let error) = results[1] {
            #expect(error.diagnostics.first?.location == SourceLocation(file: "batch.jsonl", line: 2, column: 25))
            #expect(error.diagnostics.first?.rule == "duplicate-key")
        } else {
            Issue.record("the duplicate key was accepted")
        }
    }

    @Test("the case digest covers the document, not its formatting")
    func digest() throws {
        let a = try caseRecord("kind: Case\nid: c\nsite: { domain: x, categories: [a, b] }")
        let b = try caseRecord("{\"site\": {\"categories\": [\"a\", \"b\"], \"domain\": \"x\"}, \"id\": \"c\", \"kind\": \"Case\"}")
        let c = try caseRecord("kind: Case\nid: c\nsite: { domain: y, categories: [a, b] }")
        #expect(a.digest == b.digest)
        #expect(a.digest != c.digest)
        #expect(CanonicalJSON.bytes(a.document) == Array("{\"id\":\"c\",\"kind\":\"Case\",\"site\":{\"categories\":[\"a\",\"b\"],\"domain\":\"x\"}}".utf8))
        #expect(a.digest == Digest.sha256(CanonicalJSON.bytes(a.document)))
    }
}

@Suite("Dates")
struct DateTests {
    @Test(
        "parsing YYYY-MM-DD and RFC 3339 as UTC instants",
        arguments: [
            ("2017-08-30", "2017-08-30"), ("2017-08-30T00:00:00Z", "2017-08-30T00:00:00Z"),
            ("2017-08-30T02:00:00+02:00", "2017-08-30T00:00:00Z"), ("2017-08-29T22:30:00-01:30", "2017-08-30T00:00:00Z"),
            ("2024-02-29", "2024-02-29"), ("2017-08-30 10:00:00.123Z", "2017-08-30T10:00:00Z"), ("1969-12-31", "1969-12-31"),
        ])
    func parses(_ text: String, _ canonical: String) {
        #expect(Instant.parse(text)?.description == canonical)
    }

    @Test("impossible or malformed dates are refused", arguments: ["2023-02-29", "2017-13-01", "2017-8-30", "2017-08-30T25:00:00Z", "2017-08-30T10:00:00", "yesterday", ""])
    func refuses(_ text: String) {
        #expect(Instant.parse(text) == nil)
    }

    @Test("a bare date is its 00:00Z")
    func midnight() {
        #expect(Instant.parse("2017-08-30") == Instant.parse("2017-08-30T00:00:00Z"))
        #expect(Instant.parse("2017-08-30")! < Instant.parse("2017-08-30T00:00:01Z")!)
    }

    @Test("durations accept h, d and w", arguments: [("12h", 43_200), ("30d", 2_592_000), ("2w", 1_209_600)])
    func spans(_ text: String, _ seconds: Int64) {
        #expect(Span.parse(text)?.seconds == seconds)
    }

    @Test("bad durations are refused", arguments: ["30", "d", "30 days", "1y", "-1d", "1.5d"])
    func badSpans(_ text: String) {
        #expect(Span.parse(text) == nil)
    }

    @Test("within includes both ends of its window")
    func withinBoundaries() throws {
        let bundle = try policyBundle(rules: "  - { id: recent, title: R, decision: monitor, when: { path: received, within: 30d } }")
        func status(_ received: String) throws -> RuleStatus? {
            try evaluate(bundle, "kind: Case\nid: c\nas_of: 2024-03-31\nreceived: \(received)").status("recent")
        }
        #expect(try status("2024-03-01") == .matched)  // exactly 30 days before
        #expect(try status("2024-02-29T23:59:59Z") == .notMatched)
        #expect(try status("2024-03-31") == .matched)  // the evaluation date itself
        #expect(try status("2024-03-31T00:00:01Z") == .notMatched)  // the future
        #expect(try status("\"2024-03-15\"") == .matched)  // a quoted (JSON-style) date string
    }
}

@Suite("Canonical JSON")
struct CanonicalJSONTests {
    @Test("the digest's bytes, written from the values, equal the canonical JSON of the case value", arguments: ShippedBundle.caseFiles)
    func sameBytes(_ file: String) throws {
        let bytes = try #require(FileManager.default.contents(atPath: Repository.cases + "/" + file))
        let nodes = CaseLoader.nodes(in: [UInt8](bytes), file: file, limits: .default).compactMap { try? $0.get() }
        #expect(!nodes.isEmpty)
        for node in nodes {
            #expect(String(decoding: CanonicalJSON.bytes(Value(node)), as: UTF8.self) == Value(node).json.canonical())
        }
    }

    @Test("keys out of order, escapes, numbers and nesting")
    func awkward() throws {
        let yaml = "kind: Case\nid: \"q\\\"\\u0001\\u2028\"\nz: [1, -20, 3.5, 1e300, null, true]\nb: { y: 0, x: [{ d: 1, c: 2 }] }\n\"é\": 1\nE: 2\n"
        let node = try #require(compose(yaml).documents.first)
        #expect(String(decoding: CanonicalJSON.bytes(Value(node)), as: UTF8.self) == Value(node).json.canonical())
    }
}
