import GavelSyntax
import GavelEngine

/// `# gavel:ignore RULE-ID -- REASON` on its own line just above a rule or
/// exception silences that lint rule for that item only. The reason is
/// required: a silenced check must say why, for the next reviewer.
struct IgnoreMarker: Sendable {
    var rule: String
    var file: String
    /// Lines of the item it covers, from its first line up to the next item.
    var lines: Range<Int>
}

enum IgnoreMarkers {
    static let prefix = "gavel:ignore"

    /// Markers in one bundle file and the problems with malformed ones.
    /// `itemLines` are the first lines of every rule and exception in the file.
    static func scan(
        _ bytes: [UInt8], file: String, itemLines: [Int], knownRules: Set<String>
    ) -> (markers: [IgnoreMarker], problems: [Diagnostic]) {
        let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let starts = itemLines.sorted()
        var markers: [IgnoreMarker] = []
        var problems: [Diagnostic] = []
        for (index, line) in lines.enumerated() {
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            guard trimmed.hasPrefix("#") else { continue }
            let comment = trimmed.dropFirst().drop { $0 == " " }
            guard comment.hasPrefix(prefix) else { continue }
            let column = line.count - trimmed.count + 1
            let location = SourceLocation(file: file, line: index + 1, column: column)
            let body = comment.dropFirst(prefix.count)
            let parts = body.split(separator: "--", maxSplits: 1, omittingEmptySubsequences: false)
            let rule = parts.first.map { String($0.trimmingCharacters) } ?? ""
            let reason = parts.count > 1 ? String(parts[1].trimmingCharacters) : ""
            func problem(_ message: String, _ help: String) {
                problems.append(.error(.invalidIgnoreMarker, message, at: location, help: help))
            }
            guard !rule.isEmpty, !rule.contains(" ") else {
                problem("`# gavel:ignore` must name exactly one lint rule", "write `# gavel:ignore RULE-ID -- why it does not apply here`")
                continue
            }
            guard knownRules.contains(rule) else {
                problem(
                    "`# gavel:ignore` names `\(rule)`, which is not a lint rule",
                    DidYouMean.help(for: rule, among: knownRules) ?? "`gavel lint --list` shows every rule")
                continue
            }
            guard !reason.isEmpty else {
                problem("`# gavel:ignore \(rule)` gives no reason", "add ` -- ` and why the rule does not apply to this item")
                continue
            }
            // The first non-blank, non-comment line after the marker must start an item.
            var next = index + 1
            while next < lines.count {
                let t = lines[next].drop { $0 == " " || $0 == "\t" }
                if !t.isEmpty && !t.hasPrefix("#") { break }
                next += 1
            }
            guard let start = starts.firstIndex(of: next + 1) else {
                problem(
                    "`# gavel:ignore \(rule)` is not directly above a rule or exception",
                    "put the marker on the line just above the item's `- id:` line")
                continue
            }
            let end = start + 1 < starts.count ? starts[start + 1] : lines.count + 1
            markers.append(IgnoreMarker(rule: rule, file: file, lines: (next + 1)..<end))
        }
        return (markers, problems)
    }
}

extension Substring {
    fileprivate var trimmingCharacters: Substring {
        var s = self
        while let first = s.first, first == " " || first == "\t" { s.removeFirst() }
        while let last = s.last, last == " " || last == "\t" || last == "\r" { s.removeLast() }
        return s
    }
}
