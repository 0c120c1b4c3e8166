import GavelSyntax
import GavelEngine

/// Mappings and lists nested deeper than the loader's limit.
///
/// Deep nesting is a classic way to exhaust a parser's stack; Gavel reads with
/// an explicit stack and stops at a documented depth instead.
package struct NestingTooDeepCheck: LoaderReportedRule {
    package init() {}

    package static let description = LintRuleDescription(
        code: .nestingTooDeep,
        category: .loading,
        defaultSeverity: .error,
        summary: "Mappings and lists are nested deeper than the limit",
        documentation: """
            A document may nest mappings and lists at most 64 levels deep, counting the levels an alias \
            brings in as if they were written out. Real policies nest conditions a handful of levels; \
            anything near the limit is generated or hostile input, and reading it without a bound is how \
            parsers crash.

            Flatten the structure: combine nested `all:`/`any:` into one list, or move deep case data into \
            separate fields. The finding points at the first mapping or list past the limit.
            """,
        triggering: [
            .files([
                (
                    "cases/c.yaml",
                    """
                    kind: Case
                    id: CASE-2023-0002
                    facts: \(String(repeating: "[", count: 63))↓[\(String(repeating: "]", count: 64))
                    """
                )
            ])
        ],
        nonTriggering: [
            .files([
                (
                    "cases/c.yaml",
                    """
                    kind: Case
                    id: CASE-2023-0002
                    facts: \(String(repeating: "[", count: 62))\(String(repeating: "]", count: 62))
                    """
                )
            ])
        ])
}
