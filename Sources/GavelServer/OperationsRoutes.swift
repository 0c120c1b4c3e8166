import Foundation
import GavelEngine
import GavelLog
import GavelSyntax
import HTTPTypes
import Hummingbird

/// The look-up, the bundle, reload, health, metrics and the API document.
extension DecisionService {
    func addOperationsRoutes(to router: Router<BasicRequestContext>) {
        router.get("/v1/screen") { request, _ in try self.screen(request) }
        router.get("/v1/bundle") { request, _ in
            try self.authenticate(request)
            return Self.json(self.bundles.current.info())
        }
        router.post("/v1/bundle:reload") { request, _ in try await self.reloadRoute(request) }
        router.get("/healthz") { _, _ in Self.json(Array(#"{"status":"ok"}"#.utf8)) }
        router.get("/readyz") { _, _ in try await self.ready() }
        router.get("/metrics") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                body: ResponseBody(byteBuffer: ByteBuffer(bytes: self.metrics.text())))
        }
        router.get("/openapi.json") { _, _ in Self.json(Array(OpenAPIDocument.text.utf8)) }
    }

    /// `GET /v1/screen?name=…[&min_score=…][&as_of=…]`: the name against
    /// every list of the bundle, as a rule's `screen` scores it.
    func screen(_ request: Request) throws -> Response {
        _ = try authorize(request, .auditRead)
        let query = request.uri.queryParameters
        guard let name = query.get("name"), !name.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw APIError(status: .badRequest, message: "`name` is required: GET /v1/screen?name=…")
        }
        let bundle = bundles.current
        var minScore = bundle.bundle.manifest.screeningMinScore
        if let text = query.get("min_score") {
            guard let value = Double(text), value >= 0, value <= 1 else {
                throw APIError(status: .badRequest, message: "`min_score` is `\(text)`: expected a number from 0 to 1")
            }
            minScore = value
        }
        var asOf = CaseIntake.now()
        if let text = query.get("as_of") {
            guard let value = Instant.parse(text) else {
                throw APIError(status: .badRequest, message: "`as_of` is `\(text)`: expected a date (YYYY-MM-DD) or an RFC 3339 time")
            }
            asOf = value
        }
        let matches = bundle.names.matches([name], minScore: minScore, asOf: asOf)
            .sorted { ($0.score, $1.list, $1.entry) > ($1.score, $0.list, $0.entry) }
        var w = JSONWriter()
        w.beginObject()
        w.field("name")
        w.string(name)
        w.field("as_of")
        w.string(asOf.description)
        w.field("min_score")
        w.double(minScore)
        w.field("bundle")
        w.string(bundle.digest)
        w.field("matches")
        w.beginArray()
        for match in matches.prefix(100) {
            w.beginObject()
            w.field("list")
            w.string(match.list)
            w.field("entry")
            w.string(match.entry)
            w.field("name")
            w.string(match.name)
            w.field("score")
            w.double(match.score)
            w.field("method")
            w.string(match.method.rawValue)
            w.field("listed")
            if let listed = match.listed { w.string(listed.description) } else { w.null() }
            w.endObject()
        }
        w.endArray()
        w.endObject()
        return Self.json(w.bytes)
    }

    func reloadRoute(_ request: Request) async throws -> Response {
        _ = try authorize(request, .override)
        switch await reload(reason: "POST /v1/bundle:reload") {
        case .swapped(_, let new): return Self.json(Array(#"{"status":"applied","bundle":"#.utf8) + new.info() + [UInt8(ascii: "}")])
        case .refused(let error):
            throw APIError(
                status: .unprocessableContent, message: "the bundle was refused; \(bundles.current.digest) keeps serving",
                problems: error.diagnostics)
        case .busy: throw APIError(status: .conflict, message: "another reload is in progress")
        }
    }

    /// Ready when the log answers: a node that cannot log must not be sent decisions.
    func ready() async throws -> Response {
        let store = self.store
        do {
            let head = try await within(seconds: 2, "the decision log did not answer in time") {
                try await self.blocking { try store.head() }
            }
            var w = JSONWriter()
            w.beginObject()
            w.field("status")
            w.string("ready")
            w.field("bundle")
            w.string(bundles.current.digest)
            w.field("log")
            w.string(store.location)
            w.field("head")
            w.int(Int(head?.seq ?? 0))
            w.endObject()
            return Self.json(w.bytes)
        } catch {
            throw APIError(
                status: .serviceUnavailable, message: "not ready: the decision log `\(store.location)` does not answer: "
                    + ((error as? Diagnostic)?.message ?? (error as? APIError)?.message ?? "\(error)"))
        }
    }
}
