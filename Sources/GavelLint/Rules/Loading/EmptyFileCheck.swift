import GavelSyntax
import GavelEngine

/// A case file, a case folder or a file of the policy directory with no
/// document in it.
///
/// An empty file among the cases usually means an export or a copy went wrong;
/// `gavel test` would otherwise pass with one case fewer than expected, and
/// `evaluate` over an empty folder would exit 0 having decided nothing. In the
/// policy directory it is worse: a policy file emptied by a failed copy took
/// its rules with it, and every case was decided without them.
package struct EmptyFileCheck: LoaderReportedRule {
    package init() {}

    package static let description = LintRuleDescription(
        code: .emptyFile,
        category: .loading,
        defaultSeverity: .error,
        summary: "A case file, a case folder or a policy-directory file holds nothing",
        documentation: """
            A case file given to `gavel lint`, `evaluate` or `test` holds no document at all — it is empty \
            or only comments. Nothing is decided for it, and a test run over a folder of cases would report \
            fewer cases without saying which one went missing. A folder given to `evaluate` that holds no \
            `.yaml`, `.yml`, `.json` or `.jsonl` file at all is reported the same way, and `evaluate` exits 2 \
            rather than 0 for a batch with nothing in it.

            A YAML file of the policy directory that holds no document is refused too, and the bundle \
            with it: an emptied or truncated `us-sanctions.yaml` would otherwise leave the bundle without \
            its sanctions rules, and every case would be decided as if they had never been written.

            Fill in the case (`kind: Case`, `id:` and its data) or delete the file; name the right folder. \
            Restore a policy file from version control, or delete it if the bundle no longer needs it.
            """,
        triggering: [
            .files([("cases/c.yaml", "↓# CASE-2024-0117: to be filled in from ticket ABUSE-4411\n")]),
            .files([("policies/us-sanctions.yaml", "↓# US sanctions: SDGT and FTO designations (31 CFR 594, 597)\n")]),
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
