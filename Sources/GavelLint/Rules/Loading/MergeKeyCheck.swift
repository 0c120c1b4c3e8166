import GavelSyntax
import GavelEngine

/// A `<<` merge key.
///
/// Merge keys are a YAML 1.1 extension that YAML 1.2 dropped; tools disagree on
/// them, so the fields a rule ends up with would depend on the reader.
package struct MergeKeyCheck: LoaderReportedRule {
    package init() {}

    package static let description = LintRuleDescription(
        code: .mergeKey,
        category: .loading,
        defaultSeverity: .error,
        summary: "A `<<` merge key is used",
        documentation: """
            `<<: *defaults` copies another mapping's fields in YAML 1.1, but it is not part of YAML 1.2, \
            which Gavel reads. Some tools merge, some keep a key named `<<`, and they differ on which of \
            two equal fields wins — so two reviewers can see two different rules. Gavel refuses it.

            Write the fields out in each rule. Anchors and aliases on whole values (`basis: *aup`) are \
            fine and keep shared lists in one place.
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
                    basis: &aup ["Acceptable Use Policy §2.1"]
                    decision: restrict
                    when: { path: site.categories, contains: phishing }
                  - id: malware
                    title: Confirmed malware distribution
                    ↓<<: { basis: *aup, decision: restrict }
                    when: { path: site.categories, contains: malware }
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
                    title: Confirmed phishing
                    basis: &aup ["Acceptable Use Policy §2.1"]
                    decision: restrict
                    when: { path: site.categories, contains: phishing }
                  - id: malware
                    title: Confirmed malware distribution
                    basis: *aup
                    decision: restrict
                    when: { path: site.categories, contains: malware }
                """)
        ])
}
