import GavelImport
import GavelSyntax

/// `gavel lists import` as a library call: SPEC §4, exit 0 when the list
/// was written, 2 on bad input (every problem as `file:line:column`).
package struct ListImportRun {
    package var options: ImportOptions

    package init(options: ImportOptions) { self.options = options }

    /// Writes the list; a one-line summary to `output`, warnings and errors to
    /// `errors`; the progress bar to `progress` (give it only for a terminal).
    package func run(output: (String) -> Void, errors: (String) -> Void, progress: ((String) -> Void)? = nil) -> Int32 {
        do {
            let summary = try ListImporter(options: options).run(warn: { errors("gavel: warning: \($0)\n") }, progress: progress)
            let dates = summary.snapshots.map { "\($0.date) (\($0.entries))" }.joined(separator: ", ")
            output("\(summary.yamlPath): \(summary.entries) entries from \(summary.snapshots.count) snapshot(s): \(dates)\n")
            return 0
        } catch {
            for diagnostic in error.diagnostics { errors(diagnostic.oneLine + "\n") }
            return 2
        }
    }
}
