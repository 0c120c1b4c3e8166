import Foundation

/// `gavel lint` as a library call. Paths may name policy directories (a
/// folder with bundle.yaml, or with Policy/List/Schema documents), case
/// folders, or files; with none, ./Policies and ./Cases are linted.
public struct LintRun: Sendable {
    public var paths: [String]
    /// The bundle case files are checked against when no path names one.
    public var policies: String?
    public var format: LintFormat
    public var strict: Bool

    public init(paths: [String], policies: String?, format: LintFormat, strict: Bool) {
        self.paths = paths
        self.policies = policies
        self.format = format
        self.strict = strict
    }

    /// SPEC §4: 0 clean; 1 errors (or warnings with `--strict`); 2 a path could not be read.
    public func run(output: (String) -> Void, errors: (String) -> Void) -> Int32 {
        var bundles: [String] = []
        var caseFiles: [String] = []
        var unreadable: [String] = []
        let requested = paths.isEmpty ? ["./Policies", "./Cases"].filter { FileManager.default.fileExists(atPath: $0) } : paths
        for path in requested {
            let trimmed = path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
            if FileAccess.isDirectory(trimmed) {
                if Self.isBundle(trimmed) {
                    bundles.append(trimmed)
                } else {
                    caseFiles += FileAccess.files(under: trimmed, extensions: CaseLoader.extensions).map { trimmed + "/" + $0 }
                }
            } else if FileManager.default.isReadableFile(atPath: trimmed) {
                caseFiles.append(trimmed)
            } else {
                unreadable.append(path)
            }
        }
        let primary = bundles.first ?? policies ?? (FileAccess.isDirectory("./Policies") ? "./Policies" : nil)
        var findings: [Diagnostic] = []
        var sources: [String: [UInt8]] = [:]
        let runs = bundles.isEmpty ? [primary] : bundles.map { Optional($0) }
        for (i, bundle) in runs.enumerated() {
            let report = Linter.lint(policies: bundle, caseFiles: i == 0 ? caseFiles : [])
            findings += report.findings
            sources.merge(report.sources) { first, _ in first }
        }
        let report = LintReport(findings: Array(Set(findings)).sorted(), sources: sources)
        output(format.render(report))
        for path in unreadable {
            errors("gavel: cannot read `\(path)`: no such file or directory\n")
        }
        return unreadable.isEmpty ? report.exitStatus(strict: strict) : 2
    }

    /// A directory is a policy bundle when it has bundle.yaml, or any YAML
    /// file below it declares a Bundle, Policy, List or Schema.
    static func isBundle(_ directory: String) -> Bool {
        if FileManager.default.fileExists(atPath: directory + "/bundle.yaml") { return true }
        for relative in FileAccess.files(under: directory, extensions: [".yaml", ".yml"]) {
            guard let data = FileManager.default.contents(atPath: directory + "/" + relative) else { continue }
            let text = String(decoding: data.prefix(65_536), as: UTF8.self)
            for line in text.split(separator: "\n") where line.hasPrefix("kind:") {
                let kind = line.dropFirst(5).trimmingCharacters(in: .whitespaces)
                if ["Bundle", "Policy", "List", "Schema"].contains(kind) { return true }
            }
        }
        return false
    }
}
