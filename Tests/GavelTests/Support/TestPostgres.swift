import Foundation
import Testing

/// The PostgreSQL server the tests use: `GAVEL_TEST_POSTGRES_URL` when set
/// (.ci/run starts one), else a throwaway cluster this test process starts
/// with `Scripts/postgres-cluster` and stops at exit. No test skips for the
/// lack of one: without the server binaries, every PostgreSQL test fails
/// and says what to install.
enum TestPostgres {
    struct Server: Sendable {
        /// postgres://…/postgres: the maintenance database, where test databases are made.
        var url: String
        /// The cluster folder (for restart tests): this process's own, or GAVEL_TEST_POSTGRES_DIR.
        var folder: String?
        /// Whether this process started it (the cluster then stops when the process exits).
        var owned = false
    }

    static let server: Result<Server, TestPostgresError> = {
        if let url = ProcessInfo.processInfo.environment["GAVEL_TEST_POSTGRES_URL"], !url.isEmpty {
            return .success(Server(url: url, folder: ProcessInfo.processInfo.environment["GAVEL_TEST_POSTGRES_DIR"]))
        }
        return start()
    }()

    private static func start() -> Result<Server, TestPostgresError> {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gavel-test-pg-\(UUID().uuidString)").path
        let script = Repository.root.appendingPathComponent("Scripts/postgres-cluster").path
        // The script stops the cluster once this process has exited, however it ends.
        let environment = ["GAVEL_PG_FSYNC": "off", "GAVEL_PG_WATCH_PID": String(getpid())]
        guard let (status, output) = try? run("/bin/bash", [script, "start", folder], environment: environment), status == 0,
            let url = output.split(separator: "\n").last.map(String.init), url.hasPrefix("postgres://")
        else {
            return .failure(
                TestPostgresError(
                    "no PostgreSQL for the tests: set GAVEL_TEST_POSTGRES_URL, or install the server (apt-get install postgresql-15) "
                        + "so that Scripts/postgres-cluster can start one"))
        }
        return .success(Server(url: url, folder: folder, owned: true))
    }

    /// A fresh, empty database on the server, named for one test; its URL.
    static func database() throws -> String {
        let server = try server.get()
        let name = "gavel_test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(16)
        let (status, output) = try run("/usr/bin/env", ["psql", server.url, "-v", "ON_ERROR_STOP=1", "-q", "-c", "CREATE DATABASE \(name)"])
        guard status == 0 else { throw TestPostgresError("cannot create a test database: \(output)") }
        return String(server.url.dropLast("postgres".count)) + name
    }

    /// Runs SQL against a database with psql; its output (unaligned, tuples only).
    @discardableResult
    static func psql(_ url: String, _ sql: String) throws -> String {
        let (status, output) = try run("/usr/bin/env", ["psql", url, "-v", "ON_ERROR_STOP=1", "-q", "-A", "-t", "-c", sql])
        guard status == 0 else { throw TestPostgresError("psql failed: \(output)") }
        return output.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Scripts/postgres-cluster on the test cluster: kill (an immediate stop) or resume.
    static func cluster(_ command: String) throws {
        guard let folder = try server.get().folder else {
            throw TestPostgresError("this test stops and restarts PostgreSQL: it needs GAVEL_TEST_POSTGRES_DIR with GAVEL_TEST_POSTGRES_URL")
        }
        let (status, output) = try run("/bin/bash", [Repository.root.appendingPathComponent("Scripts/postgres-cluster").path, command, folder])
        guard status == 0 else { throw TestPostgresError("postgres-cluster \(command) failed: \(output)") }
    }

    /// Runs a program to its end with posix_spawn and waitpid: Foundation's
    /// `Process.waitUntilExit` was seen to hang here when the program leaves
    /// a daemon behind (the PostgreSQL server). Output goes through a file.
    static func run(_ executable: String, _ arguments: [String], environment: [String: String] = [:]) throws -> (Int32, String) {
        let outputFile = FileManager.default.temporaryDirectory.appendingPathComponent("gavel-run-\(UUID().uuidString).out").path
        defer { try? FileManager.default.removeItem(atPath: outputFile) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputFile, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        let merged = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = merged.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for pointer in argv { free(pointer) }
            for pointer in envp { free(pointer) }
        }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, executable, &actions, nil, argv, envp)
        guard spawned == 0 else { throw TestPostgresError("cannot run \(executable): error \(spawned)") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let output = (try? String(contentsOfFile: outputFile, encoding: .utf8)) ?? ""
        // WIFEXITED / WEXITSTATUS by hand: the C macros are not imported.
        let exited = status & 0x7f == 0
        return (exited ? (status >> 8) & 0xff : 128 + (status & 0x7f), output)
    }
}

struct TestPostgresError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
