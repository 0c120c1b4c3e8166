import Foundation
import GRDB
import Testing

@testable import GavelCLI
@testable import GavelEngine
@testable import GavelLog
@testable import GavelSyntax

/// `case_line`: where the case starts in the file it came from, 1-based as
/// every message gives lines.
@Suite("decision log: case lines")
struct CaseLineTests {
    func lines(_ folder: LogFolder) throws -> [Int] {
        try folder.store().entries(EntryFilter()).compactMap { $0.entry.caseSource?.line }
    }

    @Test("a streamed JSONL case is stored with its own line number, counted from 1, blank lines included")
    func jsonLines() throws {
        let folder = try LogFolder()
        let bundle = try TemporaryBundle(LogFixtures.bundleFiles)
        let cases = LogFixtures.cases(3).split(separator: "\n").map(String.init)
        let file = try folder.write("c.jsonl", cases[0] + "\n\n" + cases[1] + "\n" + cases[2] + "\n")
        #expect(try LogFixtures.evaluate([file], policies: bundle.path, log: folder.log).status == 0)
        #expect(try lines(folder) == [1, 3, 4])
        #expect(try folder.store().entries(EntryFilter()).map { $0.entry.caseSource?.format } == ["jsonl-line", "jsonl-line", "jsonl-line"])
    }

    @Test("each document of a YAML file is stored with the line it starts on, not 1")
    func yamlDocuments() throws {
        let folder = try LogFolder()
        let bundle = try TemporaryBundle(LogFixtures.bundleFiles)
        let document = { (id: String) in "kind: Case\nid: \(id)\nas_of: 2024-01-01\ncustomer:\n  name: Hamas\n" }
        let file = try folder.write("c.yaml", document("y-1") + "---\n" + document("y-2") + "---\n# a comment\n" + document("y-3"))
        #expect(try LogFixtures.evaluate([file], policies: bundle.path, log: folder.log).status == 0)
        #expect(try lines(folder) == [1, 7, 14])
    }

    @Test("entries logged with the old numbering (a line from 0) still verify, replay and show")
    func oldEntries() throws {
        let folder = try LogFolder()
        let bundle = try TemporaryBundle(LogFixtures.bundleFiles)
        #expect(try LogFixtures.evaluate([try folder.write("c.jsonl", LogFixtures.cases(2))], policies: bundle.path, log: folder.log).status == 0)
        // As an earlier gavel logged them: line numbers from 0, hashed as such.
        var entries = try folder.store().entries(EntryFilter())
        var previous = SHA256Key.zero
        for index in entries.indices {
            entries[index].entry.caseSource?.line -= 1
            let hash = EntryHash.of(seq: entries[index].seq, loggedAt: entries[index].loggedAt, entry: entries[index].entry, previous: previous)
            try folder.tamper(
                "UPDATE entry SET case_line = case_line - 1, prev_hash = ?, hash = ? WHERE seq = ?",
                arguments: [Data(previous.bytes), Data(hash.bytes), entries[index].seq])
            previous = hash
        }
        #expect(try lines(folder) == [0, 1])
        #expect(AuditVerify(log: folder.log, publicKey: nil).run(output: { _ in }, errors: { _ in }) == 0)
        var output = ""
        #expect(AuditReplay(log: folder.log, id: nil).run(output: { output += $0 }, errors: { _ in }) == 0)
        #expect(output.hasSuffix("2 reproduced, 0 differ\n"))
        #expect(AuditShow(log: folder.log, id: "1", format: .text).run(output: { _ in }, errors: { _ in }) == 0)
    }
}
