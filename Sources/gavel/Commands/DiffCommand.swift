import ArgumentParser
import Foundation
import GavelCLI
import GavelEngine

struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Show which cases decide differently under two versions of a bundle, and why.",
        discussion: """
            --from and --to are bundle directories or git revisions of one (`HEAD~1:Policies`, read with git, \
            never checked out). Exit status: 0 after a complete comparison, 2 when a side does not load or an input was bad.
            """
    )

    @Argument(help: "Case files or directories (.yaml, .yml, .json, .jsonl).")
    var cases: [String]

    @Option(help: "The bundle before the change: a directory or REV:PATH.")
    var from: String

    @Option(help: "The bundle after the change: a directory or REV:PATH.")
    var to: String

    @Option(
        name: .customLong("as-of"), help: "Evaluation date for cases without `as_of` (YYYY-MM-DD or RFC 3339).",
        transform: Instant.argument)
    var asOf: Instant?

    @Option(help: "Output format: text, markdown (a pull-request comment) or json.")
    var format: Format = .text

    @Option(help: "Cases compared at once, in parallel (default: the number of cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, markdown, json
    }

    func validate() throws {
        if jobs < 1 || jobs > EvaluateRun.mostJobs {
            throw ValidationError("--jobs must be from 1 to \(EvaluateRun.mostJobs), found \(jobs)")
        }
    }

    func run() throws {
        let now = Instant(secondsSinceEpoch: Int64(Date().timeIntervalSince1970), isDateOnly: false)
        let run = DiffRun(
            cases: cases, from: from, to: to, asOf: asOf, now: now, format: DiffRun.Format(rawValue: format.rawValue) ?? .text,
            jobs: jobs)
        let status = run.run(output: Terminal.out, errors: Terminal.err)
        if status != 0 { throw ExitCode(status) }
    }
}
