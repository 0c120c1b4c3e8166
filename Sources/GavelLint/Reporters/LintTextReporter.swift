import GavelSyntax
import GavelEngine

/// `file:line:column: level[rule-id] message`, the source line with a caret
/// under the column, then the fix — grouped by file, a summary last.
enum LintTextReporter {
    static func render(_ report: LintReport) -> String {
        var out = ""
        var currentFile: String?
        for finding in report.findings {
            let file = finding.location?.file
            if file != currentFile, currentFile != nil { out += "\n" }
            currentFile = file
            let place = finding.location.map { "\($0): " } ?? ""
            out += "\(place)\(finding.severity.word)[\(finding.rule)] \(finding.message)\n"
            if let location = finding.location, let line = sourceLine(report, location) {
                let number = String(location.line)
                let gutter = String(repeating: " ", count: number.count)
                // Tabs keep their width so the caret stays under the column.
                let prefix = line.unicodeScalars.prefix(max(0, location.column - 1)).map { $0 == "\t" ? "\t" : " " }.joined()
                out += " \(gutter) |\n"
                out += " \(number) | \(line)\n"
                out += " \(gutter) | \(prefix)^\n"
            }
            if let help = finding.help { out += "  help: \(help)\n" }
            if LintRegistry.rule(finding.rule) != nil { out += "  see: gavel lint --explain \(finding.rule)\n" }
        }
        if !report.findings.isEmpty { out += "\n" }
        out += summary(report) + "\n"
        return out
    }

    static func summary(_ report: LintReport) -> String {
        if report.findings.isEmpty { return "no problems found" }
        let files = Set(report.findings.compactMap(\.location?.file)).count
        let infos = report.findings.count - report.errorCount - report.warningCount
        var parts = [plural(report.errorCount, "error"), plural(report.warningCount, "warning")]
        if infos > 0 { parts.append(plural(infos, "note")) }
        return parts.joined(separator: ", ") + " in " + plural(files, "file")
    }

    static func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }

    static func sourceLine(_ report: LintReport, _ location: SourceLocation) -> String? {
        guard let bytes = report.fileContents[location.file] else { return nil }
        var line = 1
        var start = 0
        for (index, byte) in bytes.enumerated() where byte == 10 {
            if line == location.line { return String(decoding: bytes[start..<index], as: UTF8.self).withoutCarriageReturn }
            line += 1
            start = index + 1
        }
        return line == location.line && start < bytes.count
            ? String(decoding: bytes[start...], as: UTF8.self).withoutCarriageReturn : nil
    }
}

extension String {
    fileprivate var withoutCarriageReturn: String { hasSuffix("\r") ? String(dropLast()) : self }
}
