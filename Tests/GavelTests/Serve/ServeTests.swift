import Foundation
import Testing

@testable import GavelEngine
@testable import GavelLog
@testable import GavelLogPostgres
@testable import GavelSyntax

/// Real `gavel serve` processes on loopback ports, on the shipped bundle,
/// logging to a real PostgreSQL database.
@Suite("gavel serve", .serialized)
struct ServeTests {
    static let jsonCase =
        #"{"kind":"Case","id":"http-1","as_of":"2019-08-04","customer":{"name":"8chan","type":"organization","country":"US"},"site":{"domain":"8ch.net","categories":["imageboard"]},"services":["cdn"]}"#

    static func jsonCase(_ id: String, name: String = "Acme Forum") -> String {
        #"{"kind":"Case","id":"\#(id)","as_of":"2024-01-01","customer":{"name":"\#(name)","type":"organization"},"site":{"domain":"\#(id).example"},"services":["cdn"]}"#
    }

    /// A server on the shipped bundle with the test tokens, and the URL of its fresh log.
    static func start(_ extra: [String] = [], log: String? = nil) throws -> (ServeProcess, String, LogFolder) {
        let folder = try LogFolder()
        let auth = try folder.write("auth.yaml", TestTokens.file)
        let url = try log ?? TestPostgres.database()
        let server = try ServeProcess(["--policies", Repository.policies, "--log", url, "--auth", auth] + extra, in: folder.path)
        return (server, url, folder)
    }

    @Test("decisions in JSON and YAML, the trail, the logged record, the look-up and the bundle, each behind its role")
    func coreRoutes() throws {
        let (server, url, _) = try Self.start()
        defer { server.stop() }
        let base = server.base
        #expect(try HTTP.get(base + "/healthz").status == 200)
        let ready = try HTTP.get(base + "/readyz")
        #expect(ready.status == 200, "\(ready.text)")

        // Access: no token, an unknown token, a token without the role.
        #expect(try HTTP.post(base + "/v1/decisions", Self.jsonCase).status == 401)
        #expect(try HTTP.post(base + "/v1/decisions", token: "nope", Self.jsonCase).status == 401)
        #expect(try HTTP.post(base + "/v1/decisions", token: TestTokens.auditor, Self.jsonCase).status == 403)
        #expect(try HTTP.get(base + "/v1/screen?name=Hamas", token: TestTokens.evaluator).status == 403)

        let decided = try HTTP.post(base + "/v1/decisions", token: TestTokens.evaluator, Self.jsonCase)
        #expect(decided.status == 200, "\(decided.text)")
        let record = try decided.json()
        #expect(record["decision"] as? String == "no_action")
        let id = try #require(record["id"] as? String)

        let yaml = try String(contentsOfFile: Repository.cases + "/2019-08-8chan.yaml", encoding: .utf8)
        let fromYAML = try HTTP.post(base + "/v1/decisions", token: TestTokens.evaluator, yaml, contentType: "application/yaml")
        #expect(fromYAML.status == 200, "\(fromYAML.text)")
        #expect(try fromYAML.json()["decision"] as? String == "escalate")

        let trail = try HTTP.post(base + "/v1/decisions?format=text", token: TestTokens.evaluator, Self.jsonCase)
        #expect(trail.status == 200)
        #expect(trail.headers["content-type"]?.hasPrefix("text/plain") == true)
        #expect(trail.text.contains("DECISION  NO_ACTION"))

        // The logged record and its trail, for the auditor.
        #expect(try HTTP.get(base + "/v1/decisions/\(id)", token: TestTokens.evaluator).status == 403)
        let logged = try HTTP.get(base + "/v1/decisions/\(id)", token: TestTokens.auditor)
        #expect(logged.status == 200, "\(logged.text)")
        let entry = try logged.json()
        #expect((entry["record"] as? [String: Any])?["id"] as? String == id)
        #expect((entry["trail"] as? String)?.contains("DECISION  NO_ACTION") == true)
        #expect(try HTTP.get(base + "/v1/decisions/gvl-00000000000000000000000000000000", token: TestTokens.auditor).status == 404)

        let screen = try HTTP.get(base + "/v1/screen?name=Hamas", token: TestTokens.auditor)
        #expect(screen.status == 200, "\(screen.text)")
        let matches = try #require(try screen.json()["matches"] as? [[String: Any]])
        #expect(matches.contains { ($0["score"] as? Double) == 1.0 })

        let bundle = try HTTP.get(base + "/v1/bundle", token: TestTokens.evaluator)
        #expect(bundle.status == 200)
        let info = try bundle.json()
        #expect(info["id"] as? String == "acme-infrastructure")
        #expect((info["digest"] as? String)?.hasPrefix("sha256:") == true)
        #expect(((info["lists"] as? [[String: Any]])?.count ?? 0) > 3)

        // Three decisions were answered: the log holds exactly three entries, and they verify.
        #expect(try TestPostgres.psql(url, "SELECT count(*) FROM entry") == "3")
        let metrics = try HTTP.get(base + "/metrics")
        #expect(metrics.text.contains("gavel_decisions_total{decision=\"no_action\"} 2"))
        #expect(metrics.text.contains("gavel_decisions_total{decision=\"escalate\"} 1"))
        #expect(metrics.text.contains("gavel_bundle_info"))
        #expect(metrics.text.contains("gavel_log_append_duration_seconds_bucket"))
        let store = try PostgresDecisionStore.open(url, create: false)
        #expect(try LogVerifier.verify(store).intact)
    }

