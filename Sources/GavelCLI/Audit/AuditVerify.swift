import GavelLog
import GavelSyntax

/// `gavel audit verify`: 0 intact, 1 tampered (naming the first bad entry), 2 cannot check.
public struct AuditVerify: Sendable {
    public var log: String?
    public var publicKey: String?

    public init(log: String?, publicKey: String?) {
        self.log = log
        self.publicKey = publicKey
    }

    public func run(output: (String) -> Void, errors: (String) -> Void) -> Int32 {
        let report: LogVerifier.Report
        let location: String
        do {
            let key = try publicKey.map(KeyFiles.publicKey(at:))
            let store = try DecisionLogAccess.forReading(log).get()
            location = store.location
            report = try LogVerifier.verify(store, publicKey: key)
        } catch {
            errors(DecisionLogAccess.diagnostic(error).oneLine + "\n")
            return 2
        }
        if let problem = report.problem {
            errors("gavel: the decision log `\(location)` has been tampered with: \(problem)\n")
            return 1
        }
        var text = "intact: \(report.entries) \(report.entries == 1 ? "entry" : "entries"), \(report.blobs) blobs, head \(report.head)"
        if publicKey != nil { text += ", \(report.checkpointsVerified) signed \(report.checkpointsVerified == 1 ? "checkpoint" : "checkpoints") verified" }
        output(text + "\n")
        return 0
    }
}
