import GavelSyntax

extension DiagnosticCode {
    /// Problems with lint's own configuration, which only lint reads.
    package static let unknownLintRule = DiagnosticCode("unknown-lint-rule")
    package static let invalidIgnoreMarker = DiagnosticCode("invalid-ignore-marker")
}
