import GavelSyntax
import GavelEngine

/// A file that is not well-formed YAML.
///
/// Nothing in a file that cannot be parsed takes effect, so every rule in it
/// is silently missing from the bundle until the syntax is fixed.
package struct YAMLSyntaxCheck: LoaderReportedRule {
    package init() {}

    package static let description = LintRuleDescription(
        code: .yamlSyntax,
        category: .loading,
        defaultSeverity: .error,
        summary: "File is not well-formed YAML",
        documentation: """
            libyaml could not parse the file at the position shown: an unclosed quote or bracket, a \
            `: ` inside an unquoted value, keys of one mapping that do not line up, an alias to an \
            anchor that was never defined. Gavel reads nothing from the rest of the document, so the rules \
            after the error are not part of the bundle: `gavel evaluate` refuses the bundle and lint cannot \
            check them.

            Fix the text at the reported line and column. Values that contain `: ` or start with a \
            character YAML reserves (`*`, `&`, `!`, `%`, `@`, a backtick) must be quoted, e.g. \
            `title: "Sanctions: designated organisation"`.
            """,
        triggering: [
            .policy(
                """
                kind: Policy
                id: sanctions
                owner: legal@example.com
                rules:
                  - id: designated-organization
                    title: Sanctions↓: designated organisation
                    basis: ["EO 13224"]
                    decision: terminate
                    when: { path: customer.name, equals: Hamas }
                """),
            .files([
                (
                    "cases/c.yaml",
                    """
                    kind: Case
                    id: CASE-2017-0412
                    customer: { name: Hamas, aliases: ↓*hamas-aliases }
                    """
                )
            ]),
        ],
        nonTriggering: [
            .policy(
                """
                kind: Policy
                id: sanctions
                owner: legal@example.com
                rules:
                  - id: designated-organization
                    title: "Sanctions: designated organisation"
                    basis: ["EO 13224"]
                    decision: terminate
                    when: { path: customer.name, equals: Hamas }
                """)
        ])
}
