import GavelSyntax
import GavelEngine

/// A file larger than the loader's limit.
///
/// Files are read whole; the bound keeps a stray export or a hostile file from
/// exhausting memory.
package struct FileTooLargeCheck: LoaderReportedRule {
    package init() {}

    package static let description = LintRuleDescription(
        code: .fileTooLarge,
        category: .loading,
        defaultSeverity: .error,
        summary: "A file is larger than the limit",
        documentation: """
            Gavel reads at most 64 MiB from any one file: a bundle file, an `entries_from` file or a case \
            file. The size is checked before a byte is parsed, so an oversized file costs nothing, and is \
            not part of the bundle.

            Split the file: several policy files, or a large designation list as an `entries_from:` JSONL \
            file per source list. For batches of cases, use several `.jsonl` files.
            """,
        // The file is made when the example runs: 64 MiB is not kept in every
        // process that reads the rule catalog. The padding stands for the
        // entries of a full export; it is never parsed.
        triggering: [
            .bytes(
                "lists/us-sdn.yaml",
                shown: """
                    ↓kind: List
                    id: us-sdn
                    source: https://sanctionslist.ofac.treas.gov/
                    as_of: 2024-05-01
                    # … 64 MiB more …
                    """
            ) {
                Array("↓kind: List\nid: us-sdn\nsource: https://sanctionslist.ofac.treas.gov/\nas_of: 2024-05-01\n".utf8)
                    + Array(repeating: UInt8(ascii: "#"), count: LoadLimits.defaultMaxFileBytes)
            }
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
                    entries:
                      - { id: sdn-1, name: Example Trading LLC }
                    """
                )
            ])
        ])
}
