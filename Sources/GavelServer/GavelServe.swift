import Foundation
import GavelLog
import GavelLogPostgres
import GavelSyntax
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle
import UnixSignals

/// `gavel serve`: loads the bundle and opens the log (refusing to start on
/// either failing), then serves until SIGTERM or SIGINT, when requests in
/// flight finish and their decisions are committed before it exits.
public enum GavelServe {
    /// Exit status: 0 after a graceful stop, 2 when it could not start.
    public static func run(_ options: ServeOptions, output: @escaping @Sendable (String) -> Void, errors: @escaping @Sendable (String) -> Void) async -> Int32 {
        let tokens: AccessTokens
        switch (options.authFile, options.noAuth) {
        case (let file?, false):
            switch AccessTokens.load(file) {
            case .failure(let error):
                errors("gavel: the token file `\(file)` cannot be used:\n" + error.diagnostics.map { $0.oneLine + "\n" }.joined())
                return 2
            case .success(let t): tokens = t
            }
        case (nil, true): tokens = .open
        case (nil, false):
            errors("gavel: serve needs --auth FILE (bearer tokens and their roles), or --no-auth to serve without access control\n")
            return 2
        case (_?, true):
            errors("gavel: --auth and --no-auth cannot be used together\n")
            return 2
        }
        let bundle: LoadedBundle
        switch LoadedBundle.load(options.policies, screeningCache: options.screeningCache) {
        case .failure(let error):
            errors("gavel: the policy bundle `\(options.policies)` cannot be served:\n" + error.diagnostics.map { $0.oneLine + "\n" }.joined())
            return 2
        case .success(let b): bundle = b
        }
        let store: any DecisionStore
        do {
            if PostgresLogAddress.isPostgres(options.log) {
                store = try PostgresDecisionStore.open(options.log, create: true)
            } else {
                store = try SQLiteDecisionStore.open(options.log, create: true)
            }
        } catch {
            errors(((error as? Diagnostic)?.oneLine ?? "gavel: the decision log cannot be opened: \(error)") + "\n")
            return 2
        }
        var logger = Logger(label: "gavel.serve")
        logger.logLevel = ProcessInfo.processInfo.environment["GAVEL_LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? .info
        let service = DecisionService(options: options, bundle: bundle, store: store, tokens: tokens, metrics: ServerMetrics(), logger: logger)

        let router = Router()
        router.add(middleware: APIErrorMiddleware())
        service.addDecisionRoutes(to: router)
        service.addOperationsRoutes(to: router)
        let host = options.host
        let app = Application(
            router: router,
            server: .http1(configuration: .init(idleTimeout: .milliseconds(Int64(max(1, options.requestTimeout) * 1000)))),
            configuration: ApplicationConfiguration(address: .hostname(host, port: options.port), serverName: "gavel"),
            services: [LogWriterService(writer: service.writer), ReloadOnHangup(service: service)],
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? options.port
                output("gavel serve: listening on http://\(host):\(port) (bundle \(bundle.id) \(bundle.digest), log \(store.location))\n")
            },
            logger: logger)
        do {
            try await app.runService(gracefulShutdownSignals: [.sigterm, .sigint])
        } catch {
            errors("gavel: serve stopped: \(error)\n")
            return 2
        }
        return 0
    }
}

/// Stops the log writer last, after the server has answered its requests.
struct LogWriterService: Service {
    let writer: DecisionLogWriter

    func run() async throws {
        try? await gracefulShutdown()
        writer.stop()
    }
}

/// SIGHUP reloads the bundle, as `POST /v1/bundle:reload` does.
struct ReloadOnHangup: Service {
    let service: DecisionService

    func run() async throws {
        for await _ in await UnixSignalsSequence(trapping: .sighup).cancelOnGracefulShutdown() {
            _ = await service.reload(reason: "SIGHUP")
        }
    }
}
