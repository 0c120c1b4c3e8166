import ArgumentParser
import GavelCLI

struct ScreeningBenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-screening",
        abstract: "Time the screening index against the scan on real and generated lists (use a release build)."
    )

    @Option(help: "A policy bundle whose lists to screen against (and whose cases to time with --cases).")
    var policies: String?

    @Option(help: "A folder of cases to evaluate with --policies, per case.")
    var cases: String?

    @Option(name: .customLong("sdn-csv"), help: "OFAC's legacy sdn.csv, screened as one list of its primary names.")
    var sdnCSV: String?

    @Option(help: "Comma-separated sizes (in names) of generated lists.")
    var sizes = "10000,100000,1000000"

    @Option(help: "Comma-separated min_score values.")
    var thresholds = "0.85,0.9,0.92,1.0"

    @Option(help: "Query names timed per list and threshold.")
    var queries = 2_000

    @Option(name: .customLong("scan-sample"), help: "Queries of those also run through the scan and compared.")
    var scanSample = 100

    @Option(name: .customLong("probe"), help: "A name timed on its own against each list and threshold, repeated (for chasing a slow query); may be given more than once.")
    var probes: [String] = []

    @Option(name: .customLong("probe-repeats"), help: "How often each --probe name is screened.")
    var probeRepeats = 200

    func run() throws {
        let sizes = self.sizes.split(separator: ",").compactMap { Int($0) }
        let thresholds = self.thresholds.split(separator: ",").compactMap { Double($0) }
        guard !thresholds.isEmpty, thresholds.allSatisfy({ $0 > 0 && $0 <= 1 }) else {
            throw ValidationError("--thresholds needs numbers in (0, 1], e.g. 0.85,0.92")
        }
        guard queries > 0, scanSample >= 0 else { throw ValidationError("--queries must be positive, --scan-sample not negative") }
        var bench = ScreeningBench(
            policies: policies, cases: cases, sdnCSV: sdnCSV, sizes: sizes, thresholds: thresholds, queries: queries,
            scanSample: min(scanSample, queries))
        bench.probes = probes
        bench.probeRepeats = max(1, probeRepeats)
        let status = bench.run(output: Terminal.out, errors: Terminal.err)
        if status != 0 { throw ExitCode(status) }
    }
}
