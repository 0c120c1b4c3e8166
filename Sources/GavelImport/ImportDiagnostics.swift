import GavelSyntax

extension DiagnosticCode {
    /// An official list file that is not well-formed XML or CSV (an unterminated quote, a broken tag).
    package static let importSyntax = DiagnosticCode("import-syntax")
    /// A well-formed file that is not what its `--format` says (a missing id, a wrong root, a bad date).
    package static let importFormat = DiagnosticCode("import-format")
}
