import Foundation
import GavelEngine
import GavelSyntax

/// `gavel bench-quality` as a library call: query/entry pairs scored with
/// the scorer screening uses (`NameScorer.best`: normalisation, name forms,
/// evasion readings, Jaro–Winkler on whole and sorted-token forms), one JSON
/// line out per line in, and the time it takes per pair. The labelled sets
/// it is run on stay outside the repository (Benchmarks/screening-quality).
package struct QualityPairsRun: Sendable {
    /// One input line: `{"id": …, "query": "NAME" | ["NAME", …], "names": ["PRIMARY", "ALIAS", …]}`.
    struct Pair {
        var id: String?
        var queries: [String]
        var names: [String]
    }

    package var input: String
    /// Timed passes over all pairs after the scored one; the fastest is reported.
    package var repeats: Int

    package init(input: String, repeats: Int = 3) {
        self.input = input
        self.repeats = max(1, repeats)
    }

    /// Scores on `output`, one line per input line in order; the timing line
    /// (`{"timing": {...}}`) on `errors`. Exit status 0, or 2 on bad input.
    package func run(output: (String) -> Void, errors: (String) -> Void) -> Int32 {
        let pairs: [Pair]
        switch read() {
        case .failure(let message):
            errors("gavel bench-quality: \(message)\n")
            return 2
        case .success(let read): pairs = read
        }
        let clock = ContinuousClock()

        // Names are compiled once per list in screening, and query names once
        // per case: neither is part of the per-pair cost, each is timed apart.
        let t0 = clock.now
        let entries = pairs.map { Self.entry($0.names) }
        let compileTime = clock.now - t0
        let t1 = clock.now
        let queries = pairs.map { $0.queries.map(ScreenLookup.forms) }
        let prepareTime = clock.now - t1
        let queryNames = queries.reduce(0) { $0 + $1.count }

        var lines: [String] = []
        lines.reserveCapacity(pairs.count)
        for (position, pair) in pairs.enumerated() {
            var best: NameScorer.Hit?
            if let entry = entries[position] {
                for forms in queries[position] where !forms.latin[0].text.isEmpty {
                    let hit = NameScorer.best(forms, entry, floor: 0)
                    if best == nil || hit.score > best?.score ?? 0 { best = hit }
                }
            }
            lines.append(Self.line(id: pair.id, hit: best))
        }

        var fastest: Duration?
        var sink = 0.0
        for _ in 0 ..< repeats {
            let start = clock.now
            for position in pairs.indices {
                guard let entry = entries[position] else { continue }
                for forms in queries[position] where !forms.latin[0].text.isEmpty {
                    sink += NameScorer.best(forms, entry, floor: 0).score
                }
            }
            let elapsed = clock.now - start
            if fastest == nil || elapsed < fastest ?? elapsed { fastest = elapsed }
        }
        output(lines.joined())

        let scored = max(1, queryNames)
        let names = entries.reduce(0) { $0 + ($1?.names.count ?? 0) }
        func micro(_ duration: Duration, per count: Int) -> Double {
            let (seconds, attoseconds) = duration.components
            return (Double(seconds) * 1e6 + Double(attoseconds) / 1e12) / Double(max(1, count))
        }
        var w = JSONWriter(pretty: false)
        w.beginObject()
        w.field("timing")
        w.beginObject()
        w.field("pairs")
        w.int(pairs.count)
        w.field("query_names")
        w.int(queryNames)
        w.field("entry_names_per_pair")
        w.double((Double(names) / Double(max(1, pairs.count)) * 100).rounded() / 100)
        w.field("score_us_per_pair")
        w.double((micro(fastest ?? .zero, per: scored) * 1000).rounded() / 1000)
        w.field("prepare_query_us_per_name")
        w.double((micro(prepareTime, per: scored) * 1000).rounded() / 1000)
        w.field("compile_entry_us_per_pair")
        w.double((micro(compileTime, per: pairs.count) * 1000).rounded() / 1000)
        w.field("checksum")
        w.double((sink * 1000).rounded() / 1000)
        w.endObject()
        w.endObject()
        errors(String(decoding: w.bytes, as: UTF8.self) + "\n")
        return 0
    }

    /// An entry of the given names, compiled as a list compiles its entries.
    static func entry(_ names: [String]) -> ScreeningEntry? {
        guard let primary = names.first else { return nil }
        return CompiledList(id: "pairs", digest: "", names: [(primary, Array(names.dropFirst()))]).entries.first
    }

    static func line(id: String?, hit: NameScorer.Hit?) -> String {
        var w = JSONWriter(pretty: false)
        w.beginObject()
        w.field("id")
        if let id { w.string(id) } else { w.null() }
        w.field("score")
        w.double(hit?.score ?? 0)
        w.field("method")
        if let hit { w.string(hit.method.rawValue) } else { w.null() }
        w.field("reading")
        if let hit { w.string(hit.reading.rawValue) } else { w.null() }
        w.field("name")
        if let hit { w.string(hit.name) } else { w.null() }
        w.endObject()
        return String(decoding: w.bytes, as: UTF8.self) + "\n"
    }

    func read() -> Swift.Result<[Pair], Message> {
        let display = input == "-" ? "standard input" : input
        let data: Data
        if input == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else {
            guard let read = FileManager.default.contents(atPath: input) else {
                return .failure(Message("cannot read `\(display)`"))
            }
            data = read
        }
        var pairs: [Pair] = []
        for (index, line) in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).enumerated() {
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x0D || $0 == 0x09 }) { continue }
            let at = "\(display):\(index + 1)"
            guard let object = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any] else {
                return .failure(Message("\(at): expected a JSON object per line"))
            }
            let queries: [String]
            if let one = object["query"] as? String {
                queries = [one]
            } else if let many = object["query"] as? [String], !many.isEmpty {
                queries = many
            } else {
                return .failure(Message("\(at): `query` must be a name or a non-empty array of names"))
            }
            guard let names = object["names"] as? [String], !names.isEmpty else {
                return .failure(Message("\(at): `names` must be a non-empty array of the entry's names, primary first"))
            }
            let id: String?
            switch object["id"] {
            case let text as String: id = text
            case let number as NSNumber: id = number.stringValue
            default: id = nil
            }
            pairs.append(Pair(id: id, queries: queries, names: names))
        }
        return .success(pairs)
    }

    struct Message: Error {
        var text: String
        init(_ text: String) { self.text = text }
    }
}

extension QualityPairsRun.Message: CustomStringConvertible {
    var description: String { text }
}
