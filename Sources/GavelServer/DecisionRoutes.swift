import Foundation
import GavelEngine
import GavelLog
import GavelSyntax
import HTTPTypes
import Hummingbird

/// `POST /v1/decisions`, `POST /v1/decisions:batch`, `GET /v1/decisions/{id}`.
extension DecisionService {
    func addDecisionRoutes(to router: Router<BasicRequestContext>) {
        router.post("/v1/decisions") { request, _ in try await self.decideOne(request) }
        router.post("/v1/decisions:batch") { request, _ in try await self.decideBatch(request) }
        router.get("/v1/decisions/{id}") { request, context in
            try await self.logged(request, id: context.parameters.get("id") ?? "")
        }
    }

    enum Format: String { case json, text }

    func format(_ request: Request) throws -> Format {
        guard let text = request.uri.queryParameters.get("format") else { return .json }
        guard let format = Format(rawValue: text) else {
            throw APIError(status: .badRequest, message: "unknown format `\(text)`: expected `json` or `text`")
        }
        return format
    }

    /// YAML by content type; JSON otherwise (and by default).
    func isYAML(_ request: Request) throws -> Bool {
        guard let type = request.headers[.contentType]?.split(separator: ";").first?.trimmingCharacters(in: .whitespaces).lowercased()
        else { return false }
        switch type {
        case "application/json", "application/x-ndjson", "application/jsonl", "text/json": return false
        case "application/yaml", "application/x-yaml", "text/yaml", "text/x-yaml": return true
        default:
            throw APIError(
                status: .unsupportedMediaType, message: "unsupported content type `\(type)`: send application/json or application/yaml")
        }
    }

    func refusal(_ refusal: CaseRefusal) -> APIError {
        switch refusal {
        case .malformed(let problems): return APIError(status: .badRequest, message: "the request's case cannot be read", problems: problems)
        case .invalid(let problems):
            return APIError(status: .unprocessableContent, message: "the case does not fit the case format or the bundle's schema", problems: problems)
        }
    }

    func decideOne(_ request: Request) async throws -> Response {
        _ = try authorize(request, .evaluate)
        let format = try format(request)
        let yaml = try isYAML(request)
        let bytes = try await body(request)
        let started = ContinuousClock.now
        let bundle = bundles.current
        let decided: DecidedCase
        switch CaseIntake.single(bytes, yaml: yaml, bundle: bundle, now: CaseIntake.now()) {
        case .failure(let problem): throw refusal(problem)
        case .success(let d): decided = d
        }
        do {
            try await writer.append([decided.logged], bundle: bundle)
        } catch {
            throw Self.logUnavailable(error)
        }
        metrics.decided(decided.decision.decision, seconds: DecisionLogWriter.seconds(ContinuousClock.now - started))
        switch format {
        case .json: return Self.json(decided.record)
        case .text: return Self.text(AuditTrailRenderer.render(decided.decision, bundle: bundle.bundle))
        }
    }

    /// JSON lines in, one line out per non-blank line in, in order: the
    /// record, or an error object with the line's number. Lines are decided
    /// as they arrive; each network read's lines are committed together and
    /// only then written back, so every record a client has read is logged.
    func decideBatch(_ request: Request) async throws -> Response {
        _ = try authorize(request, .evaluate)
        if try isYAML(request) {
            throw APIError(status: .unsupportedMediaType, message: "a batch is JSON lines: send application/x-ndjson")
        }
        let bundle = bundles.current
        let maxLine = options.maxBodyBytes
        return Response(
            status: .ok, headers: [.contentType: "application/x-ndjson"],
            body: ResponseBody { writer in
                var splitter = LineSplitter(maxLine: maxLine)
                var failed = false
                for try await buffer in request.body {
                    let out = try await self.decideLines(splitter.feed(buffer), bundle: bundle, failed: &failed)
                    if !out.isEmpty { try await writer.write(ByteBuffer(bytes: out)) }
                    if failed { break }
                }
                if !failed, let last = splitter.finish() {
                    let out = try await self.decideLines([last], bundle: bundle, failed: &failed)
                    if !out.isEmpty { try await writer.write(ByteBuffer(bytes: out)) }
                }
                try await writer.finish(nil)
            })
    }

