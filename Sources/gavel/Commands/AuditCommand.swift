import ArgumentParser
import Foundation
import GavelCLI
import GavelEngine
import GavelLog

struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Read and check the decision log that `gavel evaluate` appends to.",
        subcommands: [
            AuditListCommand.self, AuditShowCommand.self, AuditVerifyCommand.self, AuditReplayCommand.self, AuditOverrideCommand.self,
            AuditAppealCommand.self, AuditExportCommand.self, AuditKeygenCommand.self, AuditCheckpointCommand.self,
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
    @Option(help: "Only decisions whose effective decision (after any override or appeal) is this one (e.g. terminate).")
    var decision: String?
    @Option(help: "Only decisions in which this rule matched.") var rule: String?
    @Option(help: "Only entries logged on or after this date or time (UTC).") var since: String?
    @Option(help: "Only entries logged on or before this date or time (UTC).") var until: String?
    @Option(help: "table or json.") var format: AuditList.Format = .table

    // In `validate`, so that a bad range gets this subcommand's usage, not the root's.
    func validate() throws {
        if case .failure(let problem) = AuditList.range(since: since, until: until) { throw ValidationError(problem.message) }
    }

    func run() throws {
        let bounds = try AuditList.range(since: since, until: until).get()
        let filter = EntryFilter(caseID: caseID, decision: decision, rule: rule, since: bounds.since, until: bounds.until)
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
    @Option(help: "full: re-derive the full trace by replaying the stored case and bundle (default: the level it was logged at).")
    var trace: TraceLevel?

    func run() throws {
        let status = AuditShow(log: logOption.log, id: id, format: format, trace: trace).run(output: Terminal.out, errors: Terminal.err)
        if status != 0 { throw ExitCode(status) }
    }
}

struct AuditReplayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay", abstract: "Decide a logged decision again from its stored case, bundle and as_of; confirm the record reproduces.",
        discussion: "Exit status: 0 reproduced byte for byte; 1 a record differs (a field-level diff is printed) or unknown id; 2 when the log cannot be read or an entry cannot be decided again.")

    @Argument(help: "A record id (gvl-…; its latest entry) or an entry's sequence number.") var id: String?
    @OptionGroup var logOption: LogOption
    @Flag(help: "Replay every decision in the log (a progress line on stderr when it is a terminal).") var all = false
    @Option(help: "Parallel jobs for --all (default: one per core).") var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    func validate() throws {
        if all == (id != nil) { throw ValidationError("give an ID or --all, not both and not neither") }
        if jobs < 1 || jobs > EvaluateRun.mostJobs {
            throw ValidationError("--jobs must be from 1 to \(EvaluateRun.mostJobs), found \(jobs)")
        }
    }

    func run() throws {
        let replay = AuditReplay(log: logOption.log, id: id, jobs: jobs, progress: isatty(2) != 0 ? Terminal.progress : nil)
        let status = replay.run(output: Terminal.out, errors: Terminal.err)
        if status != 0 { throw ExitCode(status) }
    }
}

struct AuditOverrideCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "override",
        abstract: "Record a human override of a logged decision: a new chained entry that refers to it (the original is never changed).",
        discussion: "Exit status: 0 recorded; 1 unknown id; 2 when the decision is not on the bundle's ladder, a text is empty, or the log cannot be read or written.")

    @Argument(help: "A record id (gvl-…; its latest entry) or an entry's sequence number.") var id: String
    @OptionGroup var logOption: LogOption
    @Option(help: "The decision in effect from now: a step of the original bundle's ladder.") var decision: String
    @Option(help: "Who decided.") var by: String
    @Option(help: "What the decision rests on (e.g. the Terms of Service clause), within the written policy or outside it.") var basis: String
    @Option(help: "Why.") var reason: String

    func run() throws {
        let status = AuditHumanDecision(
            log: logOption.log, id: id, action: .override(decision: decision, basis: basis), by: by, reason: reason
        ).run(output: Terminal.out, errors: Terminal.err)
        if status != 0 { throw ExitCode(status) }
    }
}

struct AuditAppealCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "appeal",
        abstract: "Record an appeal's outcome for a logged decision: a new chained entry that refers to it (the original is never changed).",
        discussion: "upheld keeps the decision in effect; reversed restores the bundle's default decision; modified replaces it with --decision. Exit status: 0 recorded; 1 unknown id; 2 when the outcome and --decision do not fit, the decision is not on the ladder, or the log cannot be read or written.")

    @Argument(help: "A record id (gvl-…; its latest entry) or an entry's sequence number.") var id: String
    @OptionGroup var logOption: LogOption
    @Option(help: "upheld, reversed or modified.") var outcome: HumanDecisionRecord.Outcome
    @Option(help: "For --outcome modified: the decision in effect from now, a step of the original bundle's ladder.") var decision: String?
    @Option(help: "Who decided the appeal.") var by: String
    @Option(help: "Why.") var reason: String

    func run() throws {
        let status = AuditHumanDecision(
            log: logOption.log, id: id, action: .appeal(outcome: outcome, decision: decision), by: by, reason: reason
        ).run(output: Terminal.out, errors: Terminal.err)
        if status != 0 { throw ExitCode(status) }
    }
}

struct AuditExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export logged decisions: jsonl (every record with its overrides, appeals and effective decision) or dsa-sor (EU DSA statements of reasons).",
        discussion: "Exit status: 0; 2 when the log or a stored bundle cannot be read.")

    @OptionGroup var logOption: LogOption
    @Option(help: "jsonl or dsa-sor.") var format: AuditExport.Format = .jsonl
    @Option(help: "Only decisions logged on or after this date or time (UTC).") var since: String?
    @Option(help: "Only decisions logged on or before this date or time (UTC).") var until: String?

    func validate() throws {
        if case .failure(let problem) = AuditList.range(since: since, until: until) { throw ValidationError(problem.message) }
    }

    func run() throws {
        let bounds = try AuditList.range(since: since, until: until).get()
        let status = AuditExport(log: logOption.log, format: format, since: bounds.since, until: bounds.until)
            .run(output: Terminal.out, errors: Terminal.err)
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

    func validate() throws {
        if let problem = AuditKeygen.prefixProblem(out) { throw ValidationError(problem) }
    }

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
extension AuditExport.Format: ExpressibleByArgument {}
extension HumanDecisionRecord.Outcome: ExpressibleByArgument {}
