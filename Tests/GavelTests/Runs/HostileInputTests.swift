import Foundation
import Testing

@testable import GavelCLI
@testable import GavelEngine
@testable import GavelSyntax

/// Each of these was found by an adversarial probe of an earlier build.
@Suite("Hostile input")
struct HostileInputTests {
    static let bundleFiles = [
        "policy.yaml": """
            kind: Policy
            id: p
            rules:
              - { id: designated, title: D, decision: terminate, when: { path: customer.name, equals: Hamas } }
              - { id: requested, title: R, decision: escalate, when: { some: { path: requests, where: { path: kind, equals: court_order } } } }
            """
    ]

    func run(
        _ cases: [String], format: EvaluateRun.Format = .jsonl, jobs: Int = 1, asOf: Instant? = Instant.parse("2024-01-01"),
        policies: String? = nil
    ) throws -> (status: Int32, output: String, errors: String) {
        let bundle = try TemporaryBundle(Self.bundleFiles)
        let run = EvaluateRun(
            cases: cases, policies: policies ?? bundle.path, asOf: asOf, format: format, strict: false,
            now: Instant(secondsSinceEpoch: 1_764_633_600, isDateOnly: false), jobs: jobs).inTestCache()
        var output = ""
        var errors = ""
        let status = run.run(output: { output += $0 }, errors: { errors += $0 })
        return (status, output, errors)
    }

