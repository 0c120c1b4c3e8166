import Foundation
import GavelEngine
import GavelSyntax

/// `gavel bench-screening`: the screening index against the scan (issue 10)
/// on the shipped bundle's lists, on the OFAC SDN names when the file is
/// given, and on generated lists of growing size. Per list: index build time
/// and size, per-name query latency (p50/p99) at each threshold, and the
/// scan's time on a sample, with the two answers compared on that sample.
/// Then the shipped cases, evaluated as `gavel evaluate` does, per case.
package struct ScreeningBench: Sendable {
    package var policies: String?
    package var cases: String?
    package var sdnCSV: String?
    package var sizes: [Int]
    package var thresholds: [Double]
    package var queries: Int
    package var scanSample: Int
    /// Names timed on their own, `probeRepeats` times each, after each list's table row.
    package var probes: [String] = []
    package var probeRepeats = 200

    package init(
        policies: String?, cases: String?, sdnCSV: String?, sizes: [Int], thresholds: [Double], queries: Int, scanSample: Int
    ) {
        self.policies = policies
        self.cases = cases
        self.sdnCSV = sdnCSV
        self.sizes = sizes
        self.thresholds = thresholds
        self.queries = queries
        self.scanSample = scanSample
    }

    /// The answers the second p99 column counts: at most this many matching entries.
    static let fewMatches = 10

    static let asOf = Instant(secondsSinceEpoch: 1_735_689_600, isDateOnly: true)

    /// Prints a Markdown table; returns 1 when index and scan disagree, 2 on bad input.
    package func run(output: (String) -> Void, errors: (String) -> Void) -> Int32 {
        output(
            "| list | names | normalise s | index build s | index MB | RSS +MB | θ | p50 µs | p99 µs | p99 µs, ≤ 10 matches | mean µs | matches/name | scan mean µs | speed-up | sample | same |\n"
                + "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n")
        var disagreed = false
        if let policies {
            switch BundleLoader.load(directory: policies) {
            case .failure(let error):
                errors("gavel bench-screening: `\(policies)` does not load: \(error.diagnostics.first?.oneLine ?? "")\n")
                return 2
            case .success(let bundle):
                // Built again here, unindexed, so the build is timed.
                let lists = bundle.lists.map { list -> CompiledList in
                    var copy = list
                    copy.index = nil
                    return copy
                }
                let names = lists.flatMap { $0.entries.flatMap { $0.names.map(\.text) } }
                disagreed = !measure("shipped bundle lists", lists: lists, normaliseSeconds: nil, sampleFrom: names, output: output, errors: errors) || disagreed
            }
        }
        if let sdnCSV {
            guard let text = try? String(contentsOfFile: sdnCSV, encoding: .utf8) else {
                errors("gavel bench-screening: cannot read `\(sdnCSV)`\n")
                return 2
            }
            let names = text.split(whereSeparator: \.isNewline).compactMap { Self.secondCSVField(String($0)) }.filter { !$0.isEmpty }
            let (list, seconds) = Self.timed { CompiledList(id: "ofac-sdn", digest: "sdn", names: names.map { ($0, []) }) }
            disagreed = !measure("OFAC SDN (sdn.csv)", lists: [list], normaliseSeconds: seconds, sampleFrom: names, output: output, errors: errors) || disagreed
        }
        var loads: [(size: Int, timing: BundleLoadBench.Timing)] = []
        for size in sizes {
            var generator = BenchNames(seed: UInt64(size))
            let entries = generator.entries(names: size)
            let (list, seconds) = Self.timed { CompiledList(id: "generated", digest: "g\(size)", names: entries) }
            let names = entries.flatMap { [$0.name] + $0.aliases }
            disagreed = !measure("generated", lists: [list], normaliseSeconds: seconds, sampleFrom: names, output: output, errors: errors) || disagreed
            do {
                loads.append((size, try BundleLoadBench.measure(entries: entries, size: size)))
            } catch {
                errors("gavel bench-screening: the generated bundle of \(size) names does not load: \(error)\n")
                return 2
            }
        }
        if !loads.isEmpty {
            output(
                "\nBundle load (what each `gavel evaluate` pays first): the generated list as an `entries_from` JSONL, through the loader and an index cache\n\n"
                    + "| names | load, index built s | load, index cached s |\n|---:|---:|---:|\n")
            for (size, timing) in loads {
                output("| \(size) | \(Self.format(timing.building, 2)) | \(Self.format(timing.cached, 2)) |\n")
            }
        }
        if let policies, let cases { measureCases(policies: policies, cases: cases, output: output, errors: errors) }
        return disagreed ? 1 : 0
    }

    /// One row per threshold; false when index and scan disagree on the sample.
    private func measure(
        _ label: String, lists: [CompiledList], normaliseSeconds: Double?, sampleFrom names: [String], output: (String) -> Void,
        errors: (String) -> Void
    ) -> Bool {
        let before = Self.residentBytes()
        let (indexed, buildSeconds) = Self.timed { lists.map { $0.indexed() } }
        let grown = Self.residentBytes() - before
        let indexMB = Double(NameScreen.indexBytes(indexed)) / 1_048_576
        let parts = NameScreen.indexParts(indexed).map { "\($0.name) \(Self.format(Double($0.bytes) / 1_048_576, 1))" }
        errors("\(label), \(lists.reduce(0) { $0 + $1.entries.count }) entries: index MB by array: \(parts.joined(separator: ", "))\n")
        let nameCount = indexed.reduce(0) { $0 + $1.entries.reduce(0) { $0 + $1.names.count } }
        let byIndex = NameScreen(lists: indexed, mode: .indexed)
        let byScan = NameScreen(lists: indexed, mode: .scan)
        var generator = BenchNames(seed: 7)
        // Most queries are variants of listed names (they match); the rest are new names (they mostly do not).
        let queries = (0 ..< queries).map { _ in
            generator.chance(70) ? generator.variant(of: generator.pick(names)) : generator.name()
        }
        var same = true
        for threshold in thresholds {
            var latencies: [Double] = []
            latencies.reserveCapacity(queries.count)
            var answers: [[ScreenMatch]] = []
            var matched = 0
            var matchCounts: [Int] = []
            for query in queries {
                let (matches, seconds) = Self.timed { byIndex.matches([query], minScore: threshold, asOf: Self.asOf) }
                latencies.append(seconds)
                matched += matches.count
                matchCounts.append(matches.count)
                if answers.count < scanSample { answers.append(matches) }
            }
            var scanSeconds = 0.0, indexSeconds = 0.0
            var agree = true
            for (query, answer) in zip(queries, answers) {
                let (matches, seconds) = Self.timed { byScan.matches([query], minScore: threshold, asOf: Self.asOf) }
                scanSeconds += seconds
                if matches != answer { agree = false }
            }
            for latency in latencies.prefix(answers.count) { indexSeconds += latency }
            same = same && agree
            let sorted = latencies.sorted()
            // A query with thousands of matching entries costs what reporting them costs; this
            // percentile leaves those out, to show the index's own tail.
            let fewMatches = latencies.indices.filter { matchCounts[$0] <= Self.fewMatches }.map { latencies[$0] }.sorted()
            let slowest = latencies.indices.sorted { latencies[$0] > latencies[$1] }
            func describe(_ picked: some Sequence<Int>) -> String {
                picked.map { "\(queries[$0]) \(Self.format(latencies[$0] * 1e6, 0)) µs, \(matchCounts[$0]) matches" }.joined(separator: "; ")
            }
            errors("\(label) at θ \(Self.format(threshold, 2)), slowest: \(describe(slowest.prefix(5)))\n")
            errors(
                "\(label) at θ \(Self.format(threshold, 2)), slowest with at most \(Self.fewMatches) matches: "
                    + describe(slowest.lazy.filter { matchCounts[$0] <= Self.fewMatches }.prefix(5)) + "\n")
            let sample = answers.count
            let row = [
                label, "\(nameCount)", normaliseSeconds.map { Self.format($0, 2) } ?? "–", Self.format(buildSeconds, 3),
                Self.format(indexMB, 1), Self.format(Double(grown) / 1_048_576, 0), Self.format(threshold, 2),
                Self.format(Self.percentile(sorted, 0.5) * 1e6, 1), Self.format(Self.percentile(sorted, 0.99) * 1e6, 1),
                Self.format(Self.percentile(fewMatches, 0.99) * 1e6, 1),
                Self.format(sorted.reduce(0, +) / Double(max(1, sorted.count)) * 1e6, 1),
                Self.format(Double(matched) / Double(max(1, queries.count)), 1),
                Self.format(scanSeconds / Double(max(1, sample)) * 1e6, 0),
                Self.format(scanSeconds / max(indexSeconds, 1e-9), 0) + "x", "\(sample)", agree ? "yes" : "**NO**",
            ]
            output("| " + row.joined(separator: " | ") + " |\n")
            for probe in probes {
                var found = 0
                let (_, seconds) = Self.timed {
                    for _ in 0 ..< probeRepeats { found = byIndex.matches([probe], minScore: threshold, asOf: Self.asOf).count }
                }
                errors(
                    "\(label) at θ \(Self.format(threshold, 2)), probe \(probe): "
                        + "\(Self.format(seconds / Double(probeRepeats) * 1e6, 1)) µs, \(found) matches\n")
            }
        }
        return same
    }

    /// Every shipped case decided as `gavel evaluate` decides it (default trace level).
    private func measureCases(policies: String, cases: String, output: (String) -> Void, errors: (String) -> Void) {
        guard case .success(let bundle) = BundleLoader.load(directory: policies) else { return }
        let records = CaseLoader.load([cases], schema: bundle.schema).compactMap { try? $0.get() }
        guard !records.isEmpty else {
            errors("gavel bench-screening: no cases read from `\(cases)`\n")
            return
        }
        let evaluator = Evaluator(bundle: bundle)
        let options = Evaluator.Options(fallbackAsOf: Self.asOf)
        let rounds = 20
        let (_, seconds) = Self.timed {
            for _ in 0 ..< rounds { for record in records { _ = evaluator.evaluate(record, options: options) } }
        }
        output(
            "\nShipped cases: \(records.count) cases × \(rounds) rounds, "
                + "\(Self.format(seconds / Double(records.count * rounds) * 1e3, 3)) ms per case (whole evaluation, screening included)\n")
    }

    static func timed<T>(_ work: () -> T) -> (T, Double) {
        let clock = ContinuousClock()
        var result: T?
        let elapsed = clock.measure { result = work() }
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        // `work` ran exactly once inside `measure`.
        return (result.unsafelyUnwrapped, seconds)
    }

    static func percentile(_ sorted: [Double], _ p: Double) -> Double {
        guard !sorted.isEmpty else { return 0 }
        return sorted[min(sorted.count - 1, Int(Double(sorted.count) * p))]
    }

    static func format(_ value: Double, _ places: Int) -> String { String(format: "%.\(places)f", value) }

    /// Resident set size, from /proc (0 where there is none).
    static func residentBytes() -> Int {
        guard let statm = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
        let fields = statm.split(separator: " ")
        guard fields.count > 1, let pages = Int(fields[1]) else { return 0 }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
    }

    /// The second field of an OFAC `sdn.csv` row (the name), unquoted.
    static func secondCSVField(_ line: String) -> String? {
        guard let comma = line.firstIndex(of: ",") else { return nil }
        let rest = line[line.index(after: comma)...]
        guard rest.first == "\"" else { return rest.split(separator: ",").first.map(String.init) }
        let body = rest.dropFirst()
        guard let close = body.firstIndex(of: "\"") else { return nil }
        return String(body[..<close])
    }
}
