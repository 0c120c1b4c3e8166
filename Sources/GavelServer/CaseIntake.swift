import Foundation
import GavelEngine
import GavelLog
import GavelSyntax

/// A case from a request, read, checked and decided exactly as `gavel
/// evaluate` does it (the same `CaseInput`, `CaseLoader`, `Evaluator` and
/// record writer), with its log entry ready.
struct DecidedCase: Sendable {
    var decision: Decision
    /// The record as `evaluate --format jsonl` prints it, without the newline.
    var record: [UInt8]
    var logged: LoggedDecision
}

/// Why a request's case was not decided: it could not be read (400), or it
/// was read and does not fit the case format or the bundle's schema (422).
enum CaseRefusal: Error, Sendable {
    case malformed([Diagnostic])
    case invalid([Diagnostic])

    var status: Int {
        switch self {
        case .malformed: return 400
        case .invalid: return 422
        }
    }

    var problems: [Diagnostic] {
        switch self {
        case .malformed(let d), .invalid(let d): return d
        }
    }
}

enum CaseIntake {
    /// The names a request's bytes are read and logged under: the reader
    /// picks JSON lines or YAML by the name, as for a file, and a replay reads
    /// them back the same way.
    static let lineFile = "request.jsonl"
    static let jsonFile = "request.json"
    static let yamlFile = "request.yaml"

    /// `POST /v1/decisions`: one case. A JSON body on one line is read as a
    /// JSON line and logged in the entry itself; anything else (YAML, JSON
    /// over several lines) as a file of exactly one document, logged as a blob.
    static func single(_ body: [UInt8], yaml: Bool, bundle: LoadedBundle, now: Instant) -> Result<DecidedCase, CaseRefusal> {
        var bytes = body
        while let last = bytes.last, last == 10 || last == 13 || last == 32 || last == 9 { bytes.removeLast() }
        if bytes.isEmpty {
            return .failure(.malformed([.error(.emptyFile, "the request has no case: expected a case as JSON or YAML", at: location(yaml))]))
        }
        if !yaml, !bytes.contains(10) {
            return decide(.line(bytes, file: lineFile, number: 0), bundle: bundle, now: now)
        }
        let file = yaml ? yamlFile : jsonFile
        let outcomes = CaseLoader.nodes(in: body, file: file, limits: .default)
        guard outcomes.count == 1, let only = outcomes.first else {
            return .failure(
                .malformed([
                    .error(
                        .wrongType, "expected one case in the request, found \(outcomes.count) documents", at: location(yaml),
                        help: "send several cases to POST /v1/decisions:batch as JSON lines")
                ]))
        }
        switch only {
        case .failure(let problem): return .failure(.malformed([problem]))
        case .success(let node):
            let source = CaseSource(bytes: body, format: .yaml, document: 0, file: file, line: 1, sha256: Digest.hex(body))
            return decide(.document(node, source: source), bundle: bundle, now: now)
        }
    }

    /// One line of `POST /v1/decisions:batch` (`number` 0-based, as a `.jsonl` file's).
    static func line(_ bytes: [UInt8], number: Int, bundle: LoadedBundle, now: Instant) -> Result<DecidedCase, CaseRefusal> {
        decide(.line(bytes, file: lineFile, number: number), bundle: bundle, now: now)
    }

    private static func location(_ yaml: Bool) -> SourceLocation {
        SourceLocation(file: yaml ? yamlFile : lineFile, line: 1, column: 1)
    }

    private static func decide(_ input: CaseInput, bundle: LoadedBundle, now: Instant) -> Result<DecidedCase, CaseRefusal> {
        let node: SourceNode
        switch input.node(limits: .default) {
        case .failure(let problem): return .failure(.malformed([problem]))
        case .success(let n): node = n
        }
        let record: CaseRecord
        switch CaseLoader.read(node, check: bundle.check) {
        case .failure(let error): return .failure(.invalid(error.diagnostics))
        case .success(let r): record = r
        }
        guard let source = input.source else { return .failure(.malformed([])) }
        // As `gavel evaluate` without --as-of: a case without `as_of` is decided as of now, and its record says so.
        let options = Evaluator.Options(fallbackAsOf: now, fallbackSource: .now, strict: false, trace: .decisive)
        let decision = bundle.evaluator.evaluate(record, options: options)
        var writer = JSONWriter()
        DecisionRecord.write(decision, bundle: bundle.bundle, into: &writer)
        let bytes = writer.bytes
        let recordID =
            LoggedDecision.recordID(in: bytes)
            ?? DecisionRecord.id(caseDigest: decision.caseDigest, bundleDigest: bundle.bundle.digest, asOf: decision.asOf)
        let logged = LoggedDecision(decision, record: bytes, recordID: recordID, source: source, strict: false, explainScreening: false, bundle: bundle.manifestKey)
        return .success(DecidedCase(decision: decision, record: bytes, logged: logged))
    }

    static func now() -> Instant {
        Instant(secondsSinceEpoch: Int64(Date().timeIntervalSince1970), isDateOnly: false)
    }
}