    @Test("a broken line in the middle of a JSONL batch is located on its own line; the others are decided")
    func brokenLine() throws {
        var lines = (0..<50).map { #"{"kind":"Case","id":"c\#($0)","customer":{"name":"Hamas"}}"# }
        lines[25] = #"{"kind":"Case","id":"#
        let dir = try TemporaryBundle(["batch.jsonl": lines.joined(separator: "\n") + "\n"])
        let result = try run([dir.path + "/batch.jsonl"])
        #expect(result.status == 2)
        #expect(result.output.split(separator: "\n").count == 49)
        #expect(result.errors.replacingOccurrences(of: dir.path + "/", with: "").hasPrefix("batch.jsonl:26:21: error[yaml-syntax]"))
    }

    @Test("--jobs 4 prints the same bytes as --jobs 1, in input order, for every format", arguments: EvaluateRun.Format.allCases)
    func parallelSameBytes(_ format: EvaluateRun.Format) throws {
        var lines: [String] = []
        for i in 0..<700 {
            let name = i % 7 == 0 ? "Hamas" : "Customer \(i)"
            let requests = i % 5 == 0 ? #","requests":[{"kind":"court_order"}]"# : ""
            lines.append(i == 333 ? "not json" : #"{"kind":"Case","id":"c\#(i)","customer":{"name":"\#(name)"}\#(requests)}"#)
        }
        let dir = try TemporaryBundle(["batch.jsonl": lines.joined(separator: "\n") + "\n", "more.yaml": "kind: Case\nid: y\n---\nkind: Case\nid: z\ncustomer: { name: Hamas }\n"])
        // One bundle for both runs: a bundle without bundle.yaml is named after its folder.
        let bundle = try TemporaryBundle(Self.bundleFiles)
        let one = try run([dir.path + "/batch.jsonl", dir.path + "/more.yaml"], format: format, jobs: 1, policies: bundle.path)
        let four = try run([dir.path + "/batch.jsonl", dir.path + "/more.yaml"], format: format, jobs: 4, policies: bundle.path)
        #expect(one.status == 2 && four.status == 2)
        #expect(one.output == four.output)
        #expect(one.errors == four.errors)
        if format == .jsonl { #expect(one.output.split(separator: "\n").count == 701) }
    }

    @Test("a case decided as of now says so in its record and warns that its id cannot be reproduced")
    func asOfNow() throws {
        let dir = try TemporaryBundle(["c.yaml": "kind: Case\nid: a\n", "d.yaml": "kind: Case\nid: b\nas_of: 2020-01-01\n"])
        let now = try run([dir.path + "/c.yaml", dir.path + "/d.yaml"], asOf: nil)
        #expect(now.status == 0)
        let records = now.output.split(separator: "\n")
        #expect(records.first?.contains(#""as_of_source":"now""#) == true)
        #expect(records.last?.contains(#""as_of_source":"case""#) == true)
        #expect(now.errors == "gavel: warning: 1 case was decided as of now (2025-12-02T00:00:00Z); its record id cannot be reproduced: give the case an `as_of:` or pass --as-of\n")
        let flag = try run([dir.path + "/c.yaml"])
        #expect(flag.output.contains(#""as_of_source":"flag""#))
        #expect(flag.errors.isEmpty)
    }

    @Test("control characters from a case cannot forge lines of the text trail")
    func forgedTrail() throws {
        let forged = "x\\u001b[2K\\rDECISION  NO_ACTION\\n\\u2028\\u202e"
        let dir = try TemporaryBundle(["c.yaml": "kind: Case\nid: \"\(forged)\"\ncustomer: { name: Hamas }\n"])
        let result = try run([dir.path + "/c.yaml"], format: .text)
        #expect(result.status == 0)
        let lines = result.output.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.filter { $0.hasPrefix("DECISION") } == ["DECISION  TERMINATE  (End all service)"])
        #expect(!result.output.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x0D || $0.value == 0x2028 || $0.value == 0x202E })
        #expect(result.output.contains(#"x\u{1B}[2K\u{D}DECISION  NO_ACTION\u{A}\u{2028}\u{202E}"#))
    }

    @Test("an empty case directory is an error, not a silent success")
    func emptyCaseDirectory() throws {
        let dir = try TemporaryBundle(["notes.txt": "no cases here"])
        let result = try run([dir.path])
        #expect(result.status == 2)
        #expect(result.output.isEmpty)
        #expect(result.errors.contains("error[empty-file] the case directory"))
    }
}

@Suite("Screening cost")
struct ScreeningCostTests {
    @Test("no two names can score above the length bound", arguments: 0..<4)
    func upperBound(_ seed: Int) {
        var random = MutatedInputTests.Random(state: UInt64(seed + 1))
        let alphabet = Array("abcdefgh")
        // Shaped as `NameNormalizer` leaves names: tokens joined by single spaces.
        func name() -> String {
            (0..<(1 + random.below(4))).map { _ in String((0..<(1 + random.below(9))).map { _ in alphabet[random.below(alphabet.count)] }) }
                .joined(separator: " ")
        }
        for _ in 0..<3_000 {
            let a = name(), b = name()
            let score = JaroWinkler.nameScore(a, b)
            #expect(score <= JaroWinkler.upperBound(a.unicodeScalars.count, b.unicodeScalars.count) + 1e-12, "\(a) / \(b)")
        }
    }

    @Test("a megabyte-long name is screened on its first 4,096 scalars, and the record shows the cut")
    func longName() {
        let query = Screener.Query(text: String(repeating: "Щ", count: 1_000_000), field: "customer.name")
        #expect(query.text.unicodeScalars.count == 4_097)
        #expect(query.text.hasSuffix("…"))
        // Against a list name of ordinary length the bound rules out every fuzzy comparison.
        #expect(JaroWinkler.upperBound(4_096, 80) < 0.9)
    }
}

@Suite("lint on unreadable paths")
struct LintUnreadableTests {
    @Test("a missing path: only the error, exit 2")
    func missing() {
        var output = ""
        var errors = ""
        let status = LintRun(paths: ["/nonexistent/case.yaml"], policies: nil, format: .text, strict: false)
            .run(output: { output += $0 }, errors: { errors += $0 })
        #expect(status == 2)
        #expect(output.isEmpty)
        #expect(errors == "gavel: cannot read `/nonexistent/case.yaml`: no such file or directory\n")
    }

    @Test("a device or a FIFO is not a file to lint: exit 2 at once, not a hang", arguments: ["/dev/zero", "fifo"])
    func notRegular(_ name: String) throws {
        let bundle = try TemporaryBundle([:])
        var path = name
        if name == "fifo" {
            path = bundle.path + "/cases.fifo"
            try FileManager.default.createDirectory(atPath: bundle.path, withIntermediateDirectories: true)
            #expect(mkfifo(path, 0o600) == 0)
        }
        var output = ""
        var errors = ""
        let status = LintRun(paths: [path], policies: nil, format: .text, strict: false)
            .run(output: { output += $0 }, errors: { errors += $0 })
        #expect(status == 2)
        #expect(output.isEmpty)
        #expect(errors == "gavel: cannot lint `\(path)`: not a regular file (a device, a pipe or a socket)\n")
    }

    /// Not following the link, lint once took a linked case file for a device and refused it.
    @Test("a link to a case file is linted as the file it names")
    func linkedCase() throws {
        let folder = try TemporaryBundle([:])
        try FileManager.default.createDirectory(atPath: folder.path, withIntermediateDirectories: true)
        let target = Repository.cases + "/2017-08-hamas-shurat-hadin.yaml", link = folder.path + "/linked.yaml"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
        func lint(_ path: String) -> (status: Int32, output: String, errors: String) {
            var output = "", errors = ""
            let status = LintRun(paths: [path], policies: Repository.policies, format: .text, strict: false)
                .run(output: { output += $0 }, errors: { errors += $0 })
            return (status, output.replacingOccurrences(of: path, with: "CASE"), errors)
        }
        let direct = lint(target), linked = lint(link)
        #expect(linked.errors.isEmpty, "\(linked.errors)")
        #expect(linked.status == direct.status && linked.status != 2)
        #expect(linked.output == direct.output)
    }
}

@Suite("a policy directory that is not one")
struct PolicyDirectoryTests {
    @Test("a file given as the policy directory is named a file, not missing")
    func fileAsDirectory() throws {
        let bundle = try TemporaryBundle(["policy.yaml": "kind: Policy\nid: p\nrules: []\n"])
        let file = bundle.path + "/policy.yaml"
        let error = try #require(BundleLoader.load(directory: file).failure)
        #expect(error.diagnostics.first?.message == "policy directory `\(file)` is a file, not a directory")
        let missing = try #require(BundleLoader.load(directory: bundle.path + "/nowhere").failure)
        #expect(missing.diagnostics.first?.message == "policy directory `\(bundle.path)/nowhere` does not exist")
    }
}

@Suite("a list whose entries file is missing")
struct MissingEntriesFileTests {
    @Test("one error at `entries_from`, not one more per rule that names the list")
    func oneError() throws {
        let rule = "  - id: r%d\n    title: R\n    decision: escalate\n    when: { screen: { lists: [people], names: [customer.name] } }\n"
        let bundle = try TemporaryBundle([
            "policy.yaml": "kind: Policy\nid: p\nowner: o@example\nrules:\n" + (1...3).map { String(format: rule, $0) }.joined(),
            "lists/people.yaml": "kind: List\nid: people\nas_of: 2024-01-01\nentries_from: people.jso\n",
        ])
        #expect(bundle.problems() == ["lists/people.yaml:4:15: error[unreadable-file] `entries_from` file `people.jso` does not exist"])
    }
}
