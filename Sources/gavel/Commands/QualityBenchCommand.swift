import ArgumentParser
import GavelCLI

struct QualityBenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-quality",
        abstract: "Score query/entry name pairs with the screening scorer and time it (Benchmarks/screening-quality).",
        discussion: """
            Reads JSON lines {"id": …, "query": NAME or [NAME, …], "names": [PRIMARY, ALIAS, …]} and prints \
            {"id", "score", "method", "reading", "name"} per line; the timing goes to standard error as one JSON line. \
            Use a release build for the timing.
            """
    )

    @Option(help: "The pairs file (JSON lines); `-` reads standard input.")
    var pairs: String

    @Option(help: "Timed passes over all pairs; the fastest is reported.")
    var repeats = 3

    func validate() throws {
        if repeats < 1 { throw ValidationError("--repeats must be at least 1, found \(repeats)") }
    }

    func run() throws {
        let status = QualityPairsRun(input: pairs, repeats: repeats).run(output: Terminal.out, errors: Terminal.err)
        if status != 0 { throw ExitCode(status) }
    }
}
