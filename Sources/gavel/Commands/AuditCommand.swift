import ArgumentParser
import GavelCLI
import GavelLog

struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Read and check the decision log that `gavel evaluate` appends to.",
        subcommands: [
            AuditListCommand.self, AuditShowCommand.self, AuditVerifyCommand.self, AuditKeygenCommand.self, AuditCheckpointCommand.self,
        ]
    )
}

/// `--log PATH`, shared by every audit command.
struct LogOption: ParsableArguments {
    @Option(help: "The decision log (default: \(DecisionLogAccess.defaultPath)).")
    var log: String?
}

struct AuditListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List logged decisions, oldest first.", discussion: "Exit status: 0; 2 when the log cannot be read.")

    @OptionGroup var logOption: LogOption
    @Option(name: .customLong("case"), help: "Only this case id.") var caseID: String?
    @Option(help: "Only this decision (e.g. terminate).") var decision: String?
    @Option(help: "Only decisions in which this rule matched.") var rule: String?
    @Option(help: "Only entries logged on or after this date or time (UTC).") var since: String?
    @Option(help: "Only entries logged on or before this date or time (UTC).") var until: String?
    @Option(help: "table or json.") var format: AuditList.Format = .table

    func run() throws {
        var bounds: [String?] = []
        for (flag, text) in [("--since", since), ("--until", until)] {
            guard let text else {
                bounds.append(nil)
                continue
            }
            guard let bound = AuditList.bound(text) else {
                throw ValidationError("\(flag) must be a date (YYYY-MM-DD) or an RFC 3339 timestamp, found `\(text)`")
            }
            bounds.append(bound)
        }
        let filter = EntryFilter(caseID: caseID, decision: decision, rule: rule, since: bounds[0], until: bounds[1])
        let status = AuditList(log: logOption.log, filter: filter, format: format).run(output: Terminal.out, errors: Terminal.err)
        if status != 0 { throw ExitCode(status) }
    }
}

struct AuditShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Print a logged decision's audit trail as `evaluate` printed it.",
        discussion: "Exit status: 0; 1 unknown id; 2 when the log or the entry cannot be read.")

    @Argument(help: "A record id (gvl-…; its latest entry) or an entry's sequence number.") var id: String
    @OptionGroup var logOption: LogOption
    @Option(help: "text (the audit trail) or json (the record as logged).") var format: AuditShow.Format = .text

    func run() throws {
        let status = AuditShow(log: logOption.log, id: id, format: format).run(output: Terminal.out, errors: Terminal.err)
        if status != 0 { throw ExitCode(status) }
    }
}

struct AuditVerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify", abstract: "Check the log's hash chain, every stored file and the signed checkpoints.",
        discussion: "Exit status: 0 intact; 1 tampered (the first bad entry is named); 2 when the log or the key cannot be read.")

    @OptionGroup var logOption: LogOption
    @Option(name: .customLong("public-key"), help: "Check checkpoint signatures with this public key (from `audit keygen`).")
    var publicKey: String?

    func run() throws {
        let status = AuditVerify(log: logOption.log, publicKey: publicKey).run(output: Terminal.out, errors: Terminal.err)
        if status != 0 { throw ExitCode(status) }
    }
}

struct AuditKeygenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keygen", abstract: "Make an Ed25519 key pair for signing checkpoints: PREFIX.key (mode 0600) and PREFIX.pub.")

    @Option(help: "Path prefix of the two key files.") var out: String

    func run() throws {
        let status = AuditKeygen(prefix: out).run(output: Terminal.out, errors: Terminal.err)
        if status != 0 { throw ExitCode(status) }
    }
}

struct AuditCheckpointCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "checkpoint", abstract: "Check the chain, then sign its head with a private key and store the checkpoint in the log.",
        discussion: "Exit status: 0 signed; 1 the chain is not intact (nothing signed); 2 when the log or the key cannot be read.")

    @OptionGroup var logOption: LogOption
    @Option(help: "The private key file (from `audit keygen`).") var key: String

    func run() throws {
        let status = AuditCheckpoint(log: logOption.log, key: key).run(output: Terminal.out, errors: Terminal.err)
        if status != 0 { throw ExitCode(status) }
    }
}

extension AuditList.Format: ExpressibleByArgument {}
extension AuditShow.Format: ExpressibleByArgument {}
