import GavelSyntax
import GavelEngine

/// A single value longer than the loader's limit.
///
/// A megabyte-sized value is not a policy field; bounding it keeps a hostile
/// file from costing more memory than its size suggests.
package struct ScalarTooLongCheck: LoaderReportedRule {
    package init() {}

    package static let description = LintRuleDescription(
        code: .scalarTooLong,
        category: .loading,
        defaultSeverity: .error,
        summary: "A single value is longer than the limit",
        documentation: """
            One scalar (a string, number or key) may be at most 1 MiB of UTF-8. A long legal text fits; a \
            value past that is usually a pasted export or an attack on the loader, and it would be copied \
            into every decision record that quotes it.

            Shorten the value. Keep long texts (the order itself, a full list export) outside the policy \
            and cite them in `basis:`; large designation lists belong in an `entries_from:` JSONL file, \
            one entry per line.
            """,
        // Built when the example runs, so a megabyte of text is not kept in
        // every process that reads the rule catalog.
        triggering: [
            .bytes(
                "policies/example.yaml",
                shown: """
                    kind: Policy
                    id: terms
                    owner: legal@example.com
                    description: ↓"aaaa… (1 MiB + 1 byte of text) …aaaa"
                    """
            ) {
                Array(
                    ("""
                    kind: Policy
                    id: terms
                    owner: legal@example.com
                    description: ↓"
                    """
                        + String(repeating: "a", count: LoadLimits.defaultMaxScalarBytes + 1) + "\"\n").utf8)
            }
        ],
        nonTriggering: [
            .policy(
                """
                kind: Policy
                id: terms
                owner: legal@example.com
                description: "Acceptable Use Policy, version 2024-05; the full text is at https://example.com/aup"
                """)
        ])
}
