import Foundation
import Testing

@testable import GavelLog
@testable import GavelLogPostgres
@testable import GavelSyntax

/// Failures under load: a node killed, PostgreSQL restarted, a client gone
/// mid-batch. Whatever was acknowledged to a client is in the log, and the
/// chain verifies.
@Suite("gavel serve: faults", .serialized)
struct ServeFaultTests {
    /// Polls `condition` every 50 ms until it holds or `seconds` pass; the expectations after it say what failed.
    static func waitUntil(seconds: Double, _ condition: () -> Bool) {
        let deadline = Date().addingTimeInterval(seconds)
        while !condition(), Date() < deadline { usleep(50_000) }
    }

    static func loggedCaseIDs(_ url: String) throws -> Set<String> {
        Set(try TestPostgres.psql(url, "SELECT case_id FROM entry").split(separator: "\n").map(String.init))
    }

    static func verify(_ url: String) throws -> LogVerifier.Report {
        try LogVerifier.verify(try PostgresDecisionStore.open(url, create: false))
    }

    @Test("kill -9 one of two nodes under load: every acknowledged decision is in the log and the chain verifies")
    func nodeKilled() throws {
        let url = try TestPostgres.database()
        let (a, _, _) = try ServeTests.start(log: url)
        let (b, _, _) = try ServeTests.start(log: url)
        defer { b.stop() }
        let alive = LockedFlag()
        let load = DecisionLoad(targets: { alive.value ? [a.base, b.base] : [b.base] }, workers: 6, prefix: "k")
        Self.waitUntil(seconds: 60) { load.acknowledgedCount > 30 }
        a.kill9()
        alive.value = false
        let atKill = load.acknowledgedCount
        Self.waitUntil(seconds: 60) { load.acknowledgedCount > atKill + 20 }
        load.stop()
        #expect(b.stop() == 0)
        let logged = try Self.loggedCaseIDs(url)
        let lost = load.acknowledged.filter { !logged.contains($0) }
        #expect(load.acknowledgedCount > 50)
        #expect(lost.isEmpty, "acknowledged but not logged: \(lost.prefix(5))")
        let report = try Self.verify(url)
        #expect(report.intact, "\(report.problem?.description ?? "")")
    }

    @Test("PostgreSQL restarted under load: requests fail with 503 while it is down, and the chain continues intact after")
    func postgresRestarted() throws {
        let folder = try LogFolder()
        let cluster = folder.path + "/pg"
        let script = Repository.root.appendingPathComponent("Scripts/postgres-cluster").path
        let (started, output) = try TestPostgres.run("/bin/bash", [script, "start", cluster], environment: ["GAVEL_PG_FSYNC": "off", "GAVEL_PG_WATCH_PID": String(getpid())])
        try #require(started == 0, "\(output)")
        defer { _ = try? TestPostgres.run("/bin/bash", [script, "stop", cluster]) }
        let url = try #require(output.split(separator: "\n").last.map(String.init))
        let (server, _, _) = try ServeTests.start(log: url)
        defer { server.stop() }
        let load = DecisionLoad(targets: { [server.base] }, workers: 4, prefix: "r")
        // Waits for the load to be under way rather than a fixed time: on a loaded machine the first second may pass with none acknowledged.
        Self.waitUntil(seconds: 60) { load.acknowledgedCount > 10 }
        let beforeDown = load.acknowledgedCount
        _ = try TestPostgres.run("/bin/bash", [script, "kill", cluster])
        usleep(1_500_000)
        let ready = try HTTP.get(server.base + "/readyz")
        #expect(ready.status == 503)
        #expect(try HTTP.get(server.base + "/healthz").status == 200)
        let (resumed, resumeOutput) = try TestPostgres.run("/bin/bash", [script, "resume", cluster])
        try #require(resumed == 0, "\(resumeOutput)")
        let afterUp = load.acknowledgedCount
        Self.waitUntil(seconds: 60) { load.acknowledgedCount > afterUp + 10 }
        load.stop()
        #expect(beforeDown > 10)
        #expect(load.count(503) > 0, "no request failed while PostgreSQL was down")
        #expect(load.acknowledgedCount > afterUp, "no decision succeeded after PostgreSQL came back")
        #expect(Set(load.statuses.keys).isSubset(of: [200, 503]), "\(load.statuses)")
        let logged = try Self.loggedCaseIDs(url)
        let lost = load.acknowledged.filter { !logged.contains($0) }
        #expect(lost.isEmpty, "acknowledged but not logged: \(lost.prefix(5))")
        let report = try Self.verify(url)
        #expect(report.intact, "\(report.problem?.description ?? "")")
    }

    @Test("a client that hangs up mid-batch loses nothing that was acknowledged, and the service goes on")
    func clientGoneMidBatch() throws {
        let (server, url, _) = try ServeTests.start()
        defer { server.stop() }
        let connection = try RawConnection(port: server.port)
        try connection.send(
            "POST /v1/decisions:batch HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer \(TestTokens.evaluator)\r\n"
                + "Content-Type: application/x-ndjson\r\nTransfer-Encoding: chunked\r\n\r\n")
        let first = (0..<40).map { ServeTests.jsonCase("d-\($0)") + "\n" }.joined()
        try connection.sendChunk(first)
        let received = connection.read { text in (0..<40).allSatisfy { text.contains("\"id\":\"d-\($0)\"") } }
        let acknowledged = (0..<40).map { "d-\($0)" }.filter { received.contains("\"id\":\"\($0)\"") }
        #expect(acknowledged.count == 40)
        try connection.sendChunk((40..<80).map { ServeTests.jsonCase("d-\($0)") + "\n" }.joined())
        connection.abort()
        usleep(500_000)
        #expect(try HTTP.get(server.base + "/healthz").status == 200)
        #expect(try HTTP.post(server.base + "/v1/decisions", token: TestTokens.evaluator, ServeTests.jsonCase("after")).status == 200)
        let logged = try Self.loggedCaseIDs(url)
        #expect(acknowledged.allSatisfy(logged.contains))
        #expect(logged.contains("after"))
        let report = try Self.verify(url)
        #expect(report.intact, "\(report.problem?.description ?? "")")
    }
}

final class LockedFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var flag = true
    var value: Bool {
        get { lock.withLock { flag } }
        set { lock.withLock { flag = newValue } }
    }
}
