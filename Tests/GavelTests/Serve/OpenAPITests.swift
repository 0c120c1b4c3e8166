import Foundation
import Testing

/// The served OpenAPI document against what the service really answers:
/// every response collected here must be documented for its route, status
/// and content type, and its body must validate against the documented
/// schema (check-jsonschema, JSON Schema 2020-12 as OpenAPI 3.1 uses).
@Suite("gavel serve: OpenAPI")
struct OpenAPITests {
    /// Responses grouped by the schema they must meet.
    final class Samples {
        let document: [String: Any]
        let folder: LogFolder
        var bySchema: [String: [String]] = [:]
        var count = 0

        init(_ document: [String: Any], folder: LogFolder) {
            self.document = document
            self.folder = folder
        }

        /// Finds the documented response and files the body (each line, for a stream) under its schema.
        func add(_ reply: HTTPReply, _ method: String, _ path: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
            let paths = document["paths"] as? [String: Any]
            let operation = (paths?[path] as? [String: Any])?[method] as? [String: Any]
            guard var response = (operation?["responses"] as? [String: Any])?[String(reply.status)] as? [String: Any] else {
                Issue.record("\(method.uppercased()) \(path) answered \(reply.status), which openapi.json does not document", sourceLocation: sourceLocation)
                return
            }
            if let ref = response["$ref"] as? String, let name = ref.split(separator: "/").last {
                response = ((document["components"] as? [String: Any])?["responses"] as? [String: Any])?[String(name)] as? [String: Any] ?? [:]
            }
            let type = (reply.headers["content-type"] ?? "").split(separator: ";").first.map(String.init) ?? ""
            guard let media = (response["content"] as? [String: Any])?[type] as? [String: Any], let schema = media["schema"] as? [String: Any] else {
                Issue.record("\(method.uppercased()) \(path) \(reply.status) answered `\(type)`, not documented", sourceLocation: sourceLocation)
                return
            }
            let bodies = type == "application/x-ndjson" ? reply.text.split(separator: "\n").map { Data($0.utf8) } : [reply.body]
            let key = String(decoding: try JSONSerialization.data(withJSONObject: schema, options: .sortedKeys), as: UTF8.self)
            for body in bodies {
                count += 1
                if type.hasPrefix("text/") {
                    // A string schema: the body is text, not JSON.
                    #expect(schema["type"] as? String == "string", sourceLocation: sourceLocation)
                    continue
                }
                let file = try folder.write("instance-\(count).json", String(decoding: body, as: UTF8.self))
                bySchema[key, default: []].append(file)
            }
        }

        /// One check-jsonschema run per schema, over all its instances.
        func validate() throws {
            for (index, (key, files)) in bySchema.enumerated() {
                var schema = try JSONSerialization.jsonObject(with: Data(key.utf8)) as? [String: Any] ?? [:]
                schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
                schema["components"] = document["components"]
                let schemaFile = try folder.write(
                    "schema-\(index).json", String(decoding: try JSONSerialization.data(withJSONObject: schema), as: UTF8.self))
                let result = try ExternalTools.checkJSONSchema(["--schemafile", schemaFile] + files)
                let (status, output) = try #require(result, "check-jsonschema is not available: \(ExternalTools.installHint)")
                #expect(status == 0, "responses do not match \(key.prefix(120)): \(output)")
            }
        }
    }

    @Test("every kind of response the service gives is documented in /openapi.json and matches its schema")
    func responsesMatchTheDocument() throws {
        let (server, _, folder) = try ServeTests.start(["--max-body-bytes", "4096"])
        defer { server.stop() }
        let base = server.base
        let served = try HTTP.get(base + "/openapi.json")
        #expect(served.status == 200)
        let document = try served.json()
        #expect(document["openapi"] as? String == "3.1.0")
        let samples = Samples(document, folder: folder)
        samples.count = 0
        let evaluate = TestTokens.evaluator, audit = TestTokens.auditor, admin = TestTokens.everything

        let decided = try HTTP.post(base + "/v1/decisions", token: evaluate, ServeTests.jsonCase("o-1", name: "Hamas"))
        try samples.add(decided, "post", "/v1/decisions")
        try samples.add(try HTTP.post(base + "/v1/decisions?format=text", token: evaluate, ServeTests.jsonCase("o-2")), "post", "/v1/decisions")
        try samples.add(try HTTP.post(base + "/v1/decisions", token: evaluate, "{"), "post", "/v1/decisions")
        try samples.add(try HTTP.post(base + "/v1/decisions", token: evaluate, #"{"kind":"Case","id":"x"}"#), "post", "/v1/decisions")
        try samples.add(try HTTP.post(base + "/v1/decisions", ServeTests.jsonCase("o-3")), "post", "/v1/decisions")
        try samples.add(try HTTP.post(base + "/v1/decisions", token: audit, ServeTests.jsonCase("o-3")), "post", "/v1/decisions")
        try samples.add(try HTTP.post(base + "/v1/decisions", token: evaluate, String(repeating: " ", count: 5000)), "post", "/v1/decisions")
        try samples.add(try HTTP.post(base + "/v1/decisions", token: evaluate, "x", contentType: "text/csv"), "post", "/v1/decisions")
        let batch = [ServeTests.jsonCase("o-4"), "{", #"{"kind":"Case","id":"y"}"#].joined(separator: "\n")
        try samples.add(try HTTP.post(base + "/v1/decisions:batch", token: evaluate, batch, contentType: "application/x-ndjson"), "post", "/v1/decisions:batch")
        let id = try #require(try decided.json()["id"] as? String)
        try samples.add(try HTTP.get(base + "/v1/decisions/\(id)", token: audit), "get", "/v1/decisions/{id}")
        try samples.add(try HTTP.get(base + "/v1/decisions/\(id)?format=text", token: audit), "get", "/v1/decisions/{id}")
        try samples.add(try HTTP.get(base + "/v1/decisions/gvl-0", token: audit), "get", "/v1/decisions/{id}")
        try samples.add(try HTTP.get(base + "/v1/screen?name=Hamas", token: audit), "get", "/v1/screen")
        try samples.add(try HTTP.get(base + "/v1/screen?name=Hamas&min_score=2", token: audit), "get", "/v1/screen")
        try samples.add(try HTTP.get(base + "/v1/bundle", token: evaluate), "get", "/v1/bundle")
        try samples.add(try HTTP.get(base + "/v1/bundle"), "get", "/v1/bundle")
        try samples.add(try HTTP.post(base + "/v1/bundle:reload", token: admin, ""), "post", "/v1/bundle:reload")
        try samples.add(try HTTP.post(base + "/v1/bundle:reload", token: evaluate, ""), "post", "/v1/bundle:reload")
        try samples.add(try HTTP.get(base + "/healthz"), "get", "/healthz")
        try samples.add(try HTTP.get(base + "/readyz"), "get", "/readyz")
        try samples.add(try HTTP.get(base + "/metrics"), "get", "/metrics")
        try samples.validate()
        #expect(samples.count >= 20)
    }
}
