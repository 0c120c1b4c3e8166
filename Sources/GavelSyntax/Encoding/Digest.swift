import Crypto

/// SHA-256 digests as `sha256:<hex>`, the form every record uses.
package enum Digest {
    package static func sha256(_ bytes: some Sequence<UInt8>) -> String {
        "sha256:" + hex(bytes)
    }

    package static func sha256(_ text: String) -> String { sha256(Array(text.utf8)) }

    package static func sha256(raw bytes: UnsafeRawBufferPointer) -> String {
        "sha256:" + hex(digest: SHA256.hash(data: bytes))
    }

    /// Bare lowercase hex, for building other digests.
    package static func hex(_ bytes: some Sequence<UInt8>) -> String {
        if let digest = bytes.withContiguousStorageIfAvailable({ SHA256.hash(data: UnsafeRawBufferPointer($0)) }) {
            return hex(digest: digest)
        }
        return hex(digest: SHA256.hash(data: Array(bytes)))
    }

    /// The first `hexDigits` hex digits of SHA-256 over `parts` joined by
    /// newlines, hashed part by part: no joined copy is built (record ids are
    /// made this way once per case).
    package static func hexPrefix(ofLines parts: [String], hexDigits: Int) -> String {
        var hasher = SHA256()
        for (index, part) in parts.enumerated() {
            if index > 0 {
                var newline = UInt8(ascii: "\n")
                withUnsafeBytes(of: &newline) { hasher.update(bufferPointer: $0) }
            }
            part.withUTF8Bytes { hasher.update(bufferPointer: UnsafeRawBufferPointer($0)) }
        }
        return hex(digest: hasher.finalize(), digits: hexDigits)
    }

    /// The first `digits` lowercase hex digits of a finished digest (its
    /// first `digits / 2` bytes, rounded up), with no string cut afterwards.
    package static func hex(digest: SHA256.Digest, digits count: Int) -> String {
        let digits: StaticString = "0123456789abcdef"
        let count = max(0, min(count, 64))
        return digits.withUTF8Buffer { digit in
            String(unsafeUninitializedCapacity: count) { out in
                var written = 0
                for byte in digest where written < count {
                    out[written] = digit[Int(byte >> 4)]
                    written += 1
                    guard written < count else { break }
                    out[written] = digit[Int(byte & 15)]
                    written += 1
                }
                return written
            }
        }
    }

    /// Lowercase hex of a finished digest, all 64 digits.
    package static func hex(digest: SHA256.Digest) -> String {
        hex(digest: digest, digits: 64)
    }
}
