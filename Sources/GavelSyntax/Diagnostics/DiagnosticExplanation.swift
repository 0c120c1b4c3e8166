/// The documentation of a diagnostic code that no lint rule carries (an
/// error of `evaluate --strict`, of the decision log, of `lists import`):
/// what `gavel lint --explain ID` prints for it, since a user who meets an
/// id in any output must be able to look it up. Each is written beside the
/// code it documents; lint rules document their own codes.
package struct DiagnosticExplanation: Sendable {
    package var code: DiagnosticCode
    package var id: String { code.rawValue }
    /// The commands that report it, as a user types them (`gavel evaluate --strict`).
    package var reportedBy: [String]
    /// One line, no final period.
    package var summary: String
    /// What it means and how to fix it (Markdown paragraphs).
    package var documentation: String
    /// What it looks like on stderr, as Gavel prints it.
    package var example: String

    package init(code: DiagnosticCode, reportedBy: [String], summary: String, documentation: String, example: String) {
        self.code = code
        self.reportedBy = reportedBy
        self.summary = summary
        self.documentation = documentation
        self.example = example
    }
}
