import GavelSyntax
import GavelEngine

/// A file reference that leaves the policy directory.
///
/// A bundle is exactly the files in its directory: that is what its digest
/// covers and what a replay restores. A file read from outside would change
/// decisions without changing the digest.
package struct PathOutsideBundleCheck: LoaderReportedRule {
    package init() {}

    package static let description = LintRuleDescription(
        code: .pathOutsideBundle,
        category: .references,
        defaultSeverity: .error,
        summary: "`entries_from` or a symbolic link leads outside the policy directory",
        documentation: """
            Gavel reads nothing outside the policy directory: no absolute paths, no `..`, no symbolic link \
            (a policy file or an `entries_from` file) that resolves to a file elsewhere. The bundle digest \
            recorded with every decision covers only the bundle's files, and `gavel audit replay` restores \
            only those; a list read from a folder beside the bundle could change under a logged decision and the replay \
            would not notice. Such files are not read. (A file that simply does not exist is \
            `unreadable-file`.)

            Copy the file into the bundle, e.g. next to the list file, and name it relative to the list: \
            `entries_from: us-sdn.jsonl`.
            """,
        // A symbolic link leading out cannot be written as an example (examples
        // are file contents); BundleProblemTests covers it.
        triggering: [
            .files([
                (
                    "lists/us-sdn.yaml",
                    """
                    kind: List
                    id: us-sdn
                    source: https://sanctionslist.ofac.treas.gov/
                    as_of: 2024-05-01
                    entries_from: ↓../../downloads/us-sdn.jsonl
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
                    entries_from: data/us-sdn.jsonl
                    """
                ),
                ("lists/data/us-sdn.jsonl", #"{"id": "sdn-1", "name": "Example Trading LLC"}"# + "\n"),
            ])
        ])
}
