import Foundation
import GavelEngine
import GavelSyntax

/// GitHub Actions workflow commands: one `::error file=…,line=…,col=…::…`
/// line per finding, so findings appear as annotations on the diff.
enum GitHubReporter {
    static func render(_ report: LintReport) -> String {
        report.findings.map { finding in
            let command: String
            switch finding.severity {
            case .error: command = "error"
            case .warning: command = "warning"
            case .info: command = "notice"
            }
            var properties: [String] = []
            if let location = finding.location {
                properties += [
                    "file=\(escapeProperty(location.file))", "line=\(location.line)", "col=\(location.column)",
                ]
            }
            properties.append("title=\(escapeProperty("gavel " + finding.rule))")
            var message = finding.message
            if let help = finding.help { message += "\nhelp: \(help)" }
            return "::\(command) \(properties.joined(separator: ","))::\(escapeData(message))\n"
        }.joined()
    }

    /// The escaping GitHub's runner applies to workflow command data.
    static func escapeData(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }

    static func escapeProperty(_ text: String) -> String {
        escapeData(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}
