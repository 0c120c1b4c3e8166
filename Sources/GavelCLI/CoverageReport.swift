import GavelEngine
import GavelSyntax

/// `gavel test --coverage`: per rule and exception, the cases that matched
/// it and the condition nodes no case made true or no case made false.
enum CoverageReport {
    static func text(_ coverage: Coverage) -> String {
        let rules = coverage.items.filter { $0.kind == .rule }
        let exceptions = coverage.items.filter { $0.kind == .exception }
        let branches = coverage.items.flatMap(\.branches)
        let covered = branches.filter { $0.held > 0 && $0.failed > 0 }.count
        var out = "COVERAGE  \(coverage.cases) cases; \(rules.filter { $0.cases > 0 }.count) of \(rules.count) rules and "
            + "\(exceptions.filter { $0.cases > 0 }.count) of \(exceptions.count) exceptions matched by a case; "
            + "\(covered) of \(branches.count) condition nodes seen both true and false\n"
        let width = coverage.items.map(\.id.count).max() ?? 0
        for item in coverage.items {
            let fully = item.branches.count - item.uncovered.count
            let name = item.id.padding(toLength: max(width, item.id.count), withPad: " ", startingAt: 0)
            out += "  \(item.kind == .rule ? "rule     " : "exception") \(name)  \(item.cases) \(item.cases == 1 ? "case " : "cases")"
                + "  \(fully)/\(item.branches.count) nodes both ways\n"
            for branch in item.uncovered {
                let what: String
                if !branch.reached { what = "never reached" } else if branch.held == 0 { what = "never true" } else { what = "never false" }
                out += "      \(branch.location)  \(branch.text)  — \(what)\n"
            }
        }
        return out
    }

    static func json(_ coverage: Coverage) -> JSON {
        .object([
            ("cases", .int(coverage.cases)),
            (
                "items",
                .array(
                    coverage.items.map { item in
                        .object([
                            ("kind", .string(item.kind.rawValue)),
                            ("id", .string(item.id)),
                            ("location", .string(item.location.description)),
                            ("cases", .int(item.cases)),
                            (
                                "branches",
                                .array(
                                    item.branches.map { branch in
                                        .object([
                                            ("node", .string(branch.text)),
                                            ("location", .string(branch.location.description)),
                                            ("true", .int(branch.held)),
                                            ("false", .int(branch.failed)),
                                        ])
                                    })
                            ),
                        ])
                    })
            ),
        ])
    }
}
