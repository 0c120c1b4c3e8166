import ArgumentParser
import Foundation
import GavelCLI
import GavelEngine
import GavelLint
import GavelSyntax

struct EvaluateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluate",
        abstract: "Decide case files by the policy bundle and print each decision with its audit trail.",
        discussion: "Every decision is appended to the decision log before it is printed. Exit status: 0 when every case was decided, 2 when any input was bad (the others are still decided) or the log cannot be written."
    )

    @Argument(help: "Case files or directories (.yaml, .yml, .json, .jsonl); `-` reads standard input.")
    var cases: [String]

    @Option(help: "The policy directory.")
    var policies = "./Policies"

    @Option(
        name: .customLong("as-of"), help: "Evaluation date for cases without `as_of` (YYYY-MM-DD or RFC 3339).",
        transform: Instant.argument)
    var asOf: Instant?

    @Option(help: "Output format: text, json or jsonl.")
    var format: Format = .text

    @Option(help: "Condition traces kept: decisive (the rules that matched, were suspended or erred), full or none.")
    var trace: TraceLevel = .decisive

    @Option(help: "Cases decided at once, in parallel; output stays in input order (default: the number of cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Flag(name: .customLong("stdin-jsonl"), help: "Read standard input (`-`) as JSON lines, streamed, rather than YAML.")
    var stdinJSONLines = false

    @Flag(help: "Treat a missing path or a type mismatch as an error.")
    var strict = false

    @Flag(
        name: .customLong("explain-screening"),
        help: "Add to the text trail the 3 best entries below min_score for each screened name (why it was cleared).")
    var explainScreening = false

    @Option(help: "The decision log every decision is appended to before it is printed (default: \(DecisionLogAccess.defaultPath)).")
    var log: String?

    @Flag(name: .customLong("no-log"), help: "Do not append to the decision log.")
    var noLog = false

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, jsonl
    }

    func validate() throws {
        if jobs < 1 || jobs > EvaluateRun.mostJobs {
            throw ValidationError("--jobs must be from 1 to \(EvaluateRun.mostJobs), found \(jobs)")
        }
        if log != nil && noLog { throw ValidationError("--log and --no-log cannot be used together") }
    }

    func run() throws {
        let now = Instant(secondsSinceEpoch: Int64(Date().timeIntervalSince1970), isDateOnly: false)
        var run = EvaluateRun(
            cases: cases, policies: policies, asOf: asOf,
            format: EvaluateRun.Format(rawValue: format.rawValue) ?? .text, strict: strict, now: now,
            trace: trace, jobs: jobs, standardInputIsJSONLines: stdinJSONLines,
            progress: isatty(2) != 0 ? Terminal.progress : nil)
        run.explainScreening = explainScreening
        if !noLog {
            // Fail closed: a run that cannot log decides nothing.
            switch DecisionLogAccess.forAppending(log) {
            case .success(let store): run.log = store
            case .failure(let problem):
                Terminal.err(problem.oneLine + "\n")
                Terminal.err("gavel: nothing was decided: decisions are logged before they are printed (pass --no-log to decide without logging)\n")
                throw ExitCode(2)
            }
        }
        let status = run.run(write: Terminal.out(bytes:), errors: Terminal.err)
        if status != 0 { throw ExitCode(status) }
    }
}
