import Foundation
import Testing

@testable import GavelCLI
@testable import GavelEngine
@testable import GavelLint
@testable import GavelSyntax

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

    @Test("every code that loading reports is documented by exactly one loader-reported rule of that id")
    func loaderCodesDocumented() {
        let loaderRules = LintRegistry.all.filter { $0 is any LoaderReportedRule.Type }.map { $0.description.code }
        let lintConfiguration: [DiagnosticCode] = [.unknownLintRule, .invalidIgnoreMarker]
        #expect(DiagnosticCode.reportedByLoading.count == 49)
        #expect(loaderRules.sorted() == (DiagnosticCode.reportedByLoading + lintConfiguration).sorted())
    }

    @Test("every rule file in Sources/GavelLint/Rules is registered, one rule per file")
    func everyFileRegistered() throws {
        let rulesDirectory = Repository.root.appendingPathComponent("Sources/GavelLint/Rules").path
        let files = FileAccess.files(under: rulesDirectory, extensions: ["Check.swift"])
        let registered = Set(LintRegistry.all.map { String(describing: $0) })
        for file in files {
            let typeName = (file as NSString).lastPathComponent.replacingOccurrences(of: ".swift", with: "")
            #expect(registered.contains(typeName), "\(file) declares a check that is not registered")
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
        var files: [String: [UInt8]] = [:]
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
            files[path] = Array(stripped.utf8)
        }
        for (path, _, make) in example.byteFiles {
            let (stripped, found) = Self.strippingMarkers(make())
            files[path] = stripped
            markers += found.map { "\(path):\($0.line):\($0.column)" }
        }
        let bundle = try TemporaryBundle([:])
        let casesRoot = bundle.path + "-cases"
        // Case files sit beside the bundle, not in it: lint them from a sibling folder.
        for (path, bytes) in files {
            let url = URL(fileURLWithPath: (path.hasPrefix("cases/") ? casesRoot : bundle.path) + "/" + path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(bytes).write(to: url)
        }
        try FileManager.default.createDirectory(atPath: bundle.path, withIntermediateDirectories: true)
        let caseFiles = files.keys.filter { $0.hasPrefix("cases/") }.sorted()
        directory = bundle.path
        self.markers = markers
        report = Linter.lint(policies: bundle.path, caseFiles: caseFiles.map { casesRoot + "/" + $0 })
        // Some examples are large (a 64 MiB file); do not leave them in the temporary folder.
        try? FileManager.default.removeItem(atPath: bundle.path)
        try? FileManager.default.removeItem(atPath: casesRoot)
    }

    /// `bytes` without its `↓` markers (UTF-8 E2 86 93), and where each was:
    /// a line per LF, a column per byte that does not continue a UTF-8
    /// sequence (so an invalid byte is one column, as the loader counts it).
    /// Only the text before the last marker is walked byte by byte, so a
    /// marker near the start of a 64 MiB example costs nothing.
    static func strippingMarkers(_ bytes: [UInt8]) -> (bytes: [UInt8], markers: [(line: Int, column: Int)]) {
        let data = Data(bytes)
        let marker = Data([0xE2, 0x86, 0x93])
        var offsets: [Int] = []
        var from = data.startIndex
        while let range = data.range(of: marker, in: from..<data.endIndex) {
            offsets.append(range.lowerBound)
            from = range.upperBound
        }
        guard !offsets.isEmpty else { return (bytes, []) }
        var stripped: [UInt8] = []
        stripped.reserveCapacity(bytes.count)
        var places: [(line: Int, column: Int)] = []
        var line = 1
        var column = 1
        var index = 0
        var copied = 0
        for offset in offsets {
            while index < offset {
                let byte = bytes[index]
                if byte == 0x0A {
                    line += 1
                    column = 1
                } else if byte & 0xC0 != 0x80 {
                    column += 1
                }
                index += 1
            }
            places.append((line, column))
            stripped += bytes[copied..<offset]
            index = offset + 3
            copied = index
        }
        stripped += bytes[copied...]
        return (stripped, places)
    }

    /// `path:line:column` relative to the example, for comparison with markers.
    func place(_ location: GavelSyntax.SourceLocation?) -> String? {
        guard let location else { return nil }
        var file = location.file
        for prefix in [directory + "-cases/", directory + "/"] where file.hasPrefix(prefix) {
            file.removeFirst(prefix.count)
        }
        return "\(file):\(location.line):\(location.column)"
    }
}
