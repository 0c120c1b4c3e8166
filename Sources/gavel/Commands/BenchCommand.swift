import Foundation
import ArgumentParser
import GavelCLI
import GavelEngine
import GavelLint
import GavelSyntax

struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Run the shared peer benchmark's workload (shared/bench) and print Gavel's result line.",
        discussion: """
            Loads DATA/gavel/ as the bundle and decides every line of DATA/cases.jsonl, timing the span \
            the peers' common.py times; writes OUT/gavel.json and OUT/gavel.decisions.tsv.
            """
    )

    @Option(help: "The workload directory (with cases.jsonl and gavel/).")
    var data: String

    @Option(name: .customLong("out-dir"), help: "Where to write gavel.json and gavel.decisions.tsv.")
    var outDir: String?

    @Option(help: "Decide only the first N cases.")
    var limit: Int?

    @Option(name: .customLong("full-sample"), help: "Cases also run through the full record path (0: none).")
    var fullSample = 10_000

    @Flag(name: .customLong("no-verify"), help: "Skip the untimed check of the JSON fast path against libyaml.")
    var noVerify = false

    @Flag(name: .customLong("no-process"), help: "Skip timing `gavel evaluate` as a whole process (gavel-evaluate*.json).")
    var noProcess = false

    @Option(
        name: .customLong("process-runs"),
        help: "Whole-process runs at --jobs 1 and --jobs 2, alternated; the median of each is reported (gavel-evaluate*.json).")
    var processRuns = 3

    @Option(
        name: .customLong("log-pairs"),
        help: "Whole-process runs with the decision log on and off, alternated, per job count (0: none; gavel-evaluate-log*.json).")
    var logPairs = 3

    func validate() throws {
        if let limit, limit < 1 { throw ValidationError("--limit must be at least 1") }
        if fullSample < 0 { throw ValidationError("--full-sample must not be negative") }
        if logPairs < 0 { throw ValidationError("--log-pairs must not be negative") }
        if processRuns < 1 { throw ValidationError("--process-runs must be at least 1") }
    }

    func run() throws {
        // This very executable, run as `gavel evaluate` for the whole-process figures.
        let executable = noProcess ? nil : (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        var run = BenchRun(
            data: data, outDirectory: outDir, limit: limit, fullRecordSample: fullSample, verifyFastPath: !noVerify,
            executable: executable)
        run.logPairs = logPairs
        run.processRuns = processRuns
        let status = run.run(output: Terminal.out, errors: Terminal.err)
        if status != 0 { throw ExitCode(status) }
    }
}
