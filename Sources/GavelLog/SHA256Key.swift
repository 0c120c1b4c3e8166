import Crypto
import Foundation

/// A SHA-256 digest as 32 raw bytes: the key of a stored blob and the link
/// of the hash chain. Raw rather than hex: the log stores two per entry.
public struct SHA256Key: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let bytes: [UInt8]

    /// The chain's genesis: the `prev_hash` of entry 1.
    public static let zero = SHA256Key(validated: [UInt8](repeating: 0, count: 32))

    init(validated bytes: [UInt8]) { self.bytes = bytes }

    /// nil unless exactly 32 bytes: a stored key of another length is damage, not a key.
    public init?(_ bytes: [UInt8]) {
        guard bytes.count == 32 else { return nil }
        self.bytes = bytes
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
        bytes = out
    }

    public static func of(_ bytes: [UInt8]) -> SHA256Key {
        SHA256Key(validated: bytes.withUnsafeBytes { Array(SHA256.hash(data: $0)) })
    }

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

    public static func < (lhs: SHA256Key, rhs: SHA256Key) -> Bool { lhs.bytes.lexicographicallyPrecedes(rhs.bytes) }

    private static func nibble(_ c: UInt8) -> UInt8? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return c - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return c - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return c - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
