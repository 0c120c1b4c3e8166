import GavelSyntax
import GavelEngine

/// One check of `gavel lint`. Each rule lives in its own file with its
/// documentation and examples; the examples are its tests.
package protocol LintRule: Sendable {
    static var description: LintRuleDescription { get }
    init()
    /// Findings at the rule's default severity; the linter applies configuration.
    func check(_ context: LintContext) -> [Diagnostic]
}

/// Rules whose findings the loader and compiler already produce under the
/// rule's id (a duplicate key, an unknown decision): the rule documents them
/// and makes them configurable; it does not look for them a second time.
package protocol LoaderReportedRule: LintRule {}

extension LoaderReportedRule {
    package func check(_ context: LintContext) -> [Diagnostic] {
        context.loadProblems(Self.description.code)
    }
}

package enum LintCategory: String, Sendable, CaseIterable, Codable {
    case loading, references, schema, semantics, auditability
}

package struct LintRuleDescription: Sendable {
    /// Kebab-case, stable: it appears in configuration, markers and reports.
    package var code: DiagnosticCode
    package var id: String { code.rawValue }
    package var category: LintCategory
    package var defaultSeverity: Diagnostic.Severity
    /// One line, no final period.
    package var summary: String
    /// Why it matters and how to fix it (Markdown paragraphs).
    package var documentation: String
    /// Bundles that must trigger the rule exactly at their `↓` markers.
    package var triggering: [LintExample]
    /// Bundles that must not trigger it.
    package var nonTriggering: [LintExample]

    package init(
        id: String, category: LintCategory, defaultSeverity: Diagnostic.Severity, summary: String,
        documentation: String, triggering: [LintExample], nonTriggering: [LintExample]
    ) {
        self.init(
            code: DiagnosticCode(id), category: category, defaultSeverity: defaultSeverity, summary: summary,
            documentation: documentation, triggering: triggering, nonTriggering: nonTriggering)
    }

    /// The documentation of a code that loading or lint's configuration reports.
    package init(
        code: DiagnosticCode, category: LintCategory, defaultSeverity: Diagnostic.Severity, summary: String,
        documentation: String, triggering: [LintExample], nonTriggering: [LintExample]
    ) {
        self.code = code
        self.category = category
        self.defaultSeverity = defaultSeverity
        self.summary = summary
        self.documentation = documentation
        self.triggering = triggering
        self.nonTriggering = nonTriggering
    }
}

/// A small bundle (and optionally case files) written for a rule's docs and
/// tests. `↓` marks where each expected finding points: the character after
/// the marker. Markers are removed before the files are linted.
package struct LintExample: Sendable {
    /// Relative path → YAML text. Paths under `cases/` are case files; all
    /// others form the policy directory.
    package var files: [(path: String, text: String)]
    /// Files given as bytes, built only when the example is run: for what a
    /// Swift string cannot hold (bytes that are not UTF-8) and for inputs too
    /// large to keep in every process that reads the rule catalog. `↓` is
    /// its UTF-8 encoding (E2 86 93) here. `shown` is how documentation
    /// prints the file (e.g. `\xE9` for a byte, `…` for 64 MiB of padding).
    package var byteFiles: [(path: String, shown: String, bytes: @Sendable () -> [UInt8])] = []
    /// Where the example was written, so a failing example points at its source.
    package var sourceFile: String
    package var sourceLine: Int

    package init(_ files: [(path: String, text: String)], file: String = #filePath, line: Int = #line) {
        self.files = files
        self.sourceFile = file
        self.sourceLine = line
    }

    /// One policy file, `policies/example.yaml`.
    package static func policy(_ text: String, file: String = #filePath, line: Int = #line) -> LintExample {
        LintExample([("policies/example.yaml", text)], file: file, line: line)
    }

    /// Several files.
    package static func files(_ files: [(String, String)], file: String = #filePath, line: Int = #line) -> LintExample {
        LintExample(files.map { (path: $0.0, text: $0.1) }, file: file, line: line)
    }

    /// One file as bytes, made when the example runs, and how documentation shows it.
    package static func bytes(
        _ path: String, shown: String, file: String = #filePath, line: Int = #line,
        _ bytes: @escaping @Sendable () -> [UInt8]
    ) -> LintExample {
        var example = LintExample([], file: file, line: line)
        example.byteFiles = [(path, shown, bytes)]
        return example
    }
}
