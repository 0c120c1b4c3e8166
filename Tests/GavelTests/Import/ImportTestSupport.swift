import Foundation
import Testing

@testable import GavelCLI
@testable import GavelEngine
@testable import GavelImport
@testable import GavelSyntax

/// Fixtures cut from the official files in the shared data folder, and a
/// scratch folder per import.
enum ImportFixtures {
    static let root = Repository.fixtures.appendingPathComponent("lists-import")
    static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }

    /// Runs an import into a fresh folder; returns the status, the folder, stdout and stderr (paths cut to be relative).
    static func run(_ options: (String) -> ImportOptions) -> (status: Int32, directory: String, output: String, errors: String) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("gavel-import-\(UUID().uuidString)").path
        var output = "", errors = ""
        let status = ListImportRun(options: options(directory)).run(output: { output += $0 }, errors: { errors += $0 })
        let prefix = root.path + "/"
        return (
            status, directory, output.replacingOccurrences(of: directory + "/", with: ""),
            errors.replacingOccurrences(of: prefix, with: "")
        )
    }

    static func read(_ path: String) -> String {
        String(decoding: FileManager.default.contents(atPath: path) ?? Data(), as: UTF8.self)
    }

    /// The list as the bundle loader reads it, inside a one-file bundle.
    static func load(_ directory: String, id: String) throws -> DesignationList {
        let policy = "kind: Policy\nid: p\nowner: t@example\nrules:\n  - id: r\n    title: t\n    decision: escalate\n    basis: [b]\n    reason: r\n    when: { screen: { lists: [\(id)], names: [customer.name] } }\n"
        try Data(policy.utf8).write(to: URL(fileURLWithPath: directory + "/policy.yaml"))
        let analysis = BundleLoader.analyze(directory: directory)
        let errors = analysis.diagnostics.filter { $0.severity == .error }
        guard errors.isEmpty, let list = analysis.documents?.lists.first(where: { $0.id == id }) else {
            Issue.record("the imported list does not load:\n\(errors.map(\.oneLine).joined(separator: "\n"))")
            throw DiagnosticError(errors)
        }
        return list
    }
}
