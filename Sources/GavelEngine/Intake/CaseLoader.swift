import Foundation
import GavelSyntax

/// Case files for `evaluate` and `test`: YAML (several documents allowed),
/// JSON, or JSONL batches. Each document stands alone: a bad one is reported
/// and the rest are still decided. Given the bundle's schema, a case that
/// does not fit it is a bad one (SPEC §1.5): it is never decided.
public enum CaseLoader {
    package static let extensions = [".yaml", ".yml", ".json", ".jsonl"]

    /// Case documents in input order, not checked against any schema.
    public static func cases(in bytes: [UInt8], file: String, limits: LoadLimits = .default) -> [Result<CaseRecord, DiagnosticError>] {
        cases(in: bytes, file: file, limits: limits, check: nil)
    }

    /// Case documents in input order; a case that does not fit the bundle's
    /// schema (when it has one) is a failure with every problem located.
    public static func cases(
        in bytes: [UInt8], file: String, limits: LoadLimits = .default, bundle: CompiledBundle
    ) -> [Result<CaseRecord, DiagnosticError>] {
        cases(in: bytes, file: file, limits: limits, schema: bundle.schema)
    }

    /// Case documents in input order, each checked against `schema` when there is one.
    package static func cases(
        in bytes: [UInt8], file: String, limits: LoadLimits = .default, schema: CaseSchema?
    ) -> [Result<CaseRecord, DiagnosticError>] {
        cases(in: bytes, file: file, limits: limits, check: schema.map(CaseSchemaCheck.init))
    }

    /// The checker is built once per file, not per case of a batch.
    private static func cases(
        in bytes: [UInt8], file: String, limits: LoadLimits, check: CaseSchemaCheck?
    ) -> [Result<CaseRecord, DiagnosticError>] {
        nodes(in: bytes, file: file, limits: limits).map { outcome in
            switch outcome {
            case .success(let node): return read(node, check: check)
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
            let stream = YAMLComposer.compose(bytes, file: file, limits: limits, json: file.hasSuffix(".json"))
            outcomes = stream.outcomes + (salvaged ? stream.salvaged.map { .success($0) } : [])
        }
        if outcomes.isEmpty {
            outcomes = [.failure(.error(.emptyFile, "no case in this file", at: SourceLocation(file: file, line: 1, column: 1)))]
        }
        return outcomes
    }

    /// Reads the files named on a command line, as `gavel evaluate` does
    /// (`CaseInputs`), all at once: for callers that want the whole list.
    /// Each case is checked against `schema` when there is one.
    package static func load(
        _ arguments: [String], limits: LoadLimits = .default, schema: CaseSchema? = nil
    ) -> [Result<CaseRecord, DiagnosticError>] {
        let check = schema.map(CaseSchemaCheck.init)
        var inputs = CaseInputs(arguments, limits: limits)
        var results: [Result<CaseRecord, DiagnosticError>] = []
        while let input = inputs.next() { results.append(input.record(limits: limits, check: check)) }
        return results
    }

    /// A directory given as cases that holds none: a folder exported empty must not pass as a batch with nothing to decide.
    package static func noCaseFiles(in directory: String) -> Diagnostic {
        .error(
            .emptyFile,
            "the case directory `\(directory)` holds no case file: expected \(extensions.joined(separator: ", ")) files, found none",
            at: SourceLocation(file: directory, line: 1, column: 1),
            help: "name the case files or the folder that holds them")
    }

    /// One case document, checked against `schema` when there is one: a case
    /// with any problem, in its own fields or against the schema, is a
    /// failure carrying all of them.
    package static func read(_ node: SourceNode, schema: CaseSchema? = nil) -> Result<CaseRecord, DiagnosticError> {
        read(node, check: schema.map(CaseSchemaCheck.init))
    }

    /// As `read(_:schema:)`, with the checker built once for a whole batch.
    package static func read(_ node: SourceNode, check: CaseSchemaCheck?) -> Result<CaseRecord, DiagnosticError> {
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
        let record = reader.readCase(node)
        // Checked even when the case's own fields are bad, so every problem is reported at once.
        let misfits = check?.problems(in: node) ?? []
        guard let record, misfits.isEmpty else { return .failure(DiagnosticError(reader.diagnostics + misfits)) }
        return .success(record)
    }

    /// One `.jsonl` line (`lineNumber` 0-based) as its case. It goes straight
    /// to values when it can (`lineRecord`); a line with a problem, or one
    /// the values cannot vouch for, is read as located nodes, so that each
    /// problem is reported where it is written.
    package static func readLine(
        _ bytes: UnsafeBufferPointer<UInt8>, file: String, lineNumber: Int, limits: LoadLimits, check: CaseSchemaCheck?
    ) -> Result<CaseRecord, DiagnosticError> {
        if let record = lineRecord(bytes, file: file, lineNumber: lineNumber, limits: limits, check: check) { return .success(record) }
        switch JSONLines.document(bytes, file: file, lineNumber: lineNumber, limits: limits) {
        case .failure(let problem): return .failure(DiagnosticError(problem))
        case .success(let node): return read(node, check: check)
        }
    }

    /// A `.jsonl` line (`lineNumber` 0-based) read straight into values, with
    /// no located nodes: the record `read` gives for the line's node. nil
    /// unless the line is certain to have no problem: a plain JSON object
    /// (`JSONFastPath.value`) with `kind: Case`, an `id` that is a non-empty
    /// string or an integer, an `as_of` that is a date or null, no `expect:`,
    /// and every field fitting the schema. On nil the caller reads the line
    /// as nodes, which locate whatever is wrong (or read the `expect:`).
    package static func lineRecord(
        _ bytes: UnsafeBufferPointer<UInt8>, file: String, lineNumber: Int, limits: LoadLimits, check: CaseSchemaCheck?
    ) -> CaseRecord? {
        guard let (document, column) = JSONFastPath.value(bytes, limits: limits),
            case .map(let map) = document
        else { return nil }
        var id: String?
        var asOf: Instant?
        var kindSeen = false
        var keys: [String] = []
        var values: [Value] = []
        keys.reserveCapacity(map.count)
        values.reserveCapacity(map.count)
        for index in map.keys.indices {
            let value = map.values[index]
            switch map.keys[index] {
            case "kind":
                guard case .string(let text) = value, text == DocumentKind.case.rawValue else { return nil }
                kindSeen = true
            case "id":
                switch value {
                case .string(let text) where !text.trimmingSpaces.isEmpty: id = text
                case .int(let number): id = String(number)
                default: return nil
                }
            case "as_of":
                switch value {
                case .null: break
                case .string(let text):
                    guard let instant = Instant.parse(text) else { return nil }
                    asOf = instant
                default: return nil
                }
            case "expect": return nil
            case "notes": break
            default:
                keys.append(map.keys[index])
                values.append(value)
            }
        }
        guard kindSeen, let id, check?.fits(document) ?? true else { return nil }
        return CaseRecord(
            id: id, asOf: asOf, data: .map(ValueMap(keys: keys, values: values)), document: document, expect: nil,
            location: SourceLocation(file: file, line: lineNumber + 1, column: column))
    }
}
