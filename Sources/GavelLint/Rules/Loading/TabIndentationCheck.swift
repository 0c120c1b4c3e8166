import GavelSyntax
import GavelEngine

/// A tab used to indent YAML.
///
/// YAML forbids tabs in indentation, and editors show them at different
/// widths, so the nesting a reviewer sees may not be the one written.
package struct TabIndentationCheck: LoaderReportedRule {
    package init() {}

    package static let description = LintRuleDescription(
        code: .tabIndentation,
        category: .loading,
        defaultSeverity: .error,
        summary: "A tab is used for indentation",
        documentation: """
            YAML indentation is spaces only. A tab renders as 2, 4 or 8 columns depending on the editor, so \
            a field can look as if it belongs to one rule while the parser would attach it to another. \
            libyaml refuses the file; Gavel names the tab instead of libyaml's "cannot start any token".

            Replace the tab with spaces and set the editor to indent YAML with spaces. Tabs inside quoted \
            strings and comments are fine.
            """,
        triggering: [
            .policy(
                """
                kind: Policy
                id: abuse
                owner: abuse@example.com
                rules:
                  - id: phishing
                    title: Confirmed phishing
                    basis: ["Acceptable Use Policy §2.1"]
                    decision: restrict
                    when:
                ↓\t\tpath: site.categories
                \t\tcontains: phishing
                """)
        ],
        nonTriggering: [
            .policy(
                """
                kind: Policy
                id: abuse
                owner: abuse@example.com
                rules:
                  - id: phishing
                    title: "Confirmed\tphishing"
                    basis: ["Acceptable Use Policy §2.1"]
                    decision: restrict
                    when: { path: site.categories, contains: phishing }
                """)
        ])
}
