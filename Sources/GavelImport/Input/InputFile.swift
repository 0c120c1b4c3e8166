import CZlib
import Crypto
import Foundation
import GavelSyntax

/// One official list file, read front to back in fixed-size chunks: never
/// the whole file in memory. A `.gz` file (gzip magic bytes, whatever its
/// name) is inflated as it is read. The digest is of the bytes on disk, the
/// file as published or stored, so a snapshot can be matched with its copy.
package final class InputFile {
    package let path: String
    package let size: Int64
    private let descriptor: Int32
    private var hasher = SHA256()
    private var inflater: Inflater?
    private var raw: [UInt8]
    private var rawStart = 0
    private var rawEnd = 0
    private var atEnd = false
    private let progress: ImportProgress?
    /// A failure while reading (an I/O error, a corrupt gzip stream).
    package private(set) var failure: Diagnostic?

    static let chunkSize = 64 << 10

    package init(path: String, progress: ImportProgress?) throws(DiagnosticError) {
        self.path = path
        self.progress = progress
        var status = stat()
        let fd = open(path, O_RDONLY)
        guard fd >= 0, fstat(fd, &status) == 0 else {
            if fd >= 0 { close(fd) }
            throw DiagnosticError(
                .error(.unreadableFile, "cannot read `\(path)`: \(String(cString: strerror(errno)))", at: nil))
        }
        guard (status.st_mode & S_IFMT) == S_IFREG else {
            close(fd)
            throw DiagnosticError(.error(.unreadableFile, "`\(path)` is not a regular file", at: nil))
        }
        descriptor = fd
        size = Int64(status.st_size)
        raw = [UInt8](repeating: 0, count: Self.chunkSize)
        fillRaw()
        if rawEnd - rawStart >= 2, raw[rawStart] == 0x1F, raw[rawStart + 1] == 0x8B {
            inflater = Inflater()
        }
    }

    deinit { close(descriptor) }

    /// `sha256:<hex>` of every byte read from disk; call after reading to the end.
    package func finishDigest() -> String {
        "sha256:" + Digest.hex(digest: hasher.finalize())
    }

    private func fillRaw() {
        guard !atEnd else { return }
        let count = raw.withUnsafeMutableBytes { buffer -> Int in
            while true {
                let n = Foundation.read(descriptor, buffer.baseAddress, buffer.count)
                if n < 0 && errno == EINTR { continue }
                return n
            }
        }
        if count < 0 {
            failure = .error(.unreadableFile, "cannot read `\(path)`: \(String(cString: strerror(errno)))", at: nil)
            atEnd = true
            rawStart = 0
            rawEnd = 0
            return
        }
        if count == 0 { atEnd = true }
        raw.withUnsafeBytes { hasher.update(bufferPointer: UnsafeRawBufferPointer(rebasing: $0[0..<count])) }
        progress?.advance(by: count)
        rawStart = 0
        rawEnd = count
    }

    /// Up to `capacity` bytes of content (inflated for gzip); 0 at the end, -1 on failure.
    package func read(into buffer: UnsafeMutablePointer<UInt8>, capacity: Int) -> Int {
        if failure != nil { return -1 }
        if inflater == nil {
            if rawStart == rawEnd { fillRaw() }
            if failure != nil { return -1 }
            let n = min(capacity, rawEnd - rawStart)
            raw.withUnsafeBytes { source in
                if let base = source.baseAddress { buffer.update(from: base.assumingMemoryBound(to: UInt8.self) + rawStart, count: n) }
            }
            rawStart += n
            return n
        }
        while true {
            if rawStart == rawEnd && !atEnd { fillRaw() }
            if failure != nil { return -1 }
            guard let inflater else { return -1 }
            let (consumed, produced, result) = raw.withUnsafeMutableBytes { source in
                inflater.inflate(
                    from: source.baseAddress!.assumingMemoryBound(to: UInt8.self) + rawStart, count: rawEnd - rawStart,
                    into: buffer, capacity: capacity)
            }
            rawStart += consumed
            switch result {
            case .failed(let message):
                failure = .error(.unreadableFile, "`\(path)` is not a valid gzip file: \(message)", at: nil)
                return -1
            case .streamEnd:
                if produced > 0 { return produced }
                // Concatenated gzip members are allowed by RFC 1952; start the next one.
                if rawStart == rawEnd { fillRaw() }
                if rawStart == rawEnd { return 0 }
                inflater.reset()
            case .more:
                if produced > 0 { return produced }
                if atEnd && rawStart == rawEnd {
                    failure = .error(.unreadableFile, "`\(path)` ends in the middle of its gzip stream", at: nil)
                    return -1
                }
            }
        }
    }
}

/// zlib's inflate with gzip framing, one stream at a time.
final class Inflater {
    enum Result { case more, streamEnd, failed(String) }
    private var stream = z_stream()

    init() {
        // 15 + 16: a gzip header and trailer around a deflate stream with a 32 KiB window.
        inflateInit2_(&stream, 15 + 16, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
    }

    deinit { inflateEnd(&stream) }

    func reset() { inflateReset(&stream) }

    func inflate(
        from input: UnsafeMutablePointer<UInt8>, count: Int, into output: UnsafeMutablePointer<UInt8>, capacity: Int
    ) -> (consumed: Int, produced: Int, Result) {
        stream.next_in = input
        stream.avail_in = UInt32(count)
        stream.next_out = output
        stream.avail_out = UInt32(capacity)
        let status = CZlib.inflate(&stream, Z_NO_FLUSH)
        let consumed = count - Int(stream.avail_in)
        let produced = capacity - Int(stream.avail_out)
        switch status {
        case Z_STREAM_END: return (consumed, produced, .streamEnd)
        case Z_OK, Z_BUF_ERROR: return (consumed, produced, .more)
        default:
            let message = stream.msg.map { String(cString: $0) } ?? "zlib error \(status)"
            return (consumed, produced, .failed(message))
        }
    }
}
