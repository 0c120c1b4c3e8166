import GavelEngine
import GavelSyntax

/// `gavel diff`'s report, written as cases arrive: text and JSON stream each
/// change; markdown (a pull-request comment) puts the summary first, so it
/// keeps the first `markdownCases` changes and counts the rest.
struct DiffReport {
    let format: DiffRun.Format
    let from: String
    let to: String
    static let markdownCases = 200

    private(set) var cases = 0
    private(set) var changed = 0
    /// Transition → cases, in first-seen order.
    private var transitions: [(String, Int)] = []
    private var transitionIndex: [String: Int] = [:]
    private var kept: [CaseChange] = []

    init(format: DiffRun.Format, from: String, to: String) {
        self.format = format
        self.from = from
        self.to = to
    }

    mutating func begin() -> String {
        switch format {
        case .text, .markdown: return ""
        case .json: return "{\"from\":\(JSON.string(from).compact()),\"to\":\(JSON.string(to).compact()),\"changes\":["
        }
    }

    mutating func add(_ compared: DiffWorker.Compared) -> String {
        cases += 1
        guard let change = compared.change else { return "" }
        changed += 1
        if let i = transitionIndex[change.transition] {
            transitions[i].1 += 1
        } else {
            transitionIndex[change.transition] = transitions.count
            transitions.append((change.transition, 1))
        }
        switch format {
        case .text: return Self.text(change)
        case .json: return (changed > 1 ? "," : "") + Self.json(change).compact() + "\n"
        case .markdown:
            if kept.count < Self.markdownCases { kept.append(change) }
            return ""
        }
    }

    func end() -> String {
        switch format {
        case .text: return textSummary()
        case .json:
            let summary = JSON.object([
                ("cases", .int(cases)), ("changed", .int(changed)), ("unchanged", .int(cases - changed)),
                ("transitions", .array(sortedTransitions.map { .object([("change", .string($0.0)), ("cases", .int($0.1))]) })),
            ])
            return "],\"summary\":\(summary.compact())}\n"
        case .markdown: return markdown()
        }
    }

    /// Most frequent first; ties in first-seen order.
    private var sortedTransitions: [(String, Int)] {
        transitions.enumerated().sorted { ($0.element.1, -$0.offset) > ($1.element.1, -$1.offset) }.map(\.element)
    }

    private static func list(_ items: [String]) -> String { "[" + items.map(\.shown).joined(separator: ", ") + "]" }

    static func text(_ change: CaseChange) -> String {
        var out = "\(change.id.shown)  \(change.location)\n"
        out += "  decision       \(change.before.decision.shown) → \(change.after.decision.shown)\n"
        if change.before.determinedBy != change.after.determinedBy {
            out += "  determined_by  \(list(change.before.determinedBy)) → \(list(change.after.determinedBy))\n"
        }
        for (label, before, after) in [
            ("obligations", change.before.obligations, change.after.obligations), ("matches", change.before.matches, change.after.matches),
        ] where before != after {
            for item in CaseChange.added(after, before) { out += "  \(label.padding(toLength: 13, withPad: " ", startingAt: 0))  − \(item.shown)\n" }
            for item in CaseChange.added(before, after) { out += "  \(label.padding(toLength: 13, withPad: " ", startingAt: 0))  + \(item.shown)\n" }
        }
        for status in change.statusChanges {
            out += "  rule           \(status.rule.shown): \(status.before) → \(status.after)\n"
        }
        return out + "\n"
    }

    private func textSummary() -> String {
        var out = "SUMMARY  \(cases) \(cases == 1 ? "case" : "cases"): \(changed) changed, \(cases - changed) unchanged "
            + "(from \(from.shown) to \(to.shown))\n"
        let width = transitions.map { $0.0.count }.max() ?? 0
        for (transition, count) in sortedTransitions {
            out += "  \(transition.shown.padding(toLength: width, withPad: " ", startingAt: 0))  \(count) \(count == 1 ? "case" : "cases")\n"
        }
        return out
    }

    static func json(_ change: CaseChange) -> JSON {
        func side(_ s: DecisionSummary) -> JSON {
            .object([
                ("decision", .string(s.decision)), ("determined_by", .array(s.determinedBy.map(JSON.string))),
                ("obligations", .array(s.obligations.map(JSON.string))), ("matches", .array(s.matches.map(JSON.string))),
            ])
        }
        return .object([
            ("case", .string(change.id)), ("location", .string(change.location.description)),
            ("before", side(change.before)), ("after", side(change.after)),
            (
                "rules",
                .array(change.statusChanges.map { .object([("rule", .string($0.rule)), ("before", .string($0.before)), ("after", .string($0.after))]) })
            ),
        ])
    }

    /// Table cells: pipes and line ends would break the table.
    private static func cell(_ text: String) -> String {
        text.shown.replacingOccurrences(of: "|", with: "\\|")
    }

    private func markdown() -> String {
        var out = "### gavel diff: `\(Self.cell(from))` → `\(Self.cell(to))`\n\n"
        out += "**\(changed) of \(cases) \(cases == 1 ? "case" : "cases") \(changed == 1 ? "changes" : "change").**\n\n"
        guard changed > 0 else { return out }
        out += "| change | cases |\n|---|---:|\n"
        for (transition, count) in sortedTransitions { out += "| \(Self.cell(transition)) | \(count) |\n" }
        out += "\n<details><summary>Changed cases\(changed > kept.count ? " (first \(kept.count) of \(changed))" : "")</summary>\n\n"
        out += "| case | decision | deciding rules | rules whose status changed |\n|---|---|---|---|\n"
        for change in kept {
            let rules = change.statusChanges.map { "\($0.rule): \($0.before) → \($0.after)" }.joined(separator: "<br>")
            let deciding = change.before.determinedBy == change.after.determinedBy
                ? change.after.determinedBy.joined(separator: ", ")
                : "\(change.before.determinedBy.joined(separator: ", ")) → \(change.after.determinedBy.joined(separator: ", "))"
            out += "| `\(Self.cell(change.id))` (\(Self.cell(change.location.description))) | \(Self.cell(change.transition)) "
                + "| \(Self.cell(deciding)) | \(Self.cell(rules)) |\n"
        }
        out += "\n</details>\n"
        return out
    }
}
