import Foundation
import Testing

@testable import GavelCLI
@testable import GavelEngine
@testable import GavelLint
@testable import GavelSyntax

/// The shipped Policies/ bundle, compiled once for all tests that use it.
enum ShippedBundle {
    static let compiled: Result<CompiledBundle, DiagnosticError> = BundleLoader.load(directory: Repository.policies)

    static func get() throws -> CompiledBundle {
        switch compiled {
        case .success(let bundle): return bundle
        case .failure(let error):
            Issue.record("Policies/ does not compile:\n\(error)")
            throw error
        }
    }

    /// Every case file under Cases/, relative to it, in a stable order.
    static let caseFiles: [String] = FileAccess.files(under: Repository.cases, extensions: CaseLoader.extensions)

    static func cases(in relative: String) throws -> [CaseRecord] {
        let path = Repository.cases + "/" + relative
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        // Read as `evaluate` reads them: checked against the shipped schema.
        return try CaseLoader.cases(in: bytes, file: "Cases/" + relative, bundle: try get()).map { try $0.get() }
    }

    /// Cases carry their own `as_of`; this only matters for one that does not.
    static let fallbackAsOf = Instant(secondsSinceEpoch: 1_735_689_600, isDateOnly: true)  // 2025-01-01
}
