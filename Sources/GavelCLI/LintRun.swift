import Foundation
import GavelEngine
import GavelLint
import GavelSyntax

/// `gavel lint` as a library call. Paths may name policy directories (a
/// folder with bundle.yaml, or with Policy/List/Schema documents), case
/// folders, case files, or single policy/list/schema files (checked within
/// their bundle, reporting only their own findings); with none, ./Policies
/// and ./Cases are linted.
package struct LintRun: Sendable {
    package var paths: [String]
    /// The bundle case files are checked against when no path names one.
    package var policies: String?
    package var format: LintFormat
    package var strict: Bool

    package init(paths: [String], policies: String?, format: LintFormat, strict: Bool) {
        self.paths = paths
        self.policies = policies
        self.format = format
        self.strict = strict
    }

    /// SPEC §4: 0 clean; 1 errors (or warnings with `--strict`); 2 a path could not be read.
    package func run(output: (String) -> Void, errors: (String) -> Void) -> Int32 {
        // Bundle root → the files asked for in it (nil: the whole bundle).
        var bundles: [(root: String, only: Set<String>?)] = []
        var caseFiles: [String] = []
        var unreadable: [String] = []
        var notRegular: [String] = []
        // Folder links and pipes in a case folder: reported, so that no case goes unread without a word.
        var unfollowed: [Diagnostic] = []
        func addBundle(_ root: String, only file: String?) {
            if let i = bundles.firstIndex(where: { $0.root == root }) {
                if let file, bundles[i].only != nil { bundles[i].only?.insert(file) } else { bundles[i].only = nil }
            } else {
                bundles.append((root, file.map { [$0] }))
            }
        }
        let requested = paths.isEmpty ? ["./Policies", "./Cases"].filter { FileManager.default.fileExists(atPath: $0) } : paths
        for path in requested {
            let trimmed = path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
            if FileAccess.isDirectory(trimmed) {
                if Self.isBundle(trimmed) {
                    addBundle(trimmed, only: nil)
                } else {
                    let listing = FileAccess.listing(under: trimmed, extensions: CaseLoader.extensions)
                    caseFiles += listing.files.map { trimmed + "/" + $0 }
                    unfollowed += listing.unfollowed.map { FileAccess.unfollowedProblem($0, under: trimmed, linkCode: .unreadableFile) }
                }
            } else if FileManager.default.fileExists(atPath: trimmed), !FileAccess.isRegularFile(trimmed) {
                // A device or a pipe is not a file to lint: /dev/zero never ends, a FIFO with no writer never opens.
                notRegular.append(path)
            } else if FileManager.default.isReadableFile(atPath: trimmed) {
                if Self.declaresBundleKind(trimmed) {
                    // A policy, list or schema file is checked within its bundle, which its references need.
                    let root = Self.bundleRoot(containing: trimmed)
                    addBundle(root, only: FileAccess.realPath(trimmed) ?? trimmed)
                } else {
                    caseFiles.append(trimmed)
                }
            } else {
                unreadable.append(path)
            }
        }
        let primary = bundles.first?.root ?? policies ?? (FileAccess.isDirectory("./Policies") ? "./Policies" : nil)
        var findings: [Diagnostic] = []
        var fileContents: [String: [UInt8]] = [:]
        let runs: [(root: String?, only: Set<String>?)] = bundles.isEmpty ? [(primary, nil)] : bundles.map { ($0.root, $0.only) }
        for (i, run) in runs.enumerated() {
            let report = Linter.lint(policies: run.root, caseFiles: i == 0 ? caseFiles : [])
            findings += report.findings.filter { finding in
                guard let only = run.only else { return true }
                guard let file = finding.location?.file else { return false }
                return only.contains(FileAccess.realPath(file) ?? file) || caseFiles.contains(file)
            }
            fileContents.merge(report.fileContents) { first, _ in first }
        }
        let report = LintReport(findings: Array(Set(findings + unfollowed)).sorted(), fileContents: fileContents)
        for path in unreadable {
            errors("gavel: cannot read `\(path)`: no such file or directory\n")
        }
        for path in notRegular {
            errors("gavel: cannot lint `\(path)`: not a regular file (a device, a pipe or a socket)\n")
        }
        // With nothing linted, a report would say "no problems found" about nothing.
        if (unreadable.isEmpty && notRegular.isEmpty) || !bundles.isEmpty || !caseFiles.isEmpty { output(format.render(report)) }
        // A path that could not be read in full is exit 2 (SPEC §4), whatever else was found.
        let unreadableFindings: Set<DiagnosticCode> = [.unreadableFile, .fileTooLarge]
        if !unreadable.isEmpty || !notRegular.isEmpty || report.findings.contains(where: { unreadableFindings.contains($0.code) }) { return 2 }
        return report.exitStatus(strict: strict)
    }

    /// The nearest folder at or above the file's own that holds bundle.yaml,
    /// else the file's own folder. A relative path walks up past its first
    /// component too (`lists/x.yaml` from the bundle's root finds `.`, which
    /// the walk by path components alone never reached).
    static func bundleRoot(containing file: String) -> String {
        let start = FileAccess.parent(of: file)
        var directory = start.isEmpty ? "." : start
        while let real = FileAccess.realPath(directory), FileAccess.isDirectory(directory) {
            if FileManager.default.fileExists(atPath: directory + "/bundle.yaml") { return directory }
            if real == "/" { break }
            directory = Self.parentFolder(of: directory)
        }
        return start.isEmpty ? "." : start
    }

    /// The folder above a folder, written relative when it is: `.` → `..`,
    /// `../x` → `..`, `..` → `../..`, `lists` → `.`.
    static func parentFolder(of directory: String) -> String {
        let last = directory.split(separator: "/").last.map(String.init) ?? directory
        if last == "." { return FileAccess.parent(of: directory).isEmpty ? ".." : FileAccess.parent(of: directory) + "/.." }
        if last == ".." { return directory + "/.." }
        let parent = FileAccess.parent(of: directory)
        return parent.isEmpty ? "." : parent
    }

    /// Whether a YAML file declares a bundle document (anything but a case),
    /// read as the loader reads it: bounded, and `kind:` as `DocumentKind`
    /// reads it. JSON and JSONL files are always cases.
    static func declaresBundleKind(_ file: String) -> Bool {
        guard file.hasSuffix(".yaml") || file.hasSuffix(".yml"),
            case .success(let bytes) = FileAccess.read(file, display: file, limit: LoadLimits.default.maxFileBytes)
        else { return false }
        let stream = YAMLComposer.compose(bytes, file: file)
        return (stream.documents + stream.salvaged).contains { document in
            if case .kind(let kind, _) = DocumentKind.declared(in: document) { return kind.belongsInBundle }
            return false
        }
    }

    /// A directory is a policy bundle when it has bundle.yaml, or any YAML
    /// file below it declares a Bundle, Policy, List or Schema.
    static func isBundle(_ directory: String) -> Bool {
        if FileManager.default.fileExists(atPath: directory + "/bundle.yaml") { return true }
        for relative in FileAccess.files(under: directory, extensions: [".yaml", ".yml"]) {
            if declaresBundleKind(directory + "/" + relative) { return true }
        }
        return false
    }
}
