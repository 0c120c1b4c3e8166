import Dispatch
import Foundation
import GavelEngine
import GavelLog
import GavelSyntax
import HTTPTypes
import Hummingbird
import Logging
import NIOCore

/// What every route shares: the bundle in service, the log and its writer,
/// the tokens, the metrics.
final class DecisionService: Sendable {
    let options: ServeOptions
    let bundles: BundleHolder
    let store: any DecisionStore
    let writer: DecisionLogWriter
    let tokens: AccessTokens
    let metrics: ServerMetrics
    let logger: Logger

    init(options: ServeOptions, bundle: LoadedBundle, store: any DecisionStore, tokens: AccessTokens, metrics: ServerMetrics, logger: Logger) {
        self.options = options
        bundles = BundleHolder(bundle)
        self.store = store
        self.tokens = tokens
        self.metrics = metrics
        self.logger = logger
        writer = DecisionLogWriter(store: store, metrics: metrics)
        metrics.bundle(id: bundle.id, digest: bundle.digest, replacing: nil)
    }

    // MARK: Access

    func authorize(_ request: Request, _ role: AccessTokens.Role) throws -> AccessTokens.Principal {
        switch tokens.authorize(request.headers[.authorization], role: role) {
        case .success(let principal): return principal
        case .failure(.unauthenticated):
            throw APIError(
                status: .unauthorized, message: "a valid bearer token is required (Authorization: Bearer TOKEN)",
                headers: [.wwwAuthenticate: "Bearer realm=\"gavel\""])
        case .failure(.forbidden(let principal, let role)):
            throw APIError(status: .forbidden, message: "the token `\(principal.name)` does not have the role `\(role.rawValue)`")
        }
    }

    /// Any valid token, whatever its roles.
    func authenticate(_ request: Request) throws {
        for role in AccessTokens.Role.allCases {
            if case .success = tokens.authorize(request.headers[.authorization], role: role) { return }
        }
        _ = try authorize(request, .evaluate)
    }

    // MARK: Bodies and blocking work

    /// The whole body, within the size limit. A body that stalls is cut off
    /// by the connection's idle timeout (`--request-timeout`), not a timer
    /// per request: one timer per request cost more than a decision.
    func body(_ request: Request) async throws -> [UInt8] {
        let limit = options.maxBodyBytes
        do {
            return Array(try await request.body.collect(upTo: limit).readableBytesView)
        } catch is NIOTooManyBytesError {
            throw APIError(status: .contentTooLarge, message: "the request body is larger than \(limit) bytes (--max-body-bytes)")
        } catch let error as APIError {
            throw error
        } catch let error as HTTPError {
            throw error
        } catch {
            // The body as sent could not be read (a malformed chunk size, say): the client's request, not the service, is at fault.
            throw APIError(status: .badRequest, message: "the request body could not be read: \(error)")
        }
    }

    func within<T: Sendable>(seconds: Double, _ message: String, _ work: @escaping @Sendable () async throws -> T) async throws -> T {
        try await withThrowingTaskGroup(of: T.self) { group in
            group.addTask { try await work() }
            group.addTask {
                try await Task.sleep(for: .milliseconds(Int64(seconds * 1000)))
                throw APIError(status: .requestTimeout, message: message)
            }
            defer { group.cancelAll() }
            guard let first = try await group.next() else { throw APIError(status: .requestTimeout, message: message) }
            return first
        }
    }

    /// The store's calls block: they run on a Dispatch thread, never on the concurrency pool.
    func blocking<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(with: Result { try work() }) }
        }
    }

    static func logUnavailable(_ error: any Error) -> APIError {
        let reason = (error as? Diagnostic)?.message ?? "\(error)"
        return APIError(
            status: .serviceUnavailable, message: "the decision log cannot be written, so nothing was decided: \(reason)",
            headers: [.retryAfter: "1"])
    }

    static func json(_ bytes: [UInt8], status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "application/json"], body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes + [10])))
    }

    static func text(_ text: String, contentType: String = "text/plain; charset=utf-8") -> Response {
        Response(status: .ok, headers: [.contentType: contentType], body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }

    // MARK: Reload

    /// Loads and lints the bundle folder again; swaps only a clean bundle in.
    func reload(reason: String) async -> BundleHolder.ReloadOutcome {
        let outcome = (try? await blocking { [bundles] in bundles.reload() }) ?? .busy
        switch outcome {
        case .swapped(let old, let new):
            metrics.reloaded(applied: true)
            metrics.bundle(id: new.id, digest: new.digest, replacing: (old.id, old.digest))
            logger.info("bundle reloaded (\(reason)): \(old.digest) → \(new.digest)")
        case .refused(let error):
            metrics.reloaded(applied: false)
            let problems = error.diagnostics.map(\.oneLine).joined(separator: "\n")
            logger.error("bundle reload (\(reason)) refused; \(bundles.current.digest) keeps serving:\n\(problems)")
        case .busy:
            logger.warning("bundle reload (\(reason)) skipped: another reload is in progress")
        }
        return outcome
    }
}
