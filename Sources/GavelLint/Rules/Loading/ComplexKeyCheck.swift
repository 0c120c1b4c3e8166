import GavelSyntax
import GavelEngine

/// A mapping key that is a list, a mapping or an alias.
///
/// Gavel's fields are named by strings; a structured key has no meaning in
/// any Gavel document and would be read differently by different tools.
package struct ComplexKeyCheck: LoaderReportedRule {
    package init() {}

    package static let description = LintRuleDescription(
        code: .complexKey,
        category: .loading,
        defaultSeverity: .error,
        summary: "A mapping key is a list, mapping or alias instead of a string",
        documentation: """
            YAML allows any node as a key (`[domain, url]: [...]`, `? {a: 1}`), but every key in a Gavel \
            document is a field name or a data key, which is a string. Many tools turn such keys into \
            their text form, others reject them; Gavel rejects them so that all readers agree. An alias is \
            never expanded in key position.

            Use a string key, and put the structure in the value: `identifiers: { domain: [...], url: [...] }`.
            """,
        triggering: [
            .files([
                (
                    "lists/us-fto.yaml",
                    """
                    kind: List
                    id: us-fto
                    source: https://www.state.gov/foreign-terrorist-organizations/
                    as_of: 2018-03-01
                    entries:
                      - id: fto-hamas
                        name: HAMAS
                        identifiers: { ↓[domain, url]: [hamasinfo.example] }
                    """
                )
            ])
        ],
        nonTriggering: [
            .files([
                (
                    "lists/us-fto.yaml",
                    """
                    kind: List
                    id: us-fto
                    source: https://www.state.gov/foreign-terrorist-organizations/
                    as_of: 2018-03-01
                    entries:
                      - id: fto-hamas
                        name: HAMAS
                        identifiers: { domain: [hamasinfo.example], url: [hamasinfo.example] }
                    """
                )
            ])
        ])
}