    private func decideLines(_ items: [LineSplitter.Item], bundle: LoadedBundle, failed: inout Bool) async throws -> [UInt8] {
        guard !items.isEmpty else { return [] }
        let started = ContinuousClock.now
        let now = CaseIntake.now()
        var results: [(number: Int, result: Result<DecidedCase, CaseRefusal>)] = []
        for item in items {
            switch item {
            case .line(let bytes, let number): results.append((number, CaseIntake.line(bytes, number: number, bundle: bundle, now: now)))
            case .tooLong(let number):
                let problem = Diagnostic.error(
                    .fileTooLarge, "the line is longer than \(options.maxBodyBytes) bytes",
                    at: SourceLocation(file: CaseIntake.lineFile, line: number + 1, column: 1))
                results.append((number, .failure(.malformed([problem]))))
            }
        }
        let logged = results.compactMap { try? $0.result.get().logged }
        var out: [UInt8] = []
        do {
            try await writer.append(logged, bundle: bundle)
        } catch {
            // Nothing of these lines was logged, so none is answered with a record; the batch stops here.
            failed = true
            let refusal = Self.logUnavailable(error)
            return APIError.json(status: refusal.status.code, message: refusal.message, problems: []) + [10]
        }
        let seconds = DecisionLogWriter.seconds(ContinuousClock.now - started) / Double(max(1, logged.count))
        for (number, result) in results {
            switch result {
            case .success(let decided):
                metrics.decided(decided.decision.decision, seconds: seconds)
                out += decided.record
            case .failure(let problem):
                var line = APIError.json(status: problem.status, message: refusal(problem).message, problems: problem.problems)
                // The line's number (1-based) first, so a client can match it to its input.
                line.removeFirst()
                out += Array("{\"line\":\(number + 1),".utf8) + line
            }
            out.append(10)
        }
        return out
    }

    func logged(_ request: Request, id: String) async throws -> Response {
        _ = try authorize(request, .auditRead)
        let format = try format(request)
        let store = self.store
        guard let entry = try await blocking({ try store.latestEntry(recordID: id) }) else {
            throw APIError(status: .notFound, message: "no decision `\(id)` in the log")
        }
        let current = bundles.current
        let trail: Result<String, any Error>
        do {
            trail = .success(try await blocking { try StoredTrail.render(entry, current: current, store: store) })
        } catch {
            trail = .failure(error)
        }
        if format == .text {
            switch trail {
            case .success(let text): return Self.text(text)
            case .failure(let error):
                throw APIError(status: .internalServerError, message: (error as? Diagnostic)?.message ?? "\(error)")
            }
        }
        var w = JSONWriter()
        w.beginObject()
        w.field("seq")
        w.int(Int(entry.seq))
        w.field("kind")
        w.string(entry.entry.kind.rawValue)
        w.field("logged_at")
        w.string(entry.loggedAt)
        w.field("hash")
        w.string(entry.hash.description)
        w.field("previous_hash")
        w.string(entry.previousHash.description)
        w.field("trail")
        switch trail {
        case .success(let text): w.string(text)
        case .failure: w.null()
        }
        w.field("trail_problem")
        switch trail {
        case .success: w.null()
        case .failure(let error): w.string((error as? Diagnostic)?.message ?? "\(error)")
        }
        w.field("record")
        // The record's own bytes, as logged, spliced in: it is JSON already.
        var bytes = w.bytes
        bytes += entry.entry.record
        bytes.append(UInt8(ascii: "}"))
        return Self.json(bytes)
    }
}

