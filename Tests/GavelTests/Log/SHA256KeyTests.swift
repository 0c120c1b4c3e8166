import Crypto
import Testing

@testable import GavelLog

@Suite("decision log: SHA-256 keys")
struct SHA256KeyTests {
    /// Keys from fixed byte patterns, some differing only in their last byte or first word.
    static let samples: [[UInt8]] = [
        [UInt8](repeating: 0, count: 32),
        [UInt8](repeating: 0, count: 31) + [1],
        [1] + [UInt8](repeating: 0, count: 31),
        [UInt8](repeating: 0xFF, count: 32),
        (0 ..< 32).map { UInt8($0) },
        (0 ..< 32).map { UInt8(255 - $0) },
        [UInt8](repeating: 0x7F, count: 8) + [UInt8](repeating: 0x80, count: 24),
        Array(SHA256.hash(data: Array("gavel".utf8))),
    ]

    @Test("a key gives back the bytes it was made of, in place and as an array", arguments: samples)
    func roundTrip(bytes: [UInt8]) throws {
        let key = try #require(SHA256Key(bytes))
        #expect(key.bytes == bytes)
        #expect(key.withUnsafeBytes { Array($0) } == bytes)
        #expect(SHA256Key(hex: key.hex) == key)
    }

    @Test("keys order as their bytes do and are equal exactly when their bytes are")
    func ordering() throws {
        for a in Self.samples {
            for b in Self.samples {
                let ka = try #require(SHA256Key(a)), kb = try #require(SHA256Key(b))
                #expect((ka < kb) == a.lexicographicallyPrecedes(b))
                #expect((ka == kb) == (a == b))
                #expect(ka != kb || ka.hashValue == kb.hashValue)
            }
        }
    }

    @Test("a key is exactly 32 bytes")
    func length() {
        #expect(SHA256Key([UInt8](repeating: 1, count: 31)) == nil)
        #expect(SHA256Key([UInt8](repeating: 1, count: 33)) == nil)
        #expect(SHA256Key(hex: String(repeating: "a", count: 62)) == nil)
        #expect(SHA256Key.zero.bytes == [UInt8](repeating: 0, count: 32))
    }

    @Test("a digest of bytes is their SHA-256")
    func digest() {
        let text = Array("kind: Case\nid: c1\n".utf8)
        #expect(SHA256Key.of(text).bytes == Array(SHA256.hash(data: text)))
    }
}
