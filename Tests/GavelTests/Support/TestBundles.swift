import Foundation
import Testing

@testable import GavelCLI
@testable import GavelEngine
@testable import GavelLint
@testable import GavelSyntax

/// Paths of the repository and its fixture folders, found from this file so
/// tests never depend on the working directory.
enum Repository {
    static let tests = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    static let root = tests.deletingLastPathComponent().deletingLastPathComponent()
    static let fixtures = tests.appendingPathComponent("Fixtures")
    static let golden = tests.appendingPathComponent("Golden")
    static let policies = root.appendingPathComponent("Policies").path
    static let cases = root.appendingPathComponent("Cases").path
    /// The workshop's data folder beside the repository (`../shared/data`).
    static let sharedData = root.deletingLastPathComponent().appendingPathComponent("shared/data")
}

/// A policy directory written to a fresh temporary folder, removed when the
/// last reference to it goes (bind it to a local for as long as its path is used).
final class TemporaryBundle {
    let path: String

    deinit { try? FileManager.default.removeItem(atPath: path) }

    init(_ files: [String: String]) throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("gavel-test-\(UUID().uuidString)").path
        for (relative, text) in files {
            let url = URL(fileURLWithPath: path).appendingPathComponent(relative)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
    }

    func compile() -> Result<CompiledBundle, DiagnosticError> { BundleLoader.load(directory: path) }

    /// Diagnostics with the temporary folder cut from their paths.
    func problems() -> [String] {
        guard case .failure(let error) = compile() else { return [] }
        return error.diagnostics.map { $0.oneLine.replacingOccurrences(of: path + "/", with: "") }
    }
}

/// A one-policy bundle around `rules:` text, for operator and semantics tests.
func policyBundle(rules: String, exceptions: String = "", lists: [String: String] = [:]) throws -> CompiledBundle {
    var files = ["policy.yaml": "kind: Policy\nid: test\nowner: t@example\nrules:\n\(rules)\n\(exceptions.isEmpty ? "" : "exceptions:\n\(exceptions)\n")"]
    for (name, text) in lists { files["lists/\(name).yaml"] = text }
    let bundle = try TemporaryBundle(files)
    switch bundle.compile() {
    case .success(let compiled): return compiled
    case .failure(let error):
        Issue.record("bundle does not compile:\n\(error)")
        throw error
    }
}

/// A case from YAML text.
func caseRecord(_ yaml: String, file: String = "case.yaml") throws -> CaseRecord {
    let results = CaseLoader.cases(in: Array(yaml.utf8), file: file)
    guard results.count == 1, let first = results.first else {
        Issue.record("expected one case, got \(results.count)")
        throw DiagnosticError([])
    }
    return try first.get()
}

func evaluate(
    _ bundle: CompiledBundle, _ caseYAML: String, asOf: String = "2024-01-01", strict: Bool = false, trace: TraceLevel = .full
) throws -> Decision {
    let record = try caseRecord(caseYAML)
    guard let date = Instant.parse(asOf) else { throw DiagnosticError([]) }
    return Evaluator(bundle: bundle).evaluate(record, options: .init(fallbackAsOf: date, strict: strict, trace: trace))
}

extension Value {
    var mapValue: ValueMap? {
        if case .map(let map) = self { return map }
        return nil
    }
}

extension Result {
    /// The error of a failure, nil for a success.
    var failure: Failure? {
        if case .failure(let error) = self { return error }
        return nil
    }
}

extension Decision {
    func status(_ rule: String) -> RuleStatus? { rules.first { $0.rule.id == rule }?.status }
}
