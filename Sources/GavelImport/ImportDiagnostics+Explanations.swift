import GavelSyntax

extension DiagnosticExplanation {
    /// `gavel lists import`'s errors (ImportDiagnostics.swift), as `gavel lint --explain` prints them.
    package static let listImport: [DiagnosticExplanation] = [
        DiagnosticExplanation(
            code: .importSyntax,
            reportedBy: ["gavel lists import"],
            summary: "An official list file is not well-formed XML or CSV",
            documentation: """
                `gavel lists import` reads the files OFAC, the UN, the EU and the UK publish as they are. A file \
                that is not well-formed — an unterminated quoted field or a stray `"` in a CSV, a broken tag, an \
                external entity or bytes that are not UTF-8 in an XML file — is refused at its `file:line:column` \
                and nothing is written (exit 2): a list imported from part of a file would drop designations \
                without a word.

                Download the file again (most often it was cut short or saved by a program that changed it) and \
                import the fresh copy.
                """,
            example: """
                sdn.csv:1:3: error[import-syntax] unterminated quoted field; expected a closing `"` before the end of the file
                  help: a quote inside a quoted field is written twice: `""`
                """),
        DiagnosticExplanation(
            code: .importFormat,
            reportedBy: ["gavel lists import"],
            summary: "A well-formed file is not what its `--format` says",
            documentation: """
                The file reads as XML or CSV, but not as the format `--format` names: a wrong root element, a \
                row with the wrong number of fields, an entry without an id, a date that is no date, or a \
                `--listed-dates` file whose rows are not `id,program,listed,note`. The import stops at the first such \
                place, with its `file:line:column`, and writes nothing (exit 2).

                Check that `--format` matches the file (`ofac-sdn-xml`, `ofac-csv`, `un-xml`, `eu-fsf-xml`, \
                `uk-csv`), and that it is the publisher's current layout; for a curated dates file, correct the \
                row the message names.
                """,
            example: """
                sdn.csv:1:1: error[import-format] row has 3 fields; expected 12
                """),
    ]
}
