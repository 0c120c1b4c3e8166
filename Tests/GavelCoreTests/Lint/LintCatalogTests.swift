import Foundation
import Testing

@testable import GavelCore

/// Every registered rule, through its own examples: triggering examples must
/// produce findings of that rule exactly at their `↓` markers, the others none.
@Suite("Lint rule catalog")
struct LintCatalogTests {
    struct RuleCase: CustomTestStringConvertible, Sendable {
        let id: String
        var testDescription: String { id }
        var rule: any LintRule.Type { LintRegistry.rule(id)! }
    }

    static let rules = LintRegistry.all.map { RuleCase(id: $0.description.id) }

    @Test("triggering examples trigger exactly at their markers", arguments: rules)
    func triggering(_ rule: RuleCase) throws {
        let description = rule.rule.description
        #expect(!description.triggering.isEmpty, "\(description.id) has no triggering example")
        for example in description.triggering {
            let run = try ExampleRun(example)
            let found = run.report.findings.filter { $0.rule == description.id }.compactMap { run.place($0.location) }
            #expect(
                found.sorted() == run.markers.sorted(),
                "\(description.id) example at \(example.sourceFile):\(example.sourceLine): expected findings at \(run.markers.sorted()), got \(found.sorted())\n\(run.report.findings.map(\.oneLine).joined(separator: "\n"))")
            #expect(!run.markers.isEmpty, "\(description.id) triggering example has no ↓ marker")
        }
    }

    @Test("non-triggering examples do not trigger", arguments: rules)
    func nonTriggering(_ rule: RuleCase) throws {
        let description = rule.rule.description
        #expect(!description.nonTriggering.isEmpty, "\(description.id) has no non-triggering example")
        for example in description.nonTriggering {
            let run = try ExampleRun(example)
            let found = run.report.findings.filter { $0.rule == description.id }
            #expect(found.isEmpty, "\(description.id) example at \(example.sourceFile):\(example.sourceLine) triggered:\n\(found.map(\.oneLine).joined(separator: "\n"))")
        }
    }

    @Test("ids are unique and kebab-case; every rule is documented")
    func descriptions() {
        let ids = LintRegistry.all.map { $0.description.id }
        #expect(Set(ids).count == ids.count)
        for type in LintRegistry.all {
            let d = type.description
            #expect(d.id.isKebabCase, "\(d.id) is not kebab-case")
            #expect(!d.summary.isEmpty && !d.summary.hasSuffix("."), "\(d.id): summary must be one line without a final period")
            #expect(d.documentation.count > 80, "\(d.id): documentation too short to say why and how to fix")
        }
    }

    @Test("every rule file in Sources/GavelCore/Lint/Rules is registered, one rule per file")
    func everyFileRegistered() throws {
        let rulesDirectory = Repository.root.appendingPathComponent("Sources/GavelCore/Lint/Rules").path
        let files = FileAccess.files(under: rulesDirectory, extensions: ["Rule.swift"])
        let registered = Set(LintRegistry.all.map { String(describing: $0) })
        for file in files {
            let typeName = (file as NSString).lastPathComponent.replacingOccurrences(of: ".swift", with: "")
            #expect(registered.contains(typeName), "\(file) declares a rule that is not registered")
        }
        #expect(files.count == registered.count, "rule files: \(files.count), registered rules: \(registered.count)")
    }
}

/// A rule example written to disk with its markers removed, then linted.
struct ExampleRun {
    let directory: String
    /// `path:line:column` of every `↓`.
    let markers: [String]
    let report: LintReport

    init(_ example: LintExample) throws {
        var files: [String: String] = [:]
        var markers: [String] = []
        for (path, text) in example.files {
            var stripped = ""
            var line = 1
            var column = 1
            for scalar in text.unicodeScalars {
                if scalar == "↓" {
                    markers.append("\(path):\(line):\(column)")
                    continue
                }
                stripped.unicodeScalars.append(scalar)
                if scalar == "\n" {
                    line += 1
                    column = 1
                } else {
                    column += 1
                }
            }
            files[path] = stripped
        }
        let bundle = try TemporaryBundle(files.filter { !$0.key.hasPrefix("cases/") })
        let caseFiles = files.keys.filter { $0.hasPrefix("cases/") }.sorted()
        for path in caseFiles {
            let url = URL(fileURLWithPath: bundle.path + "/" + path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data((files[path] ?? "").utf8).write(to: url)
        }
        // Case files sit beside the bundle, not in it: lint them from a sibling folder.
        let casesRoot = bundle.path + "-cases"
        for path in caseFiles {
            let target = URL(fileURLWithPath: casesRoot + "/" + path)
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.moveItem(atPath: bundle.path + "/" + path, toPath: target.path)
        }
        try? FileManager.default.removeItem(atPath: bundle.path + "/cases")
        directory = bundle.path
        self.markers = markers
        report = Linter.lint(policies: bundle.path, caseFiles: caseFiles.map { casesRoot + "/" + $0 })
    }

    /// `path:line:column` relative to the example, for comparison with markers.
    func place(_ location: GavelCore.SourceLocation?) -> String? {
        guard let location else { return nil }
        var file = location.file
        for prefix in [directory + "-cases/", directory + "/"] where file.hasPrefix(prefix) {
            file.removeFirst(prefix.count)
        }
        return "\(file):\(location.line):\(location.column)"
    }
}
