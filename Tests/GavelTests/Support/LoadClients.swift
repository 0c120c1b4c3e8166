import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// A bounded load of single decisions from plain threads, each case with an
/// id of its own, recording which were acknowledged (200 with the record).
final class DecisionLoad: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var acknowledged: [String] = []
    private(set) var statuses: [Int: Int] = [:]
    private(set) var transportErrors = 0
    private var stopping = false
    private var threads: [Thread] = []
    private let finished = DispatchGroup()

    /// `targets` are base URLs; worker i starts on target i % count and moves on after each request.
    init(targets: @escaping @Sendable () -> [String], workers: Int, prefix: String, maxPerWorker: Int = 20_000) {
        for worker in 0..<workers {
            finished.enter()
            let thread = Thread { [self] in
                defer { finished.leave() }
                for n in 0..<maxPerWorker {
                    if lock.withLock({ stopping }) { return }
                    let bases = targets()
                    let base = bases[(worker + n) % bases.count]
                    let id = "\(prefix)-\(worker)-\(n)"
                    do {
                        let reply = try HTTP.post(base + "/v1/decisions", token: TestTokens.evaluator, ServeTests.jsonCase(id))
                        lock.withLock {
                            statuses[reply.status, default: 0] += 1
                            if reply.status == 200, reply.text.contains("\"id\":\"\(id)\"") { acknowledged.append(id) }
                        }
                        if reply.status != 200 { usleep(20_000) }
                    } catch {
                        lock.withLock { transportErrors += 1 }
                        usleep(20_000)
                    }
                }
            }
            threads.append(thread)
            thread.start()
        }
    }

    func stop() {
        lock.withLock { stopping = true }
        finished.wait()
    }

    var acknowledgedCount: Int { lock.withLock { acknowledged.count } }
    func count(_ status: Int) -> Int { lock.withLock { statuses[status, default: 0] } }
}

/// A raw HTTP/1.1 connection on loopback, for what URLSession cannot do:
/// stream a request body in chunks and hang up in the middle.
final class RawConnection {
    private let descriptor: Int32

    init(port: Int) throws {
        descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw TestPostgresError("cannot connect to port \(port)") }
        var timeout = timeval(tv_sec: 30, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    }

    func send(_ text: String) throws {
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let sent = bytes.withUnsafeMutableBytes { Glibc.send(descriptor, $0.baseAddress! + offset, $0.count - offset, Int32(MSG_NOSIGNAL)) }
            guard sent > 0 else { throw TestPostgresError("send failed") }
            offset += sent
        }
    }

    /// One chunk of a chunked request body.
    func sendChunk(_ text: String) throws {
        try send(String(Array(text.utf8).count, radix: 16) + "\r\n" + text + "\r\n")
    }

    /// Reads until `enough` says the bytes so far suffice, or the peer closes.
    func read(until enough: (String) -> Bool) -> String {
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while !enough(String(decoding: received, as: UTF8.self)) {
            let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            if count <= 0 { break }
            received += buffer[0..<count]
        }
        return String(decoding: received, as: UTF8.self)
    }

    /// Hangs up at once: a reset, not an orderly close.
    func abort() {
        var linger = Glibc.linger(l_onoff: 1, l_linger: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_LINGER, &linger, socklen_t(MemoryLayout<Glibc.linger>.size))
        close(descriptor)
    }
}
