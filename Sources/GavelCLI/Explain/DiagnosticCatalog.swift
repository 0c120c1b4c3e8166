import GavelEngine
import GavelImport
import GavelLint
import GavelLog
import GavelSyntax

/// Every diagnostic id Gavel can print, and its documentation: what `gavel
/// lint --explain ID` looks up, so that an id met in any output — lint's,
/// the loader's, `evaluate --strict`'s, the decision log's, `lists
/// import`'s — can be asked about in one place.
package enum DiagnosticCatalog {
    /// The codes no lint rule documents, each explained beside its code.
    package static let explanations: [DiagnosticExplanation] =
        DiagnosticExplanation.strictEvaluation + DiagnosticExplanation.decisionLog + DiagnosticExplanation.listImport
        + [DiagnosticExplanation.humanDecision]

    /// Every id: the lint rules' (which include every code loading reports), then the others.
    package static var ids: [String] { LintRegistry.all.map { $0.description.id } + explanations.map(\.id) }

    /// The page `--explain` prints for `id`; nil when Gavel prints no such id.
    package static func page(_ id: String) -> String? {
        if let rule = LintRegistry.rule(id) { return LintDocumentation.page(rule.description) }
        return explanations.first { $0.id == id }.map { DiagnosticDocumentation.page($0) }
    }

    /// Why `id` has no page, with the closest id there is.
    package static func unknown(_ id: String) -> String {
        let hint = DidYouMean.help(for: id, among: ids).map { "; \($0)" }
            ?? "; `gavel lint --list` shows every lint rule, docs/diagnostics.md every other id"
        return "no diagnostic id `\(id)`\(hint)"
    }
}
