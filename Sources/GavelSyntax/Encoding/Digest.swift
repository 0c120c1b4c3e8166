import Crypto

/// SHA-256 digests as `sha256:<hex>`, the form every record uses.
package enum Digest {
    package static func sha256(_ bytes: some Sequence<UInt8>) -> String {
        "sha256:" + hex(bytes)
    }

    package static func sha256(_ text: String) -> String { sha256(Array(text.utf8)) }

    /// Bare lowercase hex, for building other digests.
    package static func hex(_ bytes: some Sequence<UInt8>) -> String {
        var hasher = SHA256()
        hasher.update(data: Array(bytes))
        return hasher.finalize().map { byte in
            let s = String(byte, radix: 16)
            return s.count == 1 ? "0" + s : s
        }.joined()
    }
}
