import Crypto
import Foundation
import GavelSyntax

/// Ed25519 key files for checkpoints: one line, a type word and the raw key
/// in base64 (`ed25519-private …` / `ed25519-public …`). The private key
/// file is created with mode 0600 and never overwritten, and is read only
/// while no one but its owner may read or write it.
public enum KeyFiles {
    static let privateTag = "ed25519-private"
    static let publicTag = "ed25519-public"

    /// Writes `PREFIX.key` and `PREFIX.pub`; returns their paths.
    public static func generate(prefix: String) throws -> (privatePath: String, publicPath: String) {
        let key = Curve25519.Signing.PrivateKey()
        let privatePath = prefix + ".key", publicPath = prefix + ".pub"
        for path in [privatePath, publicPath] where FileManager.default.fileExists(atPath: path) {
            throw Diagnostic.log(.badKeyFile, "`\(path)` already exists; a key is never overwritten", path: path, help: "choose another --out prefix")
        }
        try write(privateTag + " " + key.rawRepresentation.base64EncodedString() + "\n", to: privatePath, mode: 0o600)
        try write(publicTag + " " + key.publicKey.rawRepresentation.base64EncodedString() + "\n", to: publicPath, mode: 0o644)
        return (privatePath, publicPath)
    }

    /// Refuses, as ssh does, a private key its group or others may read or
    /// write: a checkpoint signed with a key others may have copied vouches
    /// for nothing.
    public static func privateKey(at path: String) throws -> Curve25519.Signing.PrivateKey {
        var status = stat()
        if stat(path, &status) == 0, status.st_mode & 0o077 != 0 {
            let mode = String(Int(status.st_mode & 0o7777), radix: 8)
            throw Diagnostic.log(
                .badKeyFile,
                "the private key file `\(path)` is open to its group or others (mode \(String(repeating: "0", count: max(0, 4 - mode.count)) + mode)): "
                    + "expected mode 0600, readable and writable by its owner only",
                path: path, help: "run `chmod 600 \(path)`; if others could read it, make a new key pair with `gavel audit keygen`")
        }
        let raw = try read(path, tag: privateTag)
        guard let key = try? Curve25519.Signing.PrivateKey(rawRepresentation: raw) else {
            throw Diagnostic.log(.badKeyFile, "`\(path)` does not hold an Ed25519 private key: expected 32 bytes, found \(raw.count)", path: path)
        }
        return key
    }

    public static func publicKey(at path: String) throws -> Curve25519.Signing.PublicKey {
        let raw = try read(path, tag: publicTag)
        guard let key = try? Curve25519.Signing.PublicKey(rawRepresentation: raw) else {
            throw Diagnostic.log(.badKeyFile, "`\(path)` does not hold an Ed25519 public key: expected 32 bytes, found \(raw.count)", path: path)
        }
        return key
    }

    private static func read(_ path: String, tag: String) throws -> Data {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Diagnostic.log(.badKeyFile, "cannot read the key file `\(path)`", path: path)
        }
        let words = String(decoding: data, as: UTF8.self).split(whereSeparator: \.isWhitespace)
        guard words.count == 2, words[0] == tag, let raw = Data(base64Encoded: String(words[1])) else {
            let found = words.first.map { "`\($0.prefix(40))`" } ?? "an empty file"
            throw Diagnostic.log(
                .badKeyFile, "`\(path)` is not a gavel key file: expected `\(tag) <base64>`, found \(found)", path: path,
                help: "make a key pair with `gavel audit keygen --out PREFIX`")
        }
        return raw
    }

    private static func write(_ text: String, to path: String, mode: mode_t) throws {
        // O_EXCL: created here, with its mode from the start, never a file someone else made first.
        let fd = Foundation.open(path, O_WRONLY | O_CREAT | O_EXCL, mode)
        guard fd >= 0 else {
            throw Diagnostic.log(.badKeyFile, "cannot create the key file `\(path)`: \(String(cString: strerror(errno)))", path: path)
        }
        defer { close(fd) }
        let bytes = Array(text.utf8)
        let written = bytes.withUnsafeBytes { Foundation.write(fd, $0.baseAddress, $0.count) }
        guard written == bytes.count else {
            throw Diagnostic.log(.badKeyFile, "cannot write the key file `\(path)`: \(String(cString: strerror(errno)))", path: path)
        }
        fchmod(fd, mode)
    }
}
