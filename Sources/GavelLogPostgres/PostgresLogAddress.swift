import Foundation
import GavelSyntax
import PostgresNIO

/// A `postgres://user:password@host:port/database` URL, as `--log` takes it.
/// Only the parts PostgreSQL needs are read; the password is never printed.
public struct PostgresLogAddress: Sendable, Hashable {
    public var host: String
    public var port: Int
    public var user: String
    public var password: String?
    public var database: String

    /// Whether `--log` names a PostgreSQL log rather than an SQLite file.
    public static func isPostgres(_ log: String) -> Bool {
        log.hasPrefix("postgres://") || log.hasPrefix("postgresql://")
    }

    public init(_ text: String) throws {
        guard Self.isPostgres(text), let url = URLComponents(string: text), let host = url.host, !host.isEmpty else {
            throw Diagnostic.error(
                .logUnwritable, "`\(Self.redacted(text))` is not a PostgreSQL URL: expected postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE",
                at: nil)
        }
        self.host = host
        port = url.port ?? 5432
        user = url.user.flatMap { $0.removingPercentEncoding } ?? ProcessInfo.processInfo.environment["USER"] ?? "postgres"
        password = url.password.flatMap { $0.removingPercentEncoding }
        let path = url.path.hasPrefix("/") ? String(url.path.dropFirst()) : url.path
        database = path.isEmpty ? user : path
    }

    /// The URL without its password: what messages name.
    public var display: String {
        "postgres://\(user)@\(host):\(port)/\(database)"
    }

    static func redacted(_ text: String) -> String {
        guard let url = URLComponents(string: text), url.password != nil else { return text }
        var copy = url
        copy.password = "***"
        return copy.string ?? "postgres://…"
    }

    var configuration: PostgresConnection.Configuration {
        var configuration = PostgresConnection.Configuration(
            host: host, port: port, username: user, password: password, database: database, tls: .disable)
        configuration.options.connectTimeout = .seconds(5)
        // A statement that waits this long is a stuck server or lock: fail it rather than hang a request.
        configuration.options.additionalStartupParameters = [("statement_timeout", "30s"), ("application_name", "gavel")]
        return configuration
    }
}
