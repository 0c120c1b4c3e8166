import GavelSyntax
import GavelEngine

/// Renders a lint report in one output format. Reporters only format: the
/// findings, their order and the exit status are decided before.
public enum LintFormat: String, Sendable, CaseIterable {
    case text, json, sarif, github

    public func render(_ report: LintReport) -> String {
        switch self {
        case .text: return LintTextReporter.render(report)
        case .json: return LintJSONReporter.render(report)
        case .sarif: return SARIFReporter.render(report)
        case .github: return GitHubReporter.render(report)
        }
    }
}

extension Diagnostic.Severity {
    /// `error`, `warning`, or `info`, as configuration spells it.
    var word: String { rawValue }
}
