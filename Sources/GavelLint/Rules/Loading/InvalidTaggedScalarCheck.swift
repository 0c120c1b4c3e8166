import GavelSyntax
import GavelEngine

/// A value that does not fit its explicit core-schema tag.
///
/// `!!bool yes` asks for a boolean but is not one in YAML 1.2; Gavel refuses
/// it rather than pick a meaning.
package struct InvalidTaggedScalarCheck: LoaderReportedRule {
    package init() {}

    package static let description = LintRuleDescription(
        code: .invalidTaggedScalar,
        category: .loading,
        defaultSeverity: .error,
        summary: "A tagged value is not of its tag's type",
        documentation: """
            A core-schema tag forces a type: `!!int 0x1F` is 31, `!!bool true` is a boolean. When the text \
            does not fit (`!!bool yes`, `!!int 10k`, `!!float 0,92`), other YAML tools guess, each in its \
            own way — `yes` was true in YAML 1.1. Gavel refuses the value.

            Write the value in the tag's form (`true`/`false`, digits, `0.92`), or drop the tag: untagged \
            values are typed by the YAML 1.2 core schema.
            """,
        triggering: [
            .policy(
                """
                kind: Policy
                id: sanctions
                owner: legal@example.com
                rules:
                  - id: designated-organization
                    title: Customer is a designated terrorist organisation
                    basis: ["EO 13224"]
                    mandatory: ↓!!bool yes
                    decision: terminate
                    when: { path: customer.name, equals: Hamas }
                """)
        ],
        nonTriggering: [
            .policy(
                """
                kind: Policy
                id: sanctions
                owner: legal@example.com
                rules:
                  - id: designated-organization
                    title: Customer is a designated terrorist organisation
                    basis: ["EO 13224"]
                    mandatory: !!bool true
                    decision: terminate
                    when: { path: customer.name, equals: Hamas }
                """)
        ])
}
