import Crypto
import Foundation

/// A SHA-256 digest as 32 raw bytes: the key of a stored blob and the link
/// of the hash chain. Raw rather than hex: the log stores two per entry.
///
/// Held inline, not in an array: every entry of a run refers to the same
/// bundle key, and an array's one reference count, retained by each deciding
/// thread and released by the appending one, passed its cache line between
/// the cores for every decision.
public struct SHA256Key: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The digest's bytes in order, eight to a word, each word big-endian so that words compare as the bytes do.
    private let words: (UInt64, UInt64, UInt64, UInt64)

    /// The chain's genesis: the `prev_hash` of entry 1.
    public static let zero = SHA256Key(words: (0, 0, 0, 0))

    private init(words: (UInt64, UInt64, UInt64, UInt64)) { self.words = words }

    init(validated bytes: some Collection<UInt8>) {
        var raw: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        Swift.withUnsafeMutableBytes(of: &raw) { out in
            for (i, byte) in bytes.prefix(32).enumerated() { out[i] = byte }
        }
        words = (UInt64(bigEndian: raw.0), UInt64(bigEndian: raw.1), UInt64(bigEndian: raw.2), UInt64(bigEndian: raw.3))
    }

    /// nil unless exactly 32 bytes: a stored key of another length is damage, not a key.
    public init?(_ bytes: [UInt8]) {
        guard bytes.count == 32 else { return nil }
        self.init(validated: bytes)
    }

    /// The 32 bytes, as a new array: for the cold paths; the hot ones use `withUnsafeBytes`.
    public var bytes: [UInt8] { withUnsafeBytes { Array($0) } }

    /// Calls `body` with the 32 bytes in place.
    public func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        var bigEndian = (words.0.bigEndian, words.1.bigEndian, words.2.bigEndian, words.3.bigEndian)
        return try Swift.withUnsafeBytes(of: &bigEndian, body)
    }

    public static func == (lhs: SHA256Key, rhs: SHA256Key) -> Bool {
        lhs.words.0 == rhs.words.0 && lhs.words.1 == rhs.words.1 && lhs.words.2 == rhs.words.2 && lhs.words.3 == rhs.words.3
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(words.0)
        hasher.combine(words.1)
        hasher.combine(words.2)
        hasher.combine(words.3)
    }

    public init?(hex: String) {
        let digits = Array(hex.utf8)
        guard digits.count == 64 else { return nil }
        var out = [UInt8]()
        out.reserveCapacity(32)
        var index = 0
        while index < 64 {
            guard let high = Self.nibble(digits[index]), let low = Self.nibble(digits[index + 1]) else { return nil }
            out.append(high << 4 | low)
            index += 2
        }
        self.init(validated: out)
    }

    public static func of(_ bytes: [UInt8]) -> SHA256Key {
        SHA256Key(bytes.withUnsafeBytes { SHA256.hash(data: $0) })
    }

    /// A finished digest, read in place.
    init(_ digest: SHA256Digest) { self = digest.withUnsafeBytes { SHA256Key(validated: $0) } }

    public var hex: String {
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        out.reserveCapacity(64)
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 15)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    public var description: String { "sha256:" + hex }

    public static func < (lhs: SHA256Key, rhs: SHA256Key) -> Bool {
        (lhs.words.0, lhs.words.1, lhs.words.2, lhs.words.3) < (rhs.words.0, rhs.words.1, rhs.words.2, rhs.words.3)
    }

    private static func nibble(_ c: UInt8) -> UInt8? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return c - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return c - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return c - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
