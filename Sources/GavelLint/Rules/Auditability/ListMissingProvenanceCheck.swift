import GavelSyntax
import GavelEngine

/// A designation list without `source` or `as_of`.
///
/// Screening results are only as good as the copy of the list; without its
/// origin and date nobody can tell whether a match was current.
package struct ListMissingProvenanceCheck: LintRule {
    package init() {}

    package static let description = LintRuleDescription(
        id: "list-missing-provenance",
        category: .auditability,
        defaultSeverity: .warning,
        summary: "A designation list does not say where or when it was copied from",
        documentation: """
            A `kind: List` is a dated copy of an official list (the OFAC SDN list, the EU consolidated \
            list). Decision records cite the list's `as_of` and digest; an auditor checking a termination \
            asks which publication the customer was matched against, and whether a delisting published \
            since was missed. Without `source` (where the copy came from) and `as_of` (the date of the \
            copy) neither question has an answer.

            Add `source:` with the URL or document the list was taken from and `as_of:` with the date of \
            that publication, and update both whenever the list is refreshed.
            """,
        triggering: [
            .files([
                (
                    "lists/us-fto.yaml",
                    """
                    kind: List
                    id: ↓us-fto
                    title: US Department of State — Foreign Terrorist Organizations
                    authority: US-DOS
                    entries:
                      - { id: fto-hamas, name: HAMAS, listed: 1997-10-08 }
                    """
                ),
                (
                    "lists/eu-terrorist.yaml",
                    """
                    kind: List
                    id: ↓eu-terrorist
                    source: https://eur-lex.europa.eu/eli/dec/2024/2054/oj
                    entries:
                      - { id: eu-hamas, name: HAMAS }
                    """
                ),
            ])
        ],
        nonTriggering: [
            .files([
                (
                    "lists/us-fto.yaml",
                    """
                    kind: List
                    id: us-fto
                    title: US Department of State — Foreign Terrorist Organizations
                    authority: US-DOS
                    source: https://www.state.gov/foreign-terrorist-organizations/
                    as_of: 2018-03-01
                    entries:
                      - { id: fto-hamas, name: HAMAS, listed: 1997-10-08 }
                    """
                )
            ])
        ])

    package func check(_ context: LintContext) -> [Diagnostic] {
        (context.documents?.lists ?? []).compactMap { list in
            let noSource = list.source?.allSatisfy(\.isWhitespace) ?? true
            let noDate = list.asOf == nil
            let found: String
            let expected: String
            let example: String
            switch (noSource, noDate) {
            case (false, false): return nil
            case (true, false):
                (found, expected) = ("no `source`", "the URL or document it was copied from")
                example = "`source: https://www.state.gov/foreign-terrorist-organizations/`"
            case (false, true):
                (found, expected) = ("no `as_of`", "the date of the publication it was copied from")
                example = "`as_of: 2018-03-01`"
            case (true, true):
                (found, expected) = ("no `source` and no `as_of`", "where it was copied from and the date of that publication")
                example = "`source: https://www.state.gov/foreign-terrorist-organizations/` and `as_of: 2018-03-01`"
            }
            let name = list.id.isEmpty ? "a list without `id`" : "list `\(list.id)`"
            return context.finding(
                Self.description, "\(name) has \(found); expected \(expected)", at: list.idLocation ?? list.location,
                help: "add \(example)")
        }
    }
}
