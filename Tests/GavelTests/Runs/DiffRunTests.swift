import Foundation
import Testing

@testable import GavelCLI
@testable import GavelEngine
@testable import GavelSyntax

/// `gavel diff` in-process: directories and git revisions, each format, the
/// same report for any number of jobs, and each side's failures named.
@Suite("gavel diff")
struct DiffRunTests {
    static let fixture = Repository.fixtures.appendingPathComponent("diff")
    static let before = fixture.appendingPathComponent("before").path
    static let after = fixture.appendingPathComponent("after").path
    static let cases = fixture.appendingPathComponent("cases").path

    struct Captured {
        var status: Int32
        var output: String
        var errors: String
    }

    func run(
        from: String = before, to: String = after, cases: [String] = [cases], format: DiffRun.Format = .text, jobs: Int = 1,
        in directory: String = FileManager.default.currentDirectoryPath
    ) -> Captured {
        let run = DiffRun(
            cases: cases, from: from, to: to, asOf: nil, now: Instant(secondsSinceEpoch: 0, isDateOnly: false), format: format,
            jobs: jobs, workingDirectory: directory
        ).inTestCache()
        var output = ""
        var errors = ""
        let status = run.run(output: { output += $0 }, errors: { errors += $0 })
        let prefix = Repository.root.path + "/"
        return Captured(
            status: status, output: output.replacingOccurrences(of: prefix, with: ""),
            errors: errors.replacingOccurrences(of: prefix, with: ""))
    }

