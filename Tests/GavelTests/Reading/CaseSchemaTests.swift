import Foundation
import Testing

@testable import GavelCLI
@testable import GavelEngine
@testable import GavelLint
@testable import GavelSyntax

/// SPEC §1.5 "a schema is enforced": each folder under Fixtures/case-schema
/// (but `bundle`, the policies and schema they are decided by) holds case
/// files of one class of violation. `expected.txt` is what `gavel evaluate`
/// prints on stderr for them, paths relative to Fixtures/, then the ids it
/// still decided: a case that does not fit is never decided.
@Suite("Case schema enforcement")
struct CaseSchemaTests {
    static let folder = Repository.fixtures.appendingPathComponent("case-schema").path
    static let bundle = folder + "/bundle"
    static let scenarios: [String] = FileAccess.files(under: folder, extensions: ["expected.txt"])
        .map { ($0 as NSString).deletingLastPathComponent }.sorted()

    @Test("every scenario folder is found and has its expected.txt")
    func scenariosFound() throws {
        let folders = try FileManager.default.contentsOfDirectory(atPath: Self.folder).filter { !$0.hasPrefix(".") && $0 != "bundle" }
        #expect(folders.count >= 9, "only \(folders.count) scenarios in \(Self.folder)")
        #expect(Self.scenarios == folders.sorted())
    }

    @Test("the fixture bundle loads: its policies fit its schema")
    func bundleLoads() throws {
        let bundle = try BundleLoader.load(directory: Self.bundle).get()
        #expect(bundle.schema?.required == ["customer.name", "customer.type", "requests.kind"])
        #expect(bundle.schema?.open == ["facts"])
    }

    @Test("every case that does not fit is refused, located; the others are decided", arguments: scenarios)
    func scenario(_ name: String) throws {
        let run = EvaluateRun(
            cases: [Self.folder + "/" + name], policies: Self.bundle, asOf: Instant.parse("2024-03-01"), format: .jsonl,
            strict: false, now: Instant(secondsSinceEpoch: 0, isDateOnly: false)).inTestCache()
        var output = ""
        var errors = ""
        let status = run.run(output: { output += $0 }, errors: { errors += $0 })
        let decided = output.split(separator: "\n").compactMap {
            ((try? JSONSerialization.jsonObject(with: Data($0.utf8))) as? [String: Any])?["case"] as? [String: Any]
        }.compactMap { $0["id"] as? String }
        let actual = errors.replacingOccurrences(of: Repository.fixtures.path + "/", with: "")
            + "--- decided: \(decided.joined(separator: ", "))\n"
        #expect(status == 2, "\(name): exit \(status)")
        let expectedURL = URL(fileURLWithPath: Self.folder).appendingPathComponent("\(name)/expected.txt")
        if ProcessInfo.processInfo.environment["GAVEL_RECORD"] == "1" {
            try Data(actual.utf8).write(to: expectedURL)
            Issue.record("recorded \(name)/expected.txt")
            return
        }
        #expect(actual == (try String(contentsOf: expectedURL, encoding: .utf8)))
    }

    @Test("a case with thousands of misfits reports the first hundred and counts the rest")
    func boundedFindings() throws {
        let schema = try BundleLoader.load(directory: Self.bundle).get().schema
        let keys = (0..<5_000).map { "undeclared\($0): 1" }.joined(separator: "\n")
        let text = "kind: Case\nid: many\nas_of: 2024-01-01\ncustomer: { name: Acme, type: organization }\n\(keys)\n"
        let bytes = Array(text.utf8)
        let results = CaseLoader.cases(in: bytes, file: "many.yaml", schema: schema)
        let problems = try #require(results.first?.failure?.diagnostics)
        #expect(problems.count == CaseSchemaCheck.mostReported + 1)
        #expect(problems.contains { $0.message == "4900 more fields of this case do not fit the schema" })
    }

    @Test("lint reports exactly what evaluate refuses, under case-schema-mismatch", arguments: scenarios)
    func lintAgrees(_ name: String) throws {
        let directory = Self.folder + "/" + name
        let files = FileAccess.files(under: directory, extensions: CaseLoader.extensions).map { directory + "/" + $0 }
        let linted = Linter.lint(policies: Self.bundle, caseFiles: files).findings.filter { $0.rule == "case-schema-mismatch" }
        let refused = CaseLoader.load([directory], schema: try BundleLoader.load(directory: Self.bundle).get().schema)
            .flatMap { $0.failure?.diagnostics ?? [] }
        #expect(!refused.isEmpty)
        #expect(linted.map(\.oneLine) == refused.map(\.oneLine))
    }
}