    @Test("bad requests are answered 400, 401, 404, 413, 415 or 422 with located problems, and none reaches the log")
    func badRequests() throws {
        let (server, url, _) = try Self.start(["--max-body-bytes", "4096", "--request-timeout", "1"])
        defer { server.stop() }
        let base = server.base
        let token = TestTokens.evaluator

        // A body that stops arriving: the connection is closed after the timeout, and nothing is decided.
        let stalled = try RawConnection(port: server.port)
        try stalled.send(
            "POST /v1/decisions HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer \(token)\r\n"
                + "Content-Type: application/json\r\nContent-Length: 400\r\n\r\n{\"kind\":")
        let started = Date()
        let answer = stalled.read { _ in false }
        #expect(Date().timeIntervalSince(started) < 10)
        #expect(!answer.contains("200 OK"))
        stalled.abort()

        // A chunk size that is not hexadecimal: the request is at fault (400), not the service (it was 500).
        let badChunk = try RawConnection(port: server.port)
        try badChunk.send(
            "POST /v1/decisions HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer \(token)\r\n"
                + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nabc\r\n0\r\n\r\n")
        let chunkAnswer = badChunk.read { $0.contains("\r\n\r\n{") && $0.contains("}") }
        #expect(chunkAnswer.hasPrefix("HTTP/1.1 400"), "\(chunkAnswer)")
        #expect(chunkAnswer.contains("the request body could not be read"))
        badChunk.abort()

        let malformed = try HTTP.post(base + "/v1/decisions", token: token, #"{"kind": "Case", "id": "#)
        #expect(malformed.status == 400, "\(malformed.text)")
        let missingName = Self.jsonCase("bad-1").replacingOccurrences(of: #""name":"Acme Forum","#, with: "")
        let invalid = try HTTP.post(base + "/v1/decisions", token: token, missingName)
        #expect(invalid.status == 422, "\(invalid.text)")
        let problems = try #require(try invalid.json()["problems"] as? [[String: Any]])
        #expect(problems.contains { ($0["text"] as? String)?.contains("request.jsonl:1:") == true && ($0["message"] as? String)?.contains("customer.name") == true })
        let wrongType = try HTTP.post(base + "/v1/decisions", token: token, Self.jsonCase("bad-2").replacingOccurrences(of: #""services":["cdn"]"#, with: #""services":"cdn""#))
        #expect(wrongType.status == 422)
        let tooLarge = try HTTP.post(base + "/v1/decisions", token: token, String(repeating: " ", count: 10_000) + Self.jsonCase("big"))
        #expect(tooLarge.status == 413)
        #expect(try HTTP.post(base + "/v1/decisions", token: token, Self.jsonCase("t"), contentType: "text/csv").status == 415)
        let unknown = try HTTP.get(base + "/v1/nothing-here", token: token)
        #expect(unknown.status == 404)
        #expect(try unknown.json()["status"] as? Int == 404)
        #expect(try HTTP.post(base + "/v1/decisions?format=pdf", token: token, Self.jsonCase("f")).status == 400)
        #expect(try TestPostgres.psql(url, "SELECT count(*) FROM entry") == "0")
    }

    @Test("a batch streams JSON lines in and out, one line out per case in order, errors by line number; only decided cases are logged")
    func batch() throws {
        let (server, url, _) = try Self.start()
        defer { server.stop() }
        let lines = [Self.jsonCase("b-1"), "", Self.jsonCase("b-2", name: "Hamas"), #"{"kind":"Case","#, Self.jsonCase("b-3")]
        let reply = try HTTP.post(
            server.base + "/v1/decisions:batch", token: TestTokens.evaluator, lines.joined(separator: "\n") + "\n", contentType: "application/x-ndjson")
        #expect(reply.status == 200, "\(reply.text)")
        let out = reply.text.split(separator: "\n").map { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        #expect(out.count == 4)
        #expect((out[0]?["case"] as? [String: Any])?["id"] as? String == "b-1")
        #expect((out[1]?["case"] as? [String: Any])?["id"] as? String == "b-2")
        #expect(out[2]?["line"] as? Int == 4)
        #expect(out[2]?["status"] as? Int == 400)
        #expect((out[3]?["case"] as? [String: Any])?["id"] as? String == "b-3")
        #expect(try TestPostgres.psql(url, "SELECT string_agg(case_id, ',' ORDER BY seq) FROM entry") == "b-1,b-2,b-3")
    }
}
