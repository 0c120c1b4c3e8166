import GavelSyntax
import GavelEngine

/// Findings as one JSON object, for scripts.
enum LintJSONReporter {
    static func render(_ report: LintReport) -> String {
        let findings: [JSON] = report.findings.map { finding in
            var fields: [(String, JSON)] = [
                ("rule", .string(finding.rule)),
                ("category", LintRegistry.rule(finding.rule).map { .string($0.description.category.rawValue) } ?? .null),
                ("severity", .string(finding.severity.word)),
                ("message", .string(finding.message)),
            ]
            if let location = finding.location {
                fields += [("file", .string(location.file)), ("line", .int(location.line)), ("column", .int(location.column))]
            }
            if let help = finding.help { fields.append(("help", .string(help))) }
            return .object(fields)
        }
        let summary: JSON = .object([
            ("errors", .int(report.errorCount)), ("warnings", .int(report.warningCount)),
            ("infos", .int(report.findings.count - report.errorCount - report.warningCount)),
        ])
        return JSON.object([("findings", .array(findings)), ("summary", summary)]).pretty() + "\n"
    }
}
