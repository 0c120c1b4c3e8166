import Foundation
import Testing

@testable import GavelCLI
@testable import GavelEngine
@testable import GavelLog
@testable import GavelSyntax

/// `--since`/`--until` at the milliseconds `logged_at` is stored with.
@Suite("decision log: time bounds")
struct TimeBoundTests {
    @Test(
        "a bound keeps its fraction at milliseconds: a finer --since rounds up, a finer --until down",
        arguments: [
            ("2026-12-07T10:41:53.486Z", true, "2026-12-07T10:41:53.486"),
            ("2026-12-07T10:41:53.486Z", false, "2026-12-07T10:41:53.486"),
            ("2026-12-07T10:41:53.4861Z", true, "2026-12-07T10:41:53.487"),
            ("2026-12-07T10:41:53.4861Z", false, "2026-12-07T10:41:53.486"),
            ("2026-12-07T10:41:53.4860Z", true, "2026-12-07T10:41:53.486"),
            ("2026-12-07T10:41:53.5Z", false, "2026-12-07T10:41:53.500"),
            ("2026-12-07T10:41:53.07Z", true, "2026-12-07T10:41:53.070"),
            ("2026-12-07T23:59:59.9995Z", true, "2026-12-08T00:00:00.000"),
            ("2026-12-07T12:41:53.486+02:00", true, "2026-12-07T10:41:53.486"),
            ("2026-12-07T10:41:53Z", true, "2026-12-07T10:41:53"),
            ("2026-12-07", false, "2026-12-07"),
        ])
    func bound(text: String, roundingUp: Bool, expected: String) {
        #expect(AuditList.bound(text, roundingUp: roundingUp) == expected)
    }

    @Test("a range within one second is told apart from an empty one")
    func range() {
        #expect((try? AuditList.range(since: "2026-12-07T10:41:53.100Z", until: "2026-12-07T10:41:53.200Z").get()) != nil)
        guard case .failure(let problem) = AuditList.range(since: "2026-12-07T10:41:53.486Z", until: "2026-12-07T10:41:53.484Z") else {
            Issue.record("an empty range was accepted")
            return
        }
        #expect(problem.message == "--since (2026-12-07T10:41:53.486) is after --until (2026-12-07T10:41:53.484): no entry can be in that range")
    }

    /// `logged_at` moved by `millis` milliseconds, as RFC 3339 in UTC with milliseconds.
    static func shifted(_ loggedAt: String, millis: Int) throws -> String {
        let instant = try #require(Instant.parse(loggedAt))
        let ms = try #require(Int(loggedAt.dropFirst(20).prefix(3))) + millis
        let seconds = Int64((ms < 0 ? ms - 999 : ms) / 1000)
        let rest = ((ms % 1000) + 1000) % 1000
        let text = instant.adding(seconds: seconds).description
        return String(text.dropLast()) + "." + String(1000 + rest).dropFirst() + "Z"
    }

    @Test("list and export exclude an entry one millisecond outside --since or --until, and include it at its own logged_at")
    func filters() throws {
        let folder = try LogFolder()
        let bundle = try TemporaryBundle(LogFixtures.bundleFiles)
        #expect(try LogFixtures.evaluate([try folder.write("c.jsonl", LogFixtures.cases(1))], policies: bundle.path, log: folder.log).status == 0)
        let loggedAt = try #require(try folder.store().entry(seq: 1)).loggedAt
        func listed(since: String?, until: String?) throws -> (list: Int, export: Int) {
            let bounds = try AuditList.range(since: since, until: until).get()
            var list = "", export = ""
            #expect(AuditList(log: folder.log, filter: EntryFilter(since: bounds.since, until: bounds.until), format: .json).run(output: { list += $0 }, errors: { _ in }) == 0)
            #expect(AuditExport(log: folder.log, format: .jsonl, since: bounds.since, until: bounds.until).run(output: { export += $0 }, errors: { _ in }) == 0)
            let rows = try #require(try JSONSerialization.jsonObject(with: Data(list.utf8)) as? [Any])
            return (rows.count, export.split(separator: "\n").count)
        }
        #expect(try listed(since: loggedAt, until: loggedAt) == (1, 1))
        #expect(try listed(since: Self.shifted(loggedAt, millis: 1), until: nil) == (0, 0))
        #expect(try listed(since: nil, until: Self.shifted(loggedAt, millis: -1)) == (0, 0))
        #expect(try listed(since: Self.shifted(loggedAt, millis: -1), until: Self.shifted(loggedAt, millis: 1)) == (1, 1))
    }
}
