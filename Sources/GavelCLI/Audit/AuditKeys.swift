import GavelLog
import GavelSyntax

/// `gavel audit keygen`: an Ed25519 key pair for checkpoints.
public struct AuditKeygen: Sendable {
    public var prefix: String

    public init(prefix: String) { self.prefix = prefix }

    /// Why `prefix` cannot name the key files, or nil. An empty prefix, or one
    /// that names a folder (`keys/`, `.`), would make hidden files (`.key`,
    /// `..key`) that nobody asked for.
    public static func prefixProblem(_ prefix: String) -> String? {
        let expected = "expected a path prefix such as `keys/ops` (for keys/ops.key and keys/ops.pub)"
        if prefix.isEmpty { return "--out is empty: \(expected)" }
        let name = prefix.split(separator: "/", omittingEmptySubsequences: false).last ?? ""
        if name.isEmpty || name == "." || name == ".." { return "--out `\(prefix)` names a folder, not a file prefix: \(expected)" }
        return nil
    }

    /// 0 written; 2 cannot; 64 a prefix that names no file.
    public func run(output: (String) -> Void, errors: (String) -> Void) -> Int32 {
        if let problem = Self.prefixProblem(prefix) {
            errors("gavel: \(problem)\n")
            return 64
        }
        do {
            let (privatePath, publicPath) = try KeyFiles.generate(prefix: prefix)
            output("private key: \(privatePath) (keep it secret; mode 0600)\npublic key:  \(publicPath) (give it to whoever verifies the log)\n")
            return 0
        } catch {
            errors(DecisionLogAccess.diagnostic(error).oneLine + "\n")
            return 2
        }
    }
}

/// `gavel audit checkpoint`: signs the current chain head, after checking
/// the chain: signing a tampered chain would vouch for the tampering.
public struct AuditCheckpoint: Sendable {
    public var log: String?
    public var key: String

    public init(log: String?, key: String) {
        self.log = log
        self.key = key
    }

    /// 0 signed; 1 the chain is not intact (nothing signed); 2 cannot.
    public func run(output: (String) -> Void, errors: (String) -> Void) -> Int32 {
        do {
            let privateKey = try KeyFiles.privateKey(at: key)
            let store = try DecisionLogAccess.forReading(log).get()
            let report = try LogVerifier.verify(store)
            if let problem = report.problem {
                errors("gavel: not signed: the decision log `\(store.location)` has been tampered with: \(problem)\n")
                return 1
            }
            guard report.entries > 0 else {
                errors(Diagnostic.error(.unknownEntry, "the decision log `\(store.location)` is empty: there is no head to sign", at: nil).oneLine + "\n")
                return 2
            }
            let checkpoint = try Checkpoint.sign(seq: report.entries, head: report.head, signedAt: LogClock.timestamp(), key: privateKey)
            try store.addCheckpoint(checkpoint)
            output("checkpoint: entry \(checkpoint.seq), head \(checkpoint.head), signed at \(checkpoint.signedAt)\n")
            return 0
        } catch {
            errors(DecisionLogAccess.diagnostic(error).oneLine + "\n")
            return 2
        }
    }
}