    /// Each side is loaded once per job: with a large list, every load but
    /// the first must read the list's index from the cache `evaluate` uses.
    @Test("both sides keep their lists' indexes in the screening cache")
    func usesTheIndexCache() throws {
        let folder = NSTemporaryDirectory() + "gavel-diff-cache-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var run = DiffRun(
            cases: [Repository.cases + "/2017-08-hamas-shurat-hadin.yaml"], from: Repository.policies, to: Repository.policies, asOf: nil,
            now: Instant(secondsSinceEpoch: 0, isDateOnly: false), jobs: 2)
        run.screeningCache = ScreeningIndexCache(directory: folder)
        var errors = ""
        #expect(run.run(output: { _ in }, errors: { errors += $0 }) == 0, "\(errors)")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".index") }
        #expect(files.count >= 1, "\(files)")
    }

    @Test("each changed case with before/after, the rules whose status changed, and the summary", arguments: DiffRun.Format.allCases)
    func golden(format: DiffRun.Format) {
        let result = run(format: format)
        #expect(result.status == 0, "\(result.errors)")
        let ext = format == .markdown ? "md" : format == .json ? "json" : "txt"
        assertGolden(result.output, "diff/report.\(ext)")
    }

    @Test("the summary counts transitions, most frequent first")
    func summary() {
        let result = run()
        #expect(result.output.contains("SUMMARY  5 cases: 4 changed, 1 unchanged"))
        #expect(result.output.contains("  terminate → escalate  2 cases\n"))
        #expect(result.output.contains("  no_action → escalate  1 case\n"))
        #expect(result.output.contains("  no_action → restrict  1 case\n"))
        #expect(result.output.contains("designated-customer: matched (terminate) → matched (escalate)"))
        #expect(result.output.contains("abuse-reports: not_matched → matched (restrict)"))
        #expect(!result.output.contains("unchanged  "))
    }

    @Test("the JSON report parses and its counts add up")
    func json() throws {
        let result = run(format: .json)
        let parsed = try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any]
        let summary = try #require(parsed?["summary"] as? [String: Any])
        #expect(summary["cases"] as? Int == 5)
        #expect(summary["changed"] as? Int == 4)
        #expect((parsed?["changes"] as? [Any])?.count == 4)
    }

    @Test("two jobs print the same bytes as one")
    func jobs() {
        let many = (0..<600).map { i in
            "{\"kind\":\"Case\",\"id\":\"c\(i)\",\"as_of\":\"2024-01-01\",\"customer\":{\"name\":\"\(["Hamas", "Acme", "Wagner"][i % 3])\"}}"
        }.joined(separator: "\n")
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("gavel-diff-jobs-\(UUID().uuidString).jsonl")
        FileManager.default.createFile(atPath: file.path, contents: Data(many.utf8))
        defer { try? FileManager.default.removeItem(at: file) }
        let one = run(cases: [file.path], format: .json, jobs: 1)
        let two = run(cases: [file.path], format: .json, jobs: 2)
        #expect(one.status == 0)
        #expect(one.output == two.output)
        #expect(one.output.contains("\"changed\":400"))
    }

    @Test("git revisions are read with git, never checked out")
    func gitRevisions() throws {
        let repo = try GitRepository()
        try repo.write("Policies/policy.yaml", contentsOf: Self.before)
        try repo.commit("before")
        try repo.write("Policies/policy.yaml", contentsOf: Self.after)
        try repo.commit("after")
        let result = run(from: "HEAD~1:Policies", to: "HEAD:Policies", in: repo.path)
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.output.contains("SUMMARY  5 cases: 4 changed, 1 unchanged (from HEAD~1:Policies to HEAD:Policies)"))
        // The working tree is untouched: the file is still the later version.
        #expect(try String(contentsOfFile: repo.path + "/Policies/policy.yaml", encoding: .utf8).contains("Wagner"))
        // A revision against the working directory.
        let mixed = run(from: "HEAD~1:Policies", to: repo.path + "/Policies", in: repo.path)
        #expect(mixed.output == result.output.replacingOccurrences(of: "to HEAD:Policies", with: "to \(repo.path)/Policies"))
    }

    @Test("an unknown revision, a missing path and a bundle that does not load name their side, exit 2")
    func badSides() throws {
        let repo = try GitRepository()
        try repo.write("Policies/policy.yaml", contentsOf: Self.before)
        try repo.commit("only")
        let unknown = run(from: "v9.9:Policies", to: Self.after, in: repo.path)
        #expect(unknown.status == 2)
        #expect(unknown.errors.hasPrefix("gavel diff: --from git has no revision `v9.9`"))
        let missing = run(from: Self.before, to: "HEAD:Policy", in: repo.path)
        #expect(missing.status == 2)
        #expect(missing.errors.contains("--to revision `HEAD` has no `Policy`"))
        let broken = try TemporaryBundle(["policy.yaml": "kind: Policy\nid: p\nrules:\n  - { id: r, title: R, decision: terminate, when: { path: a, eqals: 1 } }\n"])
        let bad = run(from: Self.before, to: broken.path)
        #expect(bad.status == 2)
        #expect(bad.errors.contains("gavel diff: --to bundle"))
        #expect(bad.errors.contains("policy.yaml:4:"))
        #expect(bad.output.isEmpty)
        let neither = run(from: "no-such-directory", to: Self.after)
        #expect(neither.status == 2)
        #expect(neither.errors.contains("--from `no-such-directory` is neither a bundle directory nor a git revision"))
    }

    @Test("a case the new schema refuses shows as a change; one both refuse is bad input")
    func schemaRefusal() throws {
        let strict = try TemporaryBundle([
            "policy.yaml": try String(contentsOfFile: Self.after + "/policy.yaml", encoding: .utf8),
            "schema.yaml": "kind: Schema\nfields:\n  customer: object\n  customer.name: string\n  customer.type: { enum: [organization, individual], required: true }\n  reports: [object]\n  reports.verified: bool\n",
        ])
        let result = run(to: strict.path)
        #expect(result.status == 0)
        #expect(result.output.contains("terminate → (refused by the schema)  2 cases"))
        #expect(result.errors.contains("(the --to bundle's schema)"))
        let both = run(from: strict.path, to: strict.path)
        #expect(both.status == 2)
    }
}

/// A throwaway git repository with the diff fixture's cases, for revision tests.
final class GitRepository {
    let path: String

    init() throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("gavel-git-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        try git(["init", "-q"])
        try git(["config", "user.email", "test@example.com"])
        try git(["config", "user.name", "Gavel Tests"])
        try git(["config", "commit.gpgsign", "false"])
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    func write(_ relative: String, contentsOf source: String) throws {
        let target = URL(fileURLWithPath: path).appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        try? FileManager.default.removeItem(at: target)
        try FileManager.default.copyItem(atPath: source + "/policy.yaml", toPath: target.path)
    }

    func commit(_ message: String) throws {
        try git(["add", "-A"])
        try git(["commit", "-q", "-m", message])
    }

    private func git(_ arguments: [String]) throws {
        let (status, output) = try ExternalTools.run("/usr/bin/env", ["git", "-C", path] + arguments)
        guard status == 0 else { throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: output]) }
    }
}
