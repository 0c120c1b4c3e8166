import GavelSyntax
import GavelEngine

/// A `kind:` that is not one Gavel reads, or a document of the wrong kind for
/// where it is.
///
/// A misspelt kind means the whole document is skipped.
package struct UnknownKindCheck: LoaderReportedRule {
    package init() {}

    package static let description = LintRuleDescription(
        code: .unknownKind,
        category: .loading,
        defaultSeverity: .error,
        summary: "`kind:` is not one of Bundle, Policy, List, Schema or Case",
        documentation: """
            `kind:` must be exactly `Bundle`, `Policy`, `List`, `Schema` or `Case` (capitalised). A \
            document with any other kind is not read, so all of its rules would be missing. Case files \
            must hold `kind: Case` documents: a policy passed where a case is expected is reported here too.

            Correct the spelling (the help names the closest kind), or move the document to where its \
            kind belongs.
            """,
        triggering: [
            .policy(
                """
                kind: ↓Polcy
                id: sanctions
                owner: legal@example.com
                rules: []
                """),
            .files([
                (
                    "cases/c.yaml",
                    """
                    kind: ↓Policy
                    id: sanctions
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
                rules: []
                """)
        ])
}
