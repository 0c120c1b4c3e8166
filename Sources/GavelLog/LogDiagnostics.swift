import GavelSyntax

extension DiagnosticCode {
    /// The log file cannot be opened, created or written.
    package static let logUnwritable = DiagnosticCode("log-unwritable")
    /// The log file is there but cannot be read: damaged, cut short, or not readable by this process.
    package static let logUnreadable = DiagnosticCode("log-unreadable")
    /// The file is not a Gavel decision log (another SQLite app's, or not SQLite at all).
    package static let notADecisionLog = DiagnosticCode("not-a-decision-log")
    /// The log was written by a newer Gavel whose schema this one does not know.
    package static let logSchemaTooNew = DiagnosticCode("log-schema-too-new")
    /// No entry has the id asked for.
    package static let unknownEntry = DiagnosticCode("unknown-entry")
    /// A key file that cannot be read or written, or is not a key.
    package static let badKeyFile = DiagnosticCode("bad-key-file")
    /// A logged decision that cannot be shown (its case or bundle no longer reads back the same).
    package static let logReplay = DiagnosticCode("log-replay")
}

extension Diagnostic {
    package static func log(_ code: DiagnosticCode, _ message: String, path: String?, help: String? = nil) -> Diagnostic {
        .error(code, message, at: path.map { SourceLocation(file: $0, line: 1, column: 1) }, help: help)
    }
}
