import Foundation
import Testing

@testable import GavelCLI
@testable import GavelEngine
@testable import GavelLint
@testable import GavelSyntax

/// `gavel evaluate` in-process: output, errors and exit status together.
@Suite("gavel evaluate")
struct EvaluateRunTests {
    struct Captured {
        var status: Int32
        var output: String
        var errors: String
    }

    static let bundleFiles = [
        "policy.yaml": """
            kind: Policy
            id: p
            rules:
              - { id: designated, title: D, decision: terminate, when: { path: customer.name, equals: Hamas } }
            """
    ]

    func run(_ cases: [String], format: EvaluateRun.Format = .json, policies: String? = nil, stdin: String = "") throws -> Captured {
        let bundle = try TemporaryBundle(Self.bundleFiles)
        let run = EvaluateRun(
            cases: cases, policies: policies ?? bundle.path, asOf: Instant.parse("2024-01-01"), format: format, strict: false,
            now: Instant(secondsSinceEpoch: 0, isDateOnly: false)).inTestCache()
        var run2 = run
        let pipe = Pipe()
        pipe.fileHandleForWriting.write(Data(stdin.utf8))
        try pipe.fileHandleForWriting.close()
        run2.standardInput = pipe.fileHandleForReading.fileDescriptor
        var output = ""
        var errors = ""
        let status = run2.run(output: { output += $0 }, errors: { errors += $0 })
        return Captured(status: status, output: output, errors: errors)
    }

    func caseFiles(_ files: [String: String]) throws -> TemporaryBundle { try TemporaryBundle(files) }

    @Test("one case prints one JSON object; several print an array")
    func objectOrArray() throws {
        let dir = try caseFiles([
            "one.yaml": "kind: Case\nid: a\ncustomer: { name: Hamas }\n",
            "two.yaml": "kind: Case\nid: b\n---\nkind: Case\nid: c\n",
        ])
        let one = try run([dir.path + "/one.yaml"])
        #expect(one.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(one.output.utf8)) as? [String: Any]
        #expect(object?["decision"] as? String == "terminate")
        let two = try run([dir.path + "/two.yaml"])
        let array = try JSONSerialization.jsonObject(with: Data(two.output.utf8)) as? [[String: Any]]
        #expect(array?.map { $0["decision"] as? String } == ["no_action", "no_action"])
    }

