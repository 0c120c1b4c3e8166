import ArgumentParser
import Foundation
import GavelCLI
import GavelEngine
import GavelLint
import GavelSyntax

struct LintBenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-lint",
        abstract: "Time `gavel lint` on generated bundles of growing size (use a release build)."
    )

    @Option(help: "Comma-separated rule counts.")
    var rules = "200,2000,20000"

    @Option(help: "Policy files per bundle.")
    var files = 20

    func run() throws {
        let sizes = rules.split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        guard !sizes.isEmpty else { throw ValidationError("--rules needs numbers, e.g. 200,2000,20000") }
        Terminal.out("| rules | files | findings | seconds | µs per rule |\n|---:|---:|---:|---:|---:|\n")
        for size in sizes {
            let m = try LintBench.measure(rules: size, files: files)
            let perRule = m.seconds / Double(max(1, m.rules)) * 1e6
            Terminal.out("| \(m.rules) | \(m.files) | \(m.findings) | \(String(format: "%.3f", m.seconds)) | \(String(format: "%.1f", perRule)) |\n")
        }
    }
}
