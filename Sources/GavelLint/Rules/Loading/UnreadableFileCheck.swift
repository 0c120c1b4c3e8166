import GavelSyntax
import GavelEngine

/// A file Gavel was asked to read that does not exist or cannot be read.
///
/// A list whose `entries_from` file is missing would screen against nothing,
/// and no customer would ever match it.
package struct UnreadableFileCheck: LoaderReportedRule {
    package init() {}

    package static let description = LintRuleDescription(
        code: .unreadableFile,
        category: .loading,
        defaultSeverity: .error,
        summary: "A file named in the bundle or on the command line cannot be read",
        documentation: """
            The policy directory, a case file given on the command line, or the file a list's \
            `entries_from:` names does not exist or cannot be read (permissions, a dangling link). A list \
            without its entries is worse than no list: every screen against it would come back clean.

            Check the path — `entries_from` is relative to the list file — and that the file is committed \
            with the bundle and readable by the user running Gavel. A path that leaves the policy directory \
            is `path-outside-bundle` instead.
            """,
        triggering: [
            .files([
                (
                    "lists/us-sdn.yaml",
                    """
                    kind: List
                    id: us-sdn
                    source: https://sanctionslist.ofac.treas.gov/
                    as_of: 2024-05-01
                    entries_from: ↓us-sdn.jsonl
                    """
                )
            ])
        ],
        nonTriggering: [
            .files([
                (
                    "lists/us-sdn.yaml",
                    """
                    kind: List
                    id: us-sdn
                    source: https://sanctionslist.ofac.treas.gov/
                    as_of: 2024-05-01
                    entries_from: us-sdn.jsonl
                    """
                ),
                ("lists/us-sdn.jsonl", #"{"id": "sdn-1", "name": "Example Trading LLC"}"# + "\n"),
            ])
        ])
}
