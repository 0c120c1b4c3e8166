import GavelSyntax
import GavelEngine

/// A line of a `.jsonl` file that is not exactly one JSON object.
///
/// Each line is one entry or case; a line that holds none (or several) would
/// silently drop or merge records.
package struct JSONLLineCheck: LoaderReportedRule {
    package init() {}

    package static let description = LintRuleDescription(
        code: .jsonlLine,
        category: .loading,
        defaultSeverity: .error,
        summary: "A JSON Lines line does not hold exactly one document",
        documentation: """
            In a `.jsonl` file — a list's `entries_from:` or a batch of cases — every non-blank line is one \
            JSON object. A line that is only a comment, or that holds several values (two objects run \
            together, `{"id": "sdn-1", …} {"id": "sdn-2", …}`, or a stray `}` or `,` after the object), has \
            no single record to read; skipping it would drop an entry from a designation list without a \
            trace. The finding points at what follows the first value. (A line that is not valid JSON at all \
            is reported as `yaml-syntax` at its line.)

            Put exactly one object on each line, and nothing after it; keep notes about the file in the \
            list's `description:`.
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
                    entries_from: us-sdn.jsonl
                    """
                ),
                (
                    "lists/us-sdn.jsonl",
                    """
                    ↓# exported 2024-05-01 from sdn_advanced.xml
                    {"id": "sdn-1", "name": "Example Trading LLC"}

                    """
                ),
            ]),
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
                (
                    "lists/us-sdn.jsonl",
                    """
                    {"id": "sdn-1", "name": "Example Trading LLC"} ↓{"id": "sdn-2", "name": "Example Shipping LLC"}

                    """
                ),
            ]),
        ],
        nonTriggering: [
            .files([
                (
                    "lists/us-sdn.yaml",
                    """
                    kind: List
                    id: us-sdn
                    description: exported 2024-05-01 from sdn_advanced.xml
                    source: https://sanctionslist.ofac.treas.gov/
                    as_of: 2024-05-01
                    entries_from: us-sdn.jsonl
                    """
                ),
                ("lists/us-sdn.jsonl", #"{"id": "sdn-1", "name": "Example Trading LLC"}"# + "\n"),
            ])
        ])
}
