import Crypto
import Foundation

/// A signed statement "the chain had `seq` entries and this head hash",
/// stored in the log. Whoever holds only the public key can check it, so a
/// chain rewritten end to end (every hash recomputed) still shows: its head
/// at `seq` no longer matches what was signed.
public struct Checkpoint: Sendable, Hashable {
    public var seq: Int64
    public var head: SHA256Key
    public var signedAt: String
    /// Raw Ed25519 public key (32 bytes).
    public var publicKey: [UInt8]
    public var signature: [UInt8]

    /// What is signed: versioned, one field a line.
    public static func message(seq: Int64, head: SHA256Key, signedAt: String) -> [UInt8] {
        Array("gavel-log-checkpoint/1\n\(seq)\n\(head.hex)\n\(signedAt)\n".utf8)
    }

    public static func sign(seq: Int64, head: SHA256Key, signedAt: String, key: Curve25519.Signing.PrivateKey) throws -> Checkpoint {
        let signature = try key.signature(for: message(seq: seq, head: head, signedAt: signedAt))
        return Checkpoint(
            seq: seq, head: head, signedAt: signedAt, publicKey: Array(key.publicKey.rawRepresentation), signature: Array(signature))
    }

    public func isSigned(by key: Curve25519.Signing.PublicKey) -> Bool {
        key.isValidSignature(signature, for: Self.message(seq: seq, head: head, signedAt: signedAt))
    }
}
