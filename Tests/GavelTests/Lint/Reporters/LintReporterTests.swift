import Foundation
import Testing

@testable import GavelCLI
@testable import GavelEngine
@testable import GavelLint
@testable import GavelSyntax

/// Golden output for every lint format, on a bundle with several kinds of
/// problem and on a clean one.
@Suite("Lint reporters")
struct LintReporterTests {
    static let problemBundle: [String: String] = [
        "bundle.yaml": "kind: Bundle\nid: golden\nversion: \"1\"\n",
        "policies/sanctions.yaml": """
            kind: Policy
            id: sanctions
            owner: legal@example.com
            rules:
              - id: designated
                title: Designated organisation
                decison: terminate
                when: { path: customer.name, equals: Hamas }
              - id: review
                title: "Review: name, with a comma"
                decision: escalate
                when: { path: customer.name, equals: Hamas }
            """,
        "policies/dup.yaml": "kind: Policy\nid: dup\nrules:\n  - id: a\n    id: b\n",
    ]

    /// Paths in the report are made relative so golden files do not depend on the temp folder.
    static func report(_ files: [String: String]) throws -> LintReport {
        let bundle = try TemporaryBundle(files)
        let raw = Linter.lint(policies: bundle.path, caseFiles: [])
        func relative(_ d: Diagnostic) -> Diagnostic {
            var d = d
            if let file = d.location?.file { d.location?.file = file.replacingOccurrences(of: bundle.path, with: "Policies") }
            return d
        }
        var fileContents: [String: [UInt8]] = [:]
        for (key, value) in raw.fileContents { fileContents[key.replacingOccurrences(of: bundle.path, with: "Policies")] = value }
        return LintReport(findings: raw.findings.map(relative), fileContents: fileContents)
    }

    @Test("each format renders the problems", arguments: LintFormat.allCases)
    func problems(_ format: LintFormat) throws {
        let report = try Self.report(Self.problemBundle)
        #expect(report.errorCount >= 2)
        assertGolden(format.render(report), "lint/problems.\(format.rawValue)")
    }

    @Test("each format renders a clean run", arguments: LintFormat.allCases)
    func clean(_ format: LintFormat) throws {
        let report = try Self.report([
            "policies/p.yaml": "kind: Policy\nid: p\nowner: o@example.com\nrules:\n  - { id: r, title: R, basis: [ToS 1], decision: monitor, when: { path: a, exists: true } }\n",
            "schema.yaml": "kind: Schema\nfields:\n  a: string\n",
        ])
        #expect(report.findings.isEmpty)
        assertGolden(format.render(report), "lint/clean.\(format.rawValue)")
    }

    @Test("SARIF output validates against the official SARIF 2.1.0 schema")
    func sarifValidates() throws {
        let schema = try #require(try ExternalTools.sarifSchema(), "SARIF schema not found; \(ExternalTools.installHint)")
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("gavel-sarif-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        var files: [String] = []
        for (name, report) in [("problems", try Self.report(Self.problemBundle)), ("clean", LintReport(findings: [], fileContents: [:]))] {
            let url = directory.appendingPathComponent("\(name).sarif.json")
            try Data(SARIFReporter.render(report).utf8).write(to: url)
            files.append(url.path)
        }
        let (status, output) = try #require(
            try ExternalTools.checkJSONSchema(["--schemafile", schema] + files), "check-jsonschema not found; \(ExternalTools.installHint)")
        #expect(status == 0, "\(output)")
        // The validator must be able to say no, or this test proves nothing.
        let broken = directory.appendingPathComponent("broken.sarif.json")
        try Data("{\"version\": \"2.1.0\", \"runs\": [{\"results\": []}]}".utf8).write(to: broken)
        let (brokenStatus, _) = try #require(try ExternalTools.checkJSONSchema(["--schemafile", schema, broken.path]))
        #expect(brokenStatus != 0)
    }

    @Test("GitHub annotations escape what the runner would misread")
    func githubEscaping() {
        #expect(GitHubReporter.escapeData("50% done\nnext") == "50%25 done%0Anext")
        #expect(GitHubReporter.escapeProperty("a:b,c") == "a%3Ab%2Cc")
    }
}
