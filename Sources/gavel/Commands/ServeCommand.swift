import ArgumentParser
import Dispatch
import Foundation
import GavelCLI
import GavelServer

struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve decisions over HTTP, logging each before it is answered (docs/server.md)."
    )

    @Option(help: "The policy bundle directory.")
    var policies = "Policies"

    @Option(help: "The decision log: an SQLite file, or postgres://USER@HOST:PORT/DATABASE shared by several nodes (default: \(DecisionLogAccess.defaultPath)).")
    var log: String?

    @Option(help: "The address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "The port to listen on; 0 picks a free one (the port is printed).")
    var port = 8080

    @Option(help: "The bearer tokens and their roles (YAML: tokens: [{ name, sha256, roles }]).")
    var auth: String?

    @Flag(help: "Serve without access control (every caller has every role); only for a trusted local network.")
    var noAuth = false

    @Option(help: "The largest request body, and the longest line of a batch, in bytes.")
    var maxBodyBytes = 1 << 20

    @Option(help: "Seconds a connection may send nothing (between requests or mid-body) before it is closed.")
    var requestTimeout = 30.0

    func validate() throws {
        // A port past 65,535 wrapped round to another one, on which the service then listened.
        if !(0 ... 65_535).contains(port) { throw ValidationError("--port must be from 0 to 65535, found \(port)") }
        if maxBodyBytes < 1 { throw ValidationError("--max-body-bytes must be at least 1, found \(maxBodyBytes)") }
        if !(requestTimeout > 0) { throw ValidationError("--request-timeout must be a positive number of seconds, found \(requestTimeout)") }
    }

    func run() throws {
        let options = ServeOptions(
            policies: policies, log: log ?? DecisionLogAccess.defaultPath, host: host, port: port, authFile: auth, noAuth: noAuth,
            maxBodyBytes: maxBodyBytes, requestTimeout: requestTimeout)
        let done = DispatchSemaphore(value: 0)
        let status = StatusBox()
        Task.detached {
            status.value = await GavelServe.run(options, output: { Terminal.out($0) }, errors: { Terminal.err($0) })
            done.signal()
        }
        done.wait()
        if status.value != 0 { throw ExitCode(status.value) }
    }
}

/// The exit status, handed from the serving task to the main thread.
private final class StatusBox: @unchecked Sendable {
    // Written once before the semaphore is signalled, read after waiting on it.
    var value: Int32 = 0
}
