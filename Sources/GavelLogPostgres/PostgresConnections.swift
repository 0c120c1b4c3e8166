import Dispatch
import Foundation
import GavelSyntax
import Logging
import NIOCore
import NIOPosix
import PostgresNIO

/// Connections to one database for the store's blocking calls: each call
/// borrows one, and a connection that failed is dropped, so a restarted
/// server is reconnected to on the next call rather than failing forever.
///
/// The calls block their thread on NIO futures: callers are plain threads
/// (the command line, the server's log writer and read queue), never an
/// event loop or the Swift concurrency pool.
final class PostgresConnections: @unchecked Sendable {
    let address: PostgresLogAddress
    private let group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton
    private let logger = Logger(label: "gavel.log.postgres")
    private let lock = NSLock()
    // Guarded by `lock`.
    private var idle: [PostgresConnection] = []
    private var nextID = 1
    private let maxIdle = 8

    init(_ address: PostgresLogAddress) {
        self.address = address
    }

    /// Runs `body` on a borrowed connection; the connection goes back only if `body` succeeded.
    func with<T>(_ body: (PostgresConnection) throws -> T) throws -> T {
        let connection = try borrow()
        do {
            let value = try body(connection)
            lock.withLock {
                if idle.count < maxIdle && !connection.isClosed { idle.append(connection) } else { Self.release(connection) }
            }
            return value
        } catch {
            // Its state (a transaction half done, a broken socket) is unknown: never reuse it.
            Self.release(connection)
            throw error
        }
    }

    private func borrow() throws -> PostgresConnection {
        let (reused, id): (PostgresConnection?, Int) = lock.withLock {
            while let connection = idle.popLast() {
                if !connection.isClosed { return (connection, 0) }
            }
            defer { nextID += 1 }
            return (nil, nextID)
        }
        if let reused { return reused }
        return try PostgresConnection.connect(on: group.next(), configuration: address.configuration, id: id, logger: logger).wait()
    }

    func query(_ connection: PostgresConnection, _ query: PostgresQuery) throws -> [PostgresRow] {
        try wait(for: connection.query(query, logger: logger), on: connection).rows
    }

    func execute(_ connection: PostgresConnection, _ sql: String) throws {
        _ = try wait(for: connection.query(PostgresQuery(unsafeSQL: sql), logger: logger), on: connection)
    }

    /// A little longer than the server's own `statement_timeout`.
    static let replyTimeout: DispatchTimeInterval = .seconds(40)

    /// The future's value, or an error once `replyTimeout` has passed: a
    /// connection whose server vanished mid-query (killed, restarted) was
    /// seen to leave its query unanswered for good, which would stall every
    /// append behind it. The connection is then closed and dropped.
    private func wait<T: Sendable>(for future: EventLoopFuture<T>, on connection: PostgresConnection) throws -> T {
        let done = DispatchSemaphore(value: 0)
        let outcome = Reply<T>()
        future.whenComplete { result in
            outcome.set(result)
            done.signal()
        }
        guard done.wait(timeout: .now() + Self.replyTimeout) == .success, let result = outcome.get() else {
            Self.release(connection)
            throw PostgresReplyTimeout()
        }
        return try result.get()
    }

    /// `body` inside BEGIN … COMMIT; a failure rolls back (by dropping the connection).
    func transaction<T>(_ body: (PostgresConnection) throws -> T) throws -> T {
        try with { connection in
            try execute(connection, "BEGIN")
            let value = try body(connection)
            try execute(connection, "COMMIT")
            return value
        }
    }

    func closeAll() {
        let all = lock.withLock {
            defer { idle = [] }
            return idle
        }
        for connection in all { Self.release(connection) }
    }

    deinit { closeAll() }

    /// Closes a connection, keeping it alive until the close is done (PostgresNIO requires it).
    static func release(_ connection: PostgresConnection) {
        let closing: EventLoopFuture<Void> = connection.close()
        closing.whenComplete { _ in withExtendedLifetime(connection) {} }
    }
}

/// PostgreSQL did not answer a query in time.
struct PostgresReplyTimeout: Error, CustomStringConvertible {
    var description: String { "PostgreSQL did not answer within \(PostgresConnections.replyTimeout)" }
}

/// A query's result, handed from the event loop to the waiting thread.
private final class Reply<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    // Guarded by `lock`.
    private var result: Result<T, any Error>?
    func set(_ value: Result<T, any Error>) { lock.withLock { result = value } }
    func get() -> Result<T, any Error>? { lock.withLock { result } }
}
