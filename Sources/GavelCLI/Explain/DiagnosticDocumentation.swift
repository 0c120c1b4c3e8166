import GavelSyntax

/// The page of a diagnostic that is not a lint rule, from its explanation:
/// what `gavel lint --explain` prints and what docs/diagnostics.md is
/// generated from, so that the two cannot disagree (as LintDocumentation
/// does for the rules).
package enum DiagnosticDocumentation {
    package static func page(_ explanation: DiagnosticExplanation, headingLevel: Int = 1) -> String {
        let h = String(repeating: "#", count: headingLevel)
        var out = "\(h) \(explanation.id)\n\n"
        out += "\(explanation.summary).\n\n"
        out += "- Reported by: " + explanation.reportedBy.map { "`\($0)`" }.joined(separator: ", ") + "\n"
        // Said outright: a user who found the id in lint's list of levels would look for it there.
        out += "- Level: error; not a lint rule, so `bundle.yaml` cannot change its level and no marker silences it\n\n"
        out += "\(h)# What it means\n\n\(explanation.documentation)\n\n"
        out += "\(h)# Example\n\n```\n\(explanation.example)\n```\n"
        return out
    }

    /// docs/diagnostics.md: every id that is not a lint rule.
    package static func catalog(_ explanations: [DiagnosticExplanation] = DiagnosticCatalog.explanations) -> String {
        var out = """
            # Gavel diagnostics that are not lint rules

            Generated from their explanations in `Sources/` (`swift test` fails when this file is stale; \
            `GAVEL_RECORD=1 swift test` rewrites it). These are reported by `gavel evaluate --strict`, the \
            decision log and `gavel audit`, and `gavel lists import`; every other id is a lint rule, in \
            [lint-rules.md](lint-rules.md). `gavel lint --explain ID` prints the page of any of them.


            """
        out += "| id | reported by | summary |\n|---|---|---|\n"
        for explanation in explanations {
            let commands = explanation.reportedBy.map { "`\($0)`" }.joined(separator: ", ")
            out += "| [`\(explanation.id)`](#\(explanation.id)) | \(commands) | \(explanation.summary) |\n"
        }
        out += "\n"
        out += explanations.map { page($0, headingLevel: 2) }.joined(separator: "\n")
        return out
    }
}
