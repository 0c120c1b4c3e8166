import Foundation
import GavelEngine
import GavelSyntax

/// SARIF 2.1.0 (OASIS), for code-scanning services. The driver describes
/// the rules the results refer to (by index); columns are Unicode code
/// points, as libyaml counts them.
enum SARIFReporter {
    static let schema = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"

    static func render(_ report: LintReport) -> String {
        let referenced = Set(report.findings.map(\.rule))
        let rules = LintRegistry.all.map { $0.description }.filter { referenced.contains($0.id) }
        var index: [String: Int] = [:]
        for (i, rule) in rules.enumerated() { index[rule.id] = i }
        let driver = JSON.object([
            ("name", .string("gavel")),
            ("semanticVersion", .string(DecisionRecord.engineVersion)),
            ("rules", .array(rules.map(descriptor))),
        ])
        let run = JSON.object([
            ("tool", .object([("driver", driver)])),
            ("columnKind", .string("unicodeCodePoints")),
            ("results", .array(report.findings.map { result($0, index: index) })),
        ])
        let log = JSON.object([("$schema", .string(schema)), ("version", .string("2.1.0")), ("runs", .array([run]))])
        return log.pretty() + "\n"
    }

    static func descriptor(_ rule: LintRuleDescription) -> JSON {
        let name = rule.id.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
        let fields: [(String, JSON)] = [
            ("id", .string(rule.id)),
            ("name", .string(name)),
            ("shortDescription", text(rule.summary)),
            ("fullDescription", text(rule.documentation)),
            ("help", text("gavel lint --explain \(rule.id)")),
            ("defaultConfiguration", .object([("level", .string(level(rule.defaultSeverity)))])),
            ("properties", .object([("category", .string(rule.category.rawValue))])),
        ]
        return .object(fields)
    }

    static func result(_ finding: Diagnostic, index: [String: Int]) -> JSON {
        var fields: [(String, JSON)] = [("ruleId", .string(finding.rule))]
        if let i = index[finding.rule] { fields.append(("ruleIndex", .int(i))) }
        fields.append(("level", .string(level(finding.severity))))
        var message = finding.message
        if let help = finding.help { message += " (help: \(help))" }
        fields.append(("message", text(message)))
        if let location = finding.location { fields.append(("locations", .array([physical(location)]))) }
        return .object(fields)
    }

    static func physical(_ location: SourceLocation) -> JSON {
        let region = JSON.object([
            ("startLine", .int(max(1, location.line))), ("startColumn", .int(max(1, location.column))),
        ])
        let artifact = JSON.object([("uri", .string(uri(location.file)))])
        return .object([("physicalLocation", .object([("artifactLocation", artifact), ("region", region)]))])
    }

    static func text(_ value: String) -> JSON { .object([("text", .string(value))]) }

    static func level(_ severity: Diagnostic.Severity) -> String {
        switch severity {
        case .error: return "error"
        case .warning: return "warning"
        case .info: return "note"
        }
    }

    /// A relative path as a URI reference: percent-encoded, `/`-separated.
    static func uri(_ path: String) -> String {
        var trimmed = path
        while trimmed.hasPrefix("./") { trimmed.removeFirst(2) }
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: ":")
        return trimmed.addingPercentEncoding(withAllowedCharacters: allowed) ?? trimmed
    }
}
