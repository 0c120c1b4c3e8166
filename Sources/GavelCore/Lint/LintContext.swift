/// What every lint rule sees: the bundle as far as it could be read and
/// compiled, the case files, the loader's problems and the settings.
public struct LintContext: Sendable {
    public var analysis: BundleAnalysis
    public var cases: [LintedCase]
    /// Problems found while reading case files (same ids as the bundle's).
    public var caseProblems: [Diagnostic]
    /// Problems with lint's own configuration (levels, ignore markers).
    public var configurationProblems: [Diagnostic] = []

    public var source: BundleSource? { analysis.source }
    public var compiled: CompiledBundle? { analysis.compiled }
    public var settings: LintSettings { analysis.source?.manifest.lint ?? LintSettings() }
    public var schema: CaseSchema? { analysis.source?.schema }

    public init(analysis: BundleAnalysis, cases: [LintedCase], caseProblems: [Diagnostic]) {
        self.analysis = analysis
        self.cases = cases
        self.caseProblems = caseProblems
    }

    /// The loader's and compiler's findings under one rule id.
    public func loadProblems(_ id: String) -> [Diagnostic] {
        (analysis.diagnostics + caseProblems + configurationProblems).filter { $0.rule == id }
    }

    public var policies: [Policy] { source?.policies ?? [] }

    /// Every rule as written, with its policy.
    public var rules: [(rule: Rule, policy: Policy)] {
        policies.flatMap { policy in policy.rules.map { ($0, policy) } }
    }

    public var exceptions: [(exception: PolicyException, policy: Policy)] {
        policies.flatMap { policy in policy.exceptions.map { ($0, policy) } }
    }

    /// A finding of `rule` at its default severity.
    public func finding(
        _ rule: LintRuleDescription, _ message: String, at location: SourceLocation?, help: String? = nil
    ) -> Diagnostic {
        Diagnostic(rule.defaultSeverity, rule: rule.id, message: message, at: location, help: help)
    }
}

/// A case file document as lint sees it: its tree (for locations) and, when
/// it could be read, the case.
public struct LintedCase: Sendable {
    public var root: SourceNode
    public var record: CaseRecord?
}
