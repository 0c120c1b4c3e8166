import GavelSyntax
import GavelEngine

/// A case file, or a case folder, with no case in it.
///
/// An empty file among the cases usually means an export or a copy went wrong;
/// `gavel test` would otherwise pass with one case fewer than expected, and
/// `evaluate` over an empty folder would exit 0 having decided nothing.
package struct EmptyFileCheck: LoaderReportedRule {
    package init() {}

    package static let description = LintRuleDescription(
        code: .emptyFile,
        category: .loading,
        defaultSeverity: .error,
        summary: "A case file or case folder holds no case",
        documentation: """
            A case file given to `gavel lint`, `evaluate` or `test` holds no document at all — it is empty \
            or only comments. Nothing is decided for it, and a test run over a folder of cases would report \
            fewer cases without saying which one went missing. A folder given to `evaluate` that holds no \
            `.yaml`, `.yml`, `.json` or `.jsonl` file at all is reported the same way, and `evaluate` exits 2 \
            rather than 0 for a batch with nothing in it.

            Fill in the case (`kind: Case`, `id:` and its data) or delete the file; name the right folder.
            """,
        triggering: [
            .files([("cases/c.yaml", "↓# CASE-2024-0117: to be filled in from ticket ABUSE-4411\n")])
        ],
        nonTriggering: [
            .files([
                (
                    "cases/c.yaml",
                    """
                    # From ticket ABUSE-4411
                    kind: Case
                    id: CASE-2024-0117
                    site: { domain: login-paypa1.example, categories: [phishing] }
                    """
                )
            ])
        ])
}
