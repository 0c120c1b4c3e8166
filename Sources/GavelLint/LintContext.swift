import GavelSyntax
import GavelEngine

/// What every lint rule sees: the bundle as far as it could be read and
/// compiled, the case files, the loader's problems and the settings.
package struct LintContext: Sendable {
    package var analysis: BundleAnalysis
    package var cases: [LintedCase]
    /// Problems found while reading case files (same ids as the bundle's).
    package var caseProblems: [Diagnostic]
    /// Problems with lint's own configuration (levels, ignore markers).
    package var configurationProblems: [Diagnostic] = []

    package var documents: BundleDocuments? { analysis.documents }
    package var compiled: CompiledBundle? { analysis.compiled }
    /// The bundle's `lint:` settings; problems with them are configuration problems.
    package let settings: LintSettings
    package var schema: CaseSchema? { analysis.documents?.schema }

    package init(analysis: BundleAnalysis, cases: [LintedCase], caseProblems: [Diagnostic]) {
        self.analysis = analysis
        self.cases = cases
        self.caseProblems = caseProblems
        (settings, configurationProblems) = LintSettings.read(analysis.documents?.manifest.lint)
    }

    /// The loader's and compiler's findings under one rule id.
    package func loadProblems(_ code: DiagnosticCode) -> [Diagnostic] {
        (analysis.diagnostics + caseProblems + configurationProblems).filter { $0.code == code }
    }

    package var policies: [Policy] { documents?.policies ?? [] }

    /// Every rule as written, with its policy.
    package var rules: [(rule: Rule, policy: Policy)] {
        policies.flatMap { policy in policy.rules.map { ($0, policy) } }
    }

    package var exceptions: [(exception: PolicyException, policy: Policy)] {
        policies.flatMap { policy in policy.exceptions.map { ($0, policy) } }
    }

    /// A finding of `rule` at its default severity.
    package func finding(
        _ rule: LintRuleDescription, _ message: String, at location: SourceLocation?, help: String? = nil
    ) -> Diagnostic {
        Diagnostic(rule.defaultSeverity, code: rule.code, message: message, at: location, help: help)
    }
}

/// A case file document as lint sees it: its tree (for locations) and, when
/// it could be read, the case.
package struct LintedCase: Sendable {
    package var root: SourceNode
    package var record: CaseRecord?
}
