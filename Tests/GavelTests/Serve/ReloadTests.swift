import Foundation
import Testing

@testable import GavelLog
@testable import GavelSyntax

/// Bundle reload by request and by SIGHUP, on a single node with an SQLite log.
@Suite("gavel serve: reload", .serialized)
struct ReloadTests {
    static func digest(_ server: ServeProcess) throws -> String {
        try HTTP.get(server.base + "/v1/bundle", token: TestTokens.evaluator).json()["digest"] as? String ?? "?"
    }

    @Test("a clean bundle is swapped in; a broken one is refused with its problems and the old one keeps serving; SIGHUP reloads too")
    func reload() throws {
        let folder = try LogFolder()
        let bundle = try TemporaryBundle(LogFixtures.bundleFiles)
        let auth = try folder.write("auth.yaml", TestTokens.file)
        let server = try ServeProcess(["--policies", bundle.path, "--log", folder.log, "--auth", auth], in: folder.path)
        defer { server.stop() }
        let first = try Self.digest(server)
        let decidedBefore = try HTTP.post(server.base + "/v1/decisions", token: TestTokens.evaluator, ServeTests.jsonCase("r-1", name: "Hamas"))
        #expect(decidedBefore.status == 200, "\(decidedBefore.text)")
        let idBefore = try #require(try decidedBefore.json()["id"] as? String)

        let policy = bundle.path + "/policy.yaml"
        try (LogFixtures.bundleFiles["policy.yaml"]! + "\n  - { id: extra, title: E, decision: restrict, when: { path: customer.name, equals: Other } }\n")
            .write(toFile: policy, atomically: true, encoding: .utf8)
        #expect(try HTTP.post(server.base + "/v1/bundle:reload", token: TestTokens.evaluator, "").status == 403)
        let applied = try HTTP.post(server.base + "/v1/bundle:reload", token: TestTokens.operatorToken, "")
        #expect(applied.status == 200, "\(applied.text)")
        let second = try Self.digest(server)
        #expect(second != first)

        try "kind: Policy\nid: p\nrules: [ { id: broken".write(toFile: policy, atomically: true, encoding: .utf8)
        let refused = try HTTP.post(server.base + "/v1/bundle:reload", token: TestTokens.operatorToken, "")
        #expect(refused.status == 422)
        let problems = try #require(try refused.json()["problems"] as? [[String: Any]])
        #expect(problems.contains { ($0["file"] as? String)?.hasSuffix("policy.yaml") == true })
        #expect(try Self.digest(server) == second)
        let decided = try HTTP.post(server.base + "/v1/decisions", token: TestTokens.evaluator, ServeTests.jsonCase("r-2"))
        #expect(decided.status == 200)
        #expect(((try decided.json()["bundle"] as? [String: Any])?["digest"] as? String) == second)
        let metrics = try HTTP.get(server.base + "/metrics").text
        #expect(metrics.contains("gavel_bundle_reloads_total{result=\"refused\"} 1"))
        #expect(metrics.contains("gavel_bundle_reloads_total{result=\"applied\"} 1"))
        #expect(metrics.contains(second.replacingOccurrences(of: "sha256:", with: "")) || metrics.contains(second))
        #expect(server.stderr.contains("refused"))

        try LogFixtures.bundleFiles["policy.yaml"]!.write(toFile: policy, atomically: true, encoding: .utf8)
        server.signal(SIGHUP)
        var third = second
        for _ in 0..<100 where third == second {
            usleep(100_000)
            third = try Self.digest(server)
        }
        #expect(third == first)

        // A decision made by a bundle no longer in service still shows its trail, rebuilt from the log.
        let old = try HTTP.get(server.base + "/v1/decisions/\(idBefore)", token: TestTokens.auditor)
        #expect(old.status == 200)
        #expect(try old.json()["trail"] is String, "\(old.text)")
        #expect(server.stop() == 0)
        let report = try LogVerifier.verify(try folder.store())
        #expect(report.intact && report.entries == 2)
    }
}
