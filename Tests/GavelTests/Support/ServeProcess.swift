import Foundation
import Testing

@testable import GavelSyntax

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// A real `gavel serve` process on a loopback port of its own, stopped
/// (SIGTERM, or SIGKILL when a test asks) when the test is done with it.
final class ServeProcess: @unchecked Sendable {
    let process: Process
    let port: Int
    private let errors = LockedText()
    private let output = LockedText()

    /// Starts `gavel serve` with `arguments` (plus `--port 0`) and waits for it to listen.
    init(_ arguments: [String], in folder: String, timeout: Double = 60) throws {
        process = GavelProcess.process(["serve", "--host", "127.0.0.1", "--port", "0"] + arguments, in: folder)
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        let output = self.output, errors = self.errors
        out.fileHandleForReading.readabilityHandler = { handle in output.append(handle.availableData) }
        err.fileHandleForReading.readabilityHandler = { handle in errors.append(handle.availableData) }
        try process.run()
        let deadline = Date().addingTimeInterval(timeout)
        var found: Int?
        while Date() < deadline, process.isRunning {
            if let range = output.text.range(of: "listening on http://127.0.0.1:") {
                let digits = output.text[range.upperBound...].prefix { $0.isNumber }
                found = Int(digits)
                if found != nil { break }
            }
            usleep(20_000)
        }
        guard let found else {
            if process.isRunning { process.terminate() }
            process.waitUntilExit()
            throw TestPostgresError("gavel serve did not start: \(errors.text)\(output.text)")
        }
        port = found
    }

    var base: String { "http://127.0.0.1:\(port)" }
    var stderr: String { errors.text }

    func signal(_ number: Int32) { kill(process.processIdentifier, number) }

    /// SIGTERM and wait: a graceful stop.
    @discardableResult
    func stop() -> Int32 {
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// SIGKILL: no chance to finish anything.
    func kill9() {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }

    deinit {
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
    }
}

final class LockedText: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()
    func append(_ more: Data) { lock.withLock { data.append(more) } }
    var text: String { lock.withLock { String(decoding: data, as: UTF8.self) } }
}

/// One HTTP exchange over loopback, synchronously.
struct HTTPReply: Sendable {
    var status: Int
    var headers: [String: String]
    var body: Data
    var text: String { String(decoding: body, as: UTF8.self) }

    func json() throws -> [String: Any] {
        guard let object = try JSONSerialization.jsonObject(with: body) as? [String: Any] else {
            throw TestPostgresError("not a JSON object: \(text)")
        }
        return object
    }
}

enum HTTP {
    static let session: URLSession = {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = 60
        configuration.httpMaximumConnectionsPerHost = 16
        return URLSession(configuration: configuration)
    }()

    static func request(
        _ method: String, _ url: String, token: String? = nil, body: Data? = nil, contentType: String? = nil
    ) throws -> HTTPReply {
        guard let target = URL(string: url) else { throw TestPostgresError("bad URL \(url)") }
        var request = URLRequest(url: target)
        request.httpMethod = method
        request.httpBody = body
        if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        if let contentType { request.setValue(contentType, forHTTPHeaderField: "Content-Type") }
        let done = DispatchSemaphore(value: 0)
        let box = ReplyBox()
        session.dataTask(with: request) { data, response, error in
            if let response = response as? HTTPURLResponse {
                var headers: [String: String] = [:]
                for (key, value) in response.allHeaderFields {
                    if let key = key as? String, let value = value as? String { headers[key.lowercased()] = value }
                }
                box.set(.success(HTTPReply(status: response.statusCode, headers: headers, body: data ?? Data())))
            } else {
                box.set(.failure(TestPostgresError("\(method) \(url): \(error.map { "\($0)" } ?? "no response")")))
            }
            done.signal()
        }.resume()
        done.wait()
        return try box.get()
    }

    static func get(_ url: String, token: String? = nil) throws -> HTTPReply { try request("GET", url, token: token) }

    static func post(_ url: String, token: String? = nil, _ body: String, contentType: String = "application/json") throws -> HTTPReply {
        try request("POST", url, token: token, body: Data(body.utf8), contentType: contentType)
    }
}

final class ReplyBox: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Result<HTTPReply, any Error> = .failure(TestPostgresError("no reply"))
    func set(_ v: Result<HTTPReply, any Error>) { lock.withLock { value = v } }
    func get() throws -> HTTPReply { try lock.withLock { value }.get() }
}

/// Tokens for tests: each token's SHA-256 in an auth file, roles as named.
enum TestTokens {
    static let evaluator = "tok-evaluate-0123456789"
    static let auditor = "tok-audit-0123456789"
    static let operatorToken = "tok-override-0123456789"
    static let everything = "tok-all-0123456789"

    static func sha256(_ text: String) -> String {
        Digest.hex(Array(text.utf8))
    }

    static var file: String {
        """
        tokens:
          - { name: evaluator, sha256: \(sha256(evaluator)), roles: [evaluate] }
          - { name: auditor, sha256: \(sha256(auditor)), roles: [audit-read] }
          - { name: operator, sha256: \(sha256(operatorToken)), roles: [override] }
          - { name: admin, sha256: \(sha256(everything)), roles: [evaluate, audit-read, override] }
        """
    }
}
