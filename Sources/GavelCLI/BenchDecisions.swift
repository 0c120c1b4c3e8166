import GavelEngine
import GavelSyntax

/// The decisions of a benchmark run, and the fields the shared bench's
/// contract (its `common.py`) reports from them: every Gavel runner, in
/// process or as a whole `gavel evaluate`, writes its result this way.
struct Decided {
    var ids: [String] = []
    var decisions: [String] = []
    var matched: [[String]] = []

    mutating func append(_ d: Decision) {
        append(id: d.caseID, decision: d.decision, matched: d.matchedRuleIDs)
    }

    mutating func append(id: String, decision: String, matched rules: [String]) {
        ids.append(id)
        decisions.append(decision)
        matched.append(rules)
    }

    /// Each case's matched rule ids, sorted by UTF-8 bytes and comma-joined.
    var matchedText: [String] {
        matched.map { $0.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }.joined(separator: ",") }
    }

    /// `case id TAB decision TAB matched rules`, one line per case.
    var tsv: String {
        let matchedText = matchedText
        var tsv = ""
        for k in decisions.indices { tsv += ids[k] + "\t" + decisions[k] + "\t" + matchedText[k] + "\n" }
        return tsv
    }

    /// The contract's fields, from `engine` to `matched_sha256`.
    func contractFields(engine: String, version: String, rules: Int, loadSeconds: Double, evalSeconds: Double) -> [(String, JSON)] {
        let n = Double(decisions.count)
        return [
            ("engine", .string(engine)),
            ("version", .string(version)),
            ("cases", .int(decisions.count)),
            ("rules", .int(rules)),
            ("load_s", Self.rounded(loadSeconds, 1e6)),
            ("eval_s", Self.rounded(evalSeconds, 1e6)),
            ("cases_per_s", Self.rounded(n / evalSeconds, 10)),
            ("us_per_case", Self.rounded(evalSeconds / n * 1e6, 100)),
            ("decisions_sha256", .string(Digest.hex(Array(decisions.joined(separator: "\n").utf8)))),
            ("matched_sha256", .string(Digest.hex(Array(matchedText.joined(separator: "\n").utf8)))),
        ]
    }

    /// `x` to `1/places`, as the contract's JSON shows figures.
    static func rounded(_ x: Double, _ places: Double) -> JSON { .double((x * places).rounded() / places) }
}
