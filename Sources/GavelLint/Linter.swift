import Foundation
import GavelEngine
import GavelSyntax

/// Runs every lint rule over a bundle and case files, then applies the
/// bundle's `lint:` levels and `# gavel:ignore` markers.
public enum Linter {
    /// Every registered rule over the bundle at `policies` and the case files.
    public static func lint(policies: String?, caseFiles: [String], limits: LoadLimits = .default) -> LintReport {
        lint(policies: policies, caseFiles: caseFiles, rules: LintRegistry.all, limits: limits)
    }

    package static func lint(
        policies: String?, caseFiles: [String], rules: [any LintRule.Type], limits: LoadLimits
    ) -> LintReport {
        let analysis = policies.map { BundleLoader.analyze(directory: $0, limits: limits) }
            ?? BundleAnalysis(documents: nil, compiled: nil, diagnostics: [])
        var fileContents: [String: [UInt8]] = [:]
        if let documents = analysis.documents {
            for file in documents.files { fileContents[documents.root + "/" + file.path] = file.bytes }
        }
        var cases: [LintedCase] = []
        var caseProblems: [Diagnostic] = []
        // Cases are read as `evaluate` reads them: against the bundle's schema, if any.
        let schemaCheck = analysis.documents?.schema.map(CaseSchemaCheck.init)
        for path in caseFiles {
            switch FileAccess.read(path, display: path, limit: limits.maxFileBytes) {
            case .failure(let problem): caseProblems.append(problem)
            case .success(let bytes):
                fileContents[path] = bytes
                // Spoiled cases are checked further too, so lint reports everything at once.
                let outcomes = CaseLoader.nodes(in: bytes, file: path, limits: limits, salvaged: true)
                for outcome in outcomes {
                    switch outcome {
                    case .failure(let problem): caseProblems.append(problem)
                    case .success(let root):
                        switch CaseLoader.read(root, check: schemaCheck) {
                        case .success(let record):
                            cases.append(LintedCase(root: root, record: record))
                            // What `gavel test` refuses, lint reports: an `expect:` that checks nothing, or a decision off the ladder.
                            if let expect = record.expect, let ladder = analysis.documents?.manifest.ladder {
                                caseProblems += ExpectationCheck.problems(expect, ladder: ladder.map(\.id))
                            }
                        case .failure(let error):
                            cases.append(LintedCase(root: root, record: nil))
                            caseProblems += error.diagnostics
                        }
                    }
                }
            }
        }

        var context = LintContext(analysis: analysis, cases: cases, caseProblems: caseProblems)
        let knownRules = Set(rules.map { $0.description.id })
        let (markers, markerProblems) = ignoreMarkers(analysis, knownRules: knownRules)
        context.configurationProblems += markerProblems + levelProblems(context.settings, knownRules: knownRules)

        var findings: [Diagnostic] = []
        var claimed = Set<String>()
        for ruleType in rules {
            let description = ruleType.description
            claimed.insert(description.id)
            let level = context.settings.level(of: description.id)
            if level == .off { continue }
            for var finding in ruleType.init().check(context) {
                if let severity = level?.severity { finding.severity = severity }
                if markers.contains(where: { $0.covers(finding) }) { continue }
                findings.append(finding)
            }
        }
        // A loader problem no registered rule owns must still be reported.
        let allProblems = analysis.diagnostics + caseProblems + context.configurationProblems
        findings += allProblems.filter { !claimed.contains($0.rule) }
        return LintReport(findings: Array(Set(findings)).sorted(), fileContents: fileContents)
    }

    private static func ignoreMarkers(_ analysis: BundleAnalysis, knownRules: Set<String>) -> ([IgnoreMarker], [Diagnostic]) {
        guard let documents = analysis.documents else { return ([], []) }
        var markers: [IgnoreMarker] = []
        var problems: [Diagnostic] = []
        for file in documents.files where file.bytes.contains(UInt8(ascii: "#")) {
            let display = documents.root + "/" + file.path
            let itemLines = documents.policies.flatMap { policy in
                policy.rules.map(\.location) + policy.exceptions.map(\.location)
            }.filter { $0.file == display }.map(\.line)
            let scanned = IgnoreMarkers.scan(file.bytes, file: display, itemLines: itemLines, knownRules: knownRules)
            markers += scanned.markers
            problems += scanned.problems
        }
        return (markers, problems)
    }

    private static func levelProblems(_ settings: LintSettings, knownRules: Set<String>) -> [Diagnostic] {
        settings.levels.filter { !knownRules.contains($0.rule) }.map {
            .error(
                .unknownLintRule, "`lint.rules` sets a level for `\($0.rule)`, which is not a lint rule", at: $0.location,
                help: DidYouMean.help(for: $0.rule, among: knownRules) ?? "`gavel lint --list` shows every rule")
        }
    }
}

extension IgnoreMarker {
    func covers(_ finding: Diagnostic) -> Bool {
        guard finding.rule == rule, let location = finding.location else { return false }
        return location.file == file && lines.contains(location.line)
    }
}

/// The outcome of a lint run, ready for a reporter.
public struct LintReport: Sendable {
    public var findings: [Diagnostic]
    /// Display path → bytes of every file read, for source excerpts.
    package var fileContents: [String: [UInt8]]

    package init(findings: [Diagnostic], fileContents: [String: [UInt8]]) {
        self.findings = findings
        self.fileContents = fileContents
    }

    public var errorCount: Int { findings.filter { $0.severity == .error }.count }
    public var warningCount: Int { findings.filter { $0.severity == .warning }.count }

    /// SPEC §4: 0 clean, 1 errors (or warnings with `--strict`).
    public func exitStatus(strict: Bool) -> Int32 {
        errorCount > 0 || (strict && warningCount > 0) ? 1 : 0
    }
}
