import GavelSyntax
import GavelEngine

/// A file that is not UTF-8.
///
/// A Latin-1 or UTF-16 file would be decoded into different names than the
/// author wrote, and screening would compare the wrong strings.
package struct InvalidUTF8Check: LoaderReportedRule {
    package init() {}

    package static let description = LintRuleDescription(
        code: .invalidUTF8,
        category: .loading,
        defaultSeverity: .error,
        summary: "A file is not valid UTF-8",
        documentation: """
            Every input is UTF-8. A byte that cannot be UTF-8 (typically `é` saved as Latin-1 byte 0xE9) or \
            a UTF-16 or UTF-32 byte-order mark means the file was saved in another encoding. Guessing the \
            encoding would change names on designation lists, and with them which customers match.

            Re-save the file as UTF-8 (most editors: "Save with encoding"; `iconv -f latin1 -t utf-8`). \
            The finding points at the first byte that is not UTF-8.
            """,
        // A Swift string cannot hold bytes that are not UTF-8, so these
        // examples are given as bytes.
        triggering: [
            .bytes(
                "lists/eu-consolidated.yaml",
                shown: """
                    kind: List
                    id: eu-consolidated
                    source: https://data.europa.eu/data/datasets/consolidated-list-of-persons-groups-and-entities-subject-to-eu-financial-sanctions
                    as_of: 2024-05-01
                    entries:
                      - id: eu-4242
                        name: "Soci↓\\xE9t\\xE9 \\xC9cran Internationale"   # saved as Latin-1: é is the byte 0xE9
                    """
            ) {
                Array(
                    """
                    kind: List
                    id: eu-consolidated
                    source: https://data.europa.eu/data/datasets/consolidated-list-of-persons-groups-and-entities-subject-to-eu-financial-sanctions
                    as_of: 2024-05-01
                    entries:
                      - id: eu-4242
                        name: "Soci↓
                    """.utf8) + [0xE9] + Array("t".utf8) + [0xE9, 0x20, 0xC9] + Array("cran Internationale\"\n".utf8)
            },
            .bytes(
                "policies/example.yaml",
                shown: """
                    ↓\\xFF\\xFE  # a UTF-16LE byte-order mark; the whole file is UTF-16LE, as some Windows editors save
                    kind: Policy
                    id: sanctions
                    owner: legal@example.com
                    """
            ) {
                Array("↓".utf8) + [0xFF, 0xFE]
                    + "kind: Policy\nid: sanctions\nowner: legal@example.com\n".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
            },
        ],
        nonTriggering: [
            .files([
                (
                    "lists/eu-consolidated.yaml",
                    """
                    kind: List
                    id: eu-consolidated
                    source: https://data.europa.eu/data/datasets/consolidated-list-of-persons-groups-and-entities-subject-to-eu-financial-sanctions
                    as_of: 2024-05-01
                    entries:
                      - id: eu-4242
                        name: "Société Écran Internationale"
                    """
                )
            ])
        ])
}
