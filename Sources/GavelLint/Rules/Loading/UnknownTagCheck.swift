import GavelSyntax
import GavelEngine

/// An explicit tag (`!!timestamp`, `!secret`) Gavel does not support.
///
/// A tag changes what a value means; one that Gavel would ignore could make
/// a value mean something else to another tool.
package struct UnknownTagCheck: LoaderReportedRule {
    package init() {}

    package static let description = LintRuleDescription(
        code: .unknownTag,
        category: .loading,
        defaultSeverity: .error,
        summary: "A value carries a tag outside the YAML 1.2 core schema",
        documentation: """
            Values are typed by the YAML 1.2 core schema. The only tags allowed are the core ones — \
            `!!str`, `!!int`, `!!float`, `!!bool`, `!!null`, `!!map`, `!!seq` — and `!`. Others, such as \
            YAML 1.1's `!!timestamp` or an application tag like `!vault`, would be ignored by one reader and \
            interpreted by another. Dates need no tag: a field that expects a date reads `1997-10-08`.

            Remove the tag. Quote a value to make it a string.
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
                        listed: ↓!!timestamp 1997-10-08
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
                        name: !!str HAMAS
                        listed: 1997-10-08
                    """
                )
            ])
        ])
}
