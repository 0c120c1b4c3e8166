import Foundation
import GRDB
import Testing

@testable import GavelCLI
@testable import GavelEngine
@testable import GavelLog
@testable import GavelSyntax

/// A folder of its own for one test's logs, keys and cases, removed when the
/// last reference goes: no test writes a log into the repository.
final class LogFolder: Sendable {
    let path: String
    var log: String { path + "/decisions.sqlite" }

    init() throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("gavel-log-test-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        let file = path + "/" + name
        try FileManager.default.createDirectory(
            atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: file))
        return file
    }

    /// The SQLite file opened directly, as someone tampering with it would.
    func tamper(_ sql: String, arguments: StatementArguments = []) throws {
        var config = Configuration()
        config.busyMode = .timeout(10)
        let queue = try DatabaseQueue(path: log, configuration: config)
        try queue.write { try $0.execute(sql: sql, arguments: arguments) }
    }

    func store() throws -> SQLiteDecisionStore { try SQLiteDecisionStore.open(log, create: false) }
}

enum LogFixtures {
    /// A bundle with a policy, a list with `entries_from` JSONL, and bundle.yaml: every kind of bundle file.
    static let bundleFiles = [
        "bundle.yaml": "kind: Bundle\nid: log-test\nversion: '1'\n",
        "policy.yaml": """
            kind: Policy
            id: p
            rules:
              - { id: designated, title: D, decision: terminate, when: { path: customer.name, equals: Hamas } }
              - { id: listed, title: L, decision: restrict, when: { screen: { lists: [names], names: [customer.name], min_score: 1.0 } } }
            """,
        "lists/names.yaml": "kind: List\nid: names\ntitle: Names\nentries_from: names.jsonl\n",
        "lists/names.jsonl": "{\"id\":\"n1\",\"name\":\"Acme Hate Forum\"}\n",
    ]

    static func cases(_ count: Int, prefix: String = "c") -> String {
        (0..<count).map { i in
            let name = i % 3 == 0 ? "Hamas" : i % 3 == 1 ? "Acme Hate Forum" : "Someone \(i)"
            return "{\"kind\":\"Case\",\"id\":\"\(prefix)-\(i)\",\"as_of\":\"2024-01-01\",\"customer\":{\"name\":\"\(name)\"}}\n"
        }.joined()
    }

    /// `gavel evaluate` in-process with a log.
    static func evaluate(
        _ cases: [String], policies: String, log: String?, format: EvaluateRun.Format = .jsonl, trace: TraceLevel = .decisive,
        strict: Bool = false, explainScreening: Bool = false
    ) throws -> (status: Int32, output: String, errors: String) {
        var run = EvaluateRun(
            cases: cases, policies: policies, asOf: Instant.parse("2024-06-01"), format: format, strict: strict,
            now: Instant(secondsSinceEpoch: 0, isDateOnly: false), trace: trace).inTestCache()
        run.explainScreening = explainScreening
        if let log { run.log = try SQLiteDecisionStore.open(log, create: true) }
        var output = "", errors = ""
        let status = run.run(output: { output += $0 }, errors: { errors += $0 })
        return (status, output, errors)
    }
}

/// The built `gavel` executable, beside the test bundle, as `ExecutableTests` finds it.
enum GavelProcess {
    static var binary: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("gavel")
    }

    static func process(_ arguments: [String], in folder: String) -> Process {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        process.environment = TestScreeningCache.environment
        return process
    }

    /// Runs to the end: status, stdout, stderr.
    static func run(_ arguments: [String], in folder: String) throws -> (status: Int32, output: String, errors: String) {
        let process = process(arguments, in: folder)
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // Read both to the end concurrently: a full stderr pipe must not stall stdout.
        let errorData = LockedData()
        let reader = Thread { errorData.set(err.fileHandleForReading.readDataToEndOfFile()) }
        reader.start()
        let output = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        while !errorData.isSet { usleep(1000) }
        return (process.terminationStatus, String(decoding: output, as: UTF8.self), String(decoding: errorData.get(), as: UTF8.self))
    }
}

final class LockedData: @unchecked Sendable {
    private let lock = NSLock()
    private var data: Data?
    func set(_ value: Data) { lock.withLock { data = value } }
    var isSet: Bool { lock.withLock { data != nil } }
    func get() -> Data { lock.withLock { data ?? Data() } }
}
