import Foundation
import GavelSyntax

/// Case files for `evaluate` and `test`: YAML (several documents allowed),
/// JSON, or JSONL batches. Each document stands alone: a bad one is reported
/// and the rest are still decided.
public enum CaseLoader {
    package static let extensions = [".yaml", ".yml", ".json", ".jsonl"]

    /// Case documents in input order.
    public static func cases(in bytes: [UInt8], file: String, limits: LoadLimits = .default) -> [Result<CaseRecord, DiagnosticError>] {
        nodes(in: bytes, file: file, limits: limits).map { outcome in
            switch outcome {
            case .success(let node): return read(node)
            case .failure(let problem): return .failure(DiagnosticError(problem))
            }
        }
    }

    /// The documents of a case file, or the problem with each, in input
    /// order. With `salvaged`, documents refused for a problem that did not
    /// stop their reading follow too, for lint to check further.
    package static func nodes(
        in bytes: [UInt8], file: String, limits: LoadLimits, salvaged: Bool = false
    ) -> [Result<SourceNode, Diagnostic>] {
        var outcomes: [Result<SourceNode, Diagnostic>]
        if file.hasSuffix(".jsonl") {
            outcomes = JSONLines.documents(bytes, file: file, limits: limits)
        } else {
            let stream = YAMLComposer.compose(bytes, file: file, limits: limits)
            outcomes = stream.outcomes + (salvaged ? stream.salvaged.map { .success($0) } : [])
        }
        if outcomes.isEmpty {
            outcomes = [.failure(.error(.emptyFile, "no case in this file", at: SourceLocation(file: file, line: 1, column: 1)))]
        }
        return outcomes
    }

    /// Reads the files named on a command line; directories are searched
    /// recursively for case files, `-` is standard input (read as YAML).
    package static func load(
        _ arguments: [String], limits: LoadLimits = .default,
        standardInput: (Int) -> Result<[UInt8], Diagnostic> = FileAccess.readStandardInput(limit:)
    ) -> [Result<CaseRecord, DiagnosticError>] {
        var results: [Result<CaseRecord, DiagnosticError>] = []
        for argument in arguments {
            if argument == "-" {
                switch standardInput(limits.maxFileBytes) {
                case .failure(let d): results.append(.failure(DiagnosticError(d)))
                case .success(let bytes): results += cases(in: bytes, file: "<stdin>", limits: limits)
                }
                continue
            }
            let paths: [String]
            if FileAccess.isDirectory(argument) {
                let root = argument.hasSuffix("/") ? String(argument.dropLast()) : argument
                paths = FileAccess.files(under: root, extensions: extensions).map { root + "/" + $0 }
            } else {
                paths = [argument]
            }
            for path in paths {
                switch FileAccess.read(path, display: path, limit: limits.maxFileBytes) {
                case .failure(let d): results.append(.failure(DiagnosticError(d)))
                case .success(let bytes): results += cases(in: bytes, file: path, limits: limits)
                }
            }
        }
        return results
    }

    package static func read(_ node: SourceNode) -> Result<CaseRecord, DiagnosticError> {
        var reader = DocumentReader()
        let other: (found: String, at: SourceLocation)?
        switch DocumentKind.declared(in: node) {
        case .kind(let kind, let location) where kind != .case: other = (kind.rawValue, location)
        case .unknown(let found, let location): other = (found, location)
        case .kind, .missing, .notAMapping: other = nil
        }
        if let other {
            reader.error(
                .unknownKind, "expected a case (`kind: Case`), found `kind: \(other.found)`",
                at: other.at, help: "policies, lists and schemas belong in the policy directory")
            return .failure(DiagnosticError(reader.diagnostics))
        }
        guard let record = reader.readCase(node) else { return .failure(DiagnosticError(reader.diagnostics)) }
        return .success(record)
    }
}