    @Test("a batch with a bad document decides the others, reports the bad one located, and exits 2")
    func badDocumentInBatch() throws {
        let dir = try caseFiles([
            "batch.yaml": "kind: Case\nid: a\ncustomer: { name: Hamas }\n---\nkind: Case\nid: b\nid: b2\n---\nkind: Case\nid: c\n"
        ])
        let result = try run([dir.path + "/batch.yaml"], format: .jsonl)
        #expect(result.status == 2)
        let lines = result.output.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines.first?.contains("\"decision\":\"terminate\"") == true)
        #expect(result.errors.contains("batch.yaml:7:1: error[duplicate-key]"))
    }

    @Test("a .jsonl line with two objects is jsonl-line, located at the second; the lines around it are decided")
    func twoObjectsOnAJSONLLine() throws {
        let dir = try caseFiles([
            "cases.jsonl": "{\"kind\": \"Case\", \"id\": \"a\"}\n{\"a\":1} {\"b\":2}\n{\"kind\": \"Case\", \"id\": \"c\"}\n"
        ])
        let result = try run([dir.path + "/cases.jsonl"], format: .jsonl)
        #expect(result.status == 2)
        #expect(result.output.split(separator: "\n").count == 2)
        #expect(
            result.errors.contains(
                "cases.jsonl:2:9: error[jsonl-line] expected one JSON object per line, found a second value after the first"),
            "\(result.errors)")
        #expect(!result.errors.contains("yaml-syntax"))
    }

    @Test("directories are searched for case files; `-` reads standard input")
    func directoriesAndStdin() throws {
        let dir = try caseFiles([
            "a/one.yaml": "kind: Case\nid: a\n", "b/two.json": "{\"kind\": \"Case\", \"id\": \"b\"}",
            "c/three.jsonl": "{\"kind\": \"Case\", \"id\": \"c\"}\n{\"kind\": \"Case\", \"id\": \"d\"}\n", "notes.txt": "not a case",
        ])
        let result = try run([dir.path, "-"], format: .jsonl, stdin: "kind: Case\nid: from-stdin\ncustomer: { name: Hamas }\n")
        #expect(result.status == 0)
        let ids = result.output.split(separator: "\n").compactMap {
            ((try? JSONSerialization.jsonObject(with: Data($0.utf8))) as? [String: Any])?["case"] as? [String: Any]
        }.compactMap { $0["id"] as? String }
        #expect(ids == ["a", "b", "c", "d", "from-stdin"])
    }

    @Test("a bundle that cannot be evaluated is refused with every problem, exit 2")
    func badBundle() throws {
        let bad = try TemporaryBundle([
            "p.yaml": "kind: Policy\nid: p\nrules:\n  - { id: a, title: A, decision: nuke, when: { path: x, equals: 1 } }\n  - { id: b, title: B, decision: monitor, when: { path: x, gt: [1] } }\n"
        ])
        let dir = try caseFiles(["c.yaml": "kind: Case\nid: a\n"])
        let result = try run([dir.path + "/c.yaml"], policies: bad.path)
        #expect(result.status == 2)
        #expect(result.output.isEmpty)
        #expect(result.errors.contains("p.yaml:4:34: error[unknown-decision]"))
        #expect(result.errors.contains("p.yaml:5:64: error[operator-type]"))
    }

    @Test("a missing case file is reported and the rest still decided")
    func missingFile() throws {
        let dir = try caseFiles(["c.yaml": "kind: Case\nid: a\n"])
        let result = try run([dir.path + "/nope.yaml", dir.path + "/c.yaml"], format: .jsonl)
        #expect(result.status == 2)
        #expect(result.output.split(separator: "\n").count == 1)
        #expect(result.errors.contains("error[unreadable-file]"))
    }

    // MARK: failing closed (SPEC §1.5, issue 8)

    /// The seed incident as the shipped bundle decides it, with the customer written as `key:`.
    static func seedCase(id: String, customerKey: String = "customer") -> String {
        """
        kind: Case
        id: \(id)
        as_of: 2017-08-30
        \(customerKey): { name: Hamas, aliases: [Islamic Resistance Movement], type: organization, country: PS }
        site: { domain: hamas.ps, categories: [terrorism_propaganda] }
        services: [cdn, ddos_protection]
        requests:
          - { kind: legal_demand, from: Shurat HaDin, jurisdiction: IL, received: 2017-08-30, binding: false }

        """
    }

    @Test("`custmer:` is refused under the shipped schema, located with a did-you-mean; the good case beside it is decided")
    func misspeltCustomer() throws {
        let dir = try caseFiles(["batch.yaml": Self.seedCase(id: "typo", customerKey: "custmer") + "---\n" + Self.seedCase(id: "good")])
        let result = try run([dir.path + "/batch.yaml"], format: .jsonl, policies: Repository.policies)
        #expect(result.status == 2)
        let records = result.output.split(separator: "\n")
        #expect(records.count == 1)
        #expect(records.first?.contains("\"id\":\"good\"") == true)
        #expect(records.first?.contains("\"decision\":\"terminate\"") == true)
        let errors = result.errors.replacingOccurrences(of: dir.path + "/", with: "")
        #expect(errors == """
            batch.yaml:1:1: error[case-schema-mismatch] required field `customer.name` is missing; expected a string
              help: the case has `custmer`: did you mean `customer`?
            batch.yaml:1:1: error[case-schema-mismatch] required field `customer.type` is missing; expected one of `organization`, `individual`
              help: the case has `custmer`: did you mean `customer`?
            batch.yaml:4:1: error[case-schema-mismatch] field `custmer` is not declared in the schema
              help: did you mean `customer`?

            """)
    }

    @Test("a case with only kind, id and as_of is refused under the shipped schema: nothing it needs is there")
    func bareCase() throws {
        let dir = try caseFiles(["bare.yaml": "kind: Case\nid: bare\nas_of: 2024-01-01\n"])
        let result = try run([dir.path + "/bare.yaml"], policies: Repository.policies)
        #expect(result.status == 2)
        #expect(result.output.isEmpty)
        let errors = result.errors.replacingOccurrences(of: dir.path + "/", with: "").split(separator: "\n").filter { !$0.hasPrefix("  ") }
        #expect(errors == [
            "bare.yaml:1:1: error[case-schema-mismatch] required field `customer.name` is missing; expected a string",
            "bare.yaml:1:1: error[case-schema-mismatch] required field `customer.type` is missing; expected one of `organization`, `individual`",
            "bare.yaml:1:1: error[case-schema-mismatch] required field `services` is missing; expected a list ([enum [cdn, dns, ddos_protection, hosting, registrar, resolver, zero_trust]])",
            "bare.yaml:1:1: error[case-schema-mismatch] required field `site.domain` is missing; expected a string",
        ])
    }

    @Test("a bundle whose policy reads an undeclared path is refused: exit 2, the located finding, no decision")
    func policyBreaksSchema() throws {
        let bundle = try TemporaryBundle([
            "schema.yaml": "kind: Schema\nfields:\n  customer.name: { type: string, required: true }\n",
            "policy.yaml": "kind: Policy\nid: p\nrules:\n  - { id: designated, title: D, decision: terminate, when: { path: custmer.name, equals: Hamas } }\n",
        ])
        let dir = try caseFiles(["c.yaml": "kind: Case\nid: a\ncustomer: { name: Hamas }\n"])
        let result = try run([dir.path + "/c.yaml"], format: .jsonl, policies: bundle.path)
        #expect(result.status == 2)
        #expect(result.output.isEmpty)
        #expect(result.errors.replacingOccurrences(of: bundle.path + "/", with: "") == """
            gavel: the policy bundle `\(bundle.path)` cannot be evaluated:
            policy.yaml:4:68: error[unknown-path] path `custmer.name` is not declared in the schema
              help: did you mean `customer.name`?

            """)
    }

    @Test(
        "a policy directory with no policy is refused: empty, lists only, everything but policies",
        arguments: [
            [String: String](),
            ["lists/l.yaml": "kind: List\nid: l\nentries: [{ id: a, name: Hamas }]\n"],
            ["bundle.yaml": "kind: Bundle\nid: b\n", "schema.yaml": "kind: Schema\nfields: { customer.name: string }\n"],
        ])
    func bundleWithoutPolicies(_ files: [String: String]) throws {
        let bundle = try TemporaryBundle(files)
        try FileManager.default.createDirectory(atPath: bundle.path, withIntermediateDirectories: true)
        let dir = try caseFiles(["c.yaml": "kind: Case\nid: a\ncustomer: { name: Hamas }\n"])
        let result = try run([dir.path + "/c.yaml"], format: .jsonl, policies: bundle.path)
        #expect(result.status == 2)
        #expect(result.output.isEmpty)
        #expect(result.errors.contains("error[empty-bundle] the policy directory `\(bundle.path)` holds no policy"))
    }

    @Test("--policies pointed at the shipped bundle's lists folder is refused, not decided by the default")
    func listsFolderAsBundle() throws {
        let dir = try caseFiles(["c.yaml": Self.seedCase(id: "seed")])
        let result = try run([dir.path + "/c.yaml"], policies: Repository.policies + "/lists")
        #expect(result.status == 2)
        #expect(result.output.isEmpty)
        // Located at the first document found, in the first file.
        #expect(result.errors.contains("Policies/lists/eu-media-annex-xv.yaml:19:1: error[empty-bundle]"))
        #expect(result.errors.contains("(a folder of lists is not a bundle)"))
    }

    @Test("a case folder with no case file is an error, not a silent exit 0")
    func emptyCaseFolder() throws {
        let dir = try caseFiles(["notes.txt": "not a case"])
        try FileManager.default.createDirectory(atPath: dir.path + "/empty", withIntermediateDirectories: true)
        let result = try run([dir.path + "/empty"], format: .jsonl)
        #expect(result.status == 2)
        #expect(result.output.isEmpty)
        #expect(result.errors == """
            \(dir.path)/empty:1:1: error[empty-file] the case directory `\(dir.path)/empty` holds no case file: expected .yaml, .yml, .json, .jsonl files, found none
              help: name the case files or the folder that holds them

            """)
        let onlyNotes = try run([dir.path], format: .jsonl)
        #expect(onlyNotes.status == 2)
        #expect(onlyNotes.errors.contains("error[empty-file] the case directory `\(dir.path)` holds no case file"))
    }

    @Test("the text trail starts with the decision")
    func text() throws {
        let dir = try caseFiles(["c.yaml": "kind: Case\nid: a\ncustomer: { name: Hamas }\n"])
        let result = try run([dir.path + "/c.yaml"], format: .text)
        #expect(result.output.hasPrefix("DECISION  TERMINATE  (End all service)\n"))
    }
}

/// The real executable, for what only a process shows: exit codes and streams.
@Suite("gavel executable")
struct ExecutableTests {
    static var binary: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("gavel")
    }

    func gavel(_ arguments: [String], stdin: String? = nil) throws -> (Int32, String, String) {
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = arguments
        process.currentDirectoryURL = Repository.root
        process.environment = TestScreeningCache.environment
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        let output = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let errors = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, output, errors)
    }

    @Test("an endless standard input stops at the file limit: exit 2 with a located error, not a crash")
    func endlessStandardInput() throws {
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = ["evaluate", "-", "--no-log"]
        process.currentDirectoryURL = Repository.root
        process.environment = TestScreeningCache.environment
        let err = Pipe()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = err
        process.standardInput = FileHandle(forReadingAtPath: "/dev/zero")
        try process.run()
        let errors = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 2)
        #expect(errors.hasPrefix("<stdin>:1:1: error[file-too-large] input is larger than 67108864 bytes"))
    }

    @Test("the README's command decides the seed case by the shipped Policies/")
    func readmeCommand() throws {
        #expect(FileManager.default.isExecutableFile(atPath: Self.binary.path), "built gavel not found at \(Self.binary.path)")
        let (status, output, _) = try gavel(["evaluate", "Cases/2017-08-hamas-shurat-hadin.yaml", "--no-log"])
        #expect(status == 0)
        #expect(output.hasPrefix("DECISION  BLOCK"))
    }

    @Test("bad input on stdin exits 2 with a located error")
    func stdinError() throws {
        let (status, output, errors) = try gavel(["evaluate", "-", "--format", "json", "--no-log"], stdin: "kind: Case\nid: [x\n")
        #expect(status == 2)
        #expect(output.isEmpty || output == "[]\n")
        #expect(errors.contains("<stdin>:"))
    }

    @Test("a malformed --as-of is a usage error, not a bad-input exit")
    func badFlag() throws {
        let (status, _, errors) = try gavel(["evaluate", "Cases", "--as-of", "yesterday"])
        #expect(status == 64)
        #expect(errors.contains("--as-of"))
    }
}
