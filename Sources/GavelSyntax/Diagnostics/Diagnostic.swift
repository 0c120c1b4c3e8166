/// Every problem Gavel reports, from a libyaml syntax error to a lint finding,
/// is one of these: where, which rule, what is wrong, how to fix it.
public struct Diagnostic: Error, Sendable, Hashable, Comparable {
    public enum Severity: String, Sendable, Hashable, Comparable {
        case info, warning, error

        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }

        private var rank: Int {
            switch self {
            case .info: return 0
            case .warning: return 1
            case .error: return 2
            }
        }
    }

    public var severity: Severity
    /// The check that produced it (`duplicate-key`, `unknown-field`).
    public var code: DiagnosticCode
    /// The code as reports, settings and ignore markers write it.
    public var rule: String { code.rawValue }
    /// Lowercase, no final period, user values in backticks.
    public var message: String
    public var location: SourceLocation?
    public var help: String?

    package init(
        _ severity: Severity = .error, code: DiagnosticCode, message: String,
        at location: SourceLocation?, help: String? = nil
    ) {
        self.severity = severity
        self.code = code
        self.message = message
        self.location = location
        self.help = help
    }

    package static func error(
        _ code: DiagnosticCode, _ message: String, at location: SourceLocation?, help: String? = nil
    ) -> Diagnostic {
        Diagnostic(.error, code: code, message: message, at: location, help: help)
    }

    /// Sorted by place first so output never depends on discovery order.
    public static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        let l = lhs.location ?? SourceLocation(file: "", line: 0, column: 0)
        let r = rhs.location ?? SourceLocation(file: "", line: 0, column: 0)
        if l != r { return l < r }
        if lhs.code != rhs.code { return lhs.code < rhs.code }
        return lhs.message < rhs.message
    }

    /// `file:line:column: error[rule] message` — the one-line form used on stderr.
    public var oneLine: String {
        let place = location.map { "\($0): " } ?? ""
        var text = "\(place)\(severity.rawValue)[\(rule)] \(message)"
        if let help { text += "\n  help: \(help)" }
        return text
    }
}

/// Thrown when input cannot be used; carries every problem found, not just the first.
public struct DiagnosticError: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]

    package init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics.sorted() }
    package init(_ diagnostic: Diagnostic) { self.diagnostics = [diagnostic] }

    public var description: String { diagnostics.map(\.oneLine).joined(separator: "\n") }
}
