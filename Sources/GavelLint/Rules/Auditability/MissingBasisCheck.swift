import GavelSyntax
import GavelEngine

/// A rule or exception without a legal or contractual basis.
///
/// A decision must be traceable to the law or term that justifies it, and so
/// must the suspension of a rule.
package struct MissingBasisCheck: LintRule {
    package init() {}

    package static let description = LintRuleDescription(
        id: "missing-basis",
        category: .auditability,
        defaultSeverity: .warning,
        summary: "A rule or exception names no legal or contractual basis",
        documentation: """
            Every decision record lists the `basis` of the rules that decided it: the statute, executive \
            order, court order or term of service that justifies the action. A rule without one produces \
            decisions that an auditor, a court or the customer cannot check against anything; the EU DSA \
            (Art. 17) requires the statement of reasons to name the legal or contractual ground. An \
            exception suspends rules, so it needs a ground just as much. An empty list or blank strings \
            count as no basis.

            Add `basis:` with the instruments the rule applies, e.g. `basis: ["EO 13224", "18 U.S.C. 2339B"]`, \
            or the section of your own terms, e.g. `basis: ["Acceptable Use Policy §3.1"]`.
            """,
        triggering: [
            .policy(
                """
                kind: Policy
                id: abuse
                owner: abuse@example.com
                rules:
                  - ↓id: phishing
                    title: Confirmed phishing
                    decision: restrict
                    when: { path: site.categories, contains: phishing }
                  - id: malware
                    title: Confirmed malware distribution
                    basis: ↓[]
                    decision: restrict
                    when: { path: site.categories, contains: malware }
                exceptions:
                  - ↓id: security-research
                    title: Researchers' sinkholes
                    suspends: [malware]
                    when: { path: site.categories, contains: security_research }
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
                    basis: [Acceptable Use Policy §2.1]
                    decision: restrict
                    when: { path: site.categories, contains: phishing }
                exceptions:
                  - id: security-research
                    title: Researchers' sinkholes
                    suspends: [phishing]
                    basis: [Acceptable Use Policy §2.4]
                    when: { path: site.categories, contains: security_research }
                """)
        ])

    package func check(_ context: LintContext) -> [Diagnostic] {
        let help = "add `basis:` with the law, order or term it applies, e.g. `basis: [\"EO 13224\"]`"
        // `basis: EO 13224` reads as no basis, but `wrong-type` already says what to fix.
        let misread = Set(context.analysis.diagnostics.filter { $0.rule == "wrong-type" }.compactMap(\.location))
        func finding(_ what: String, _ basis: [String], written: SourceLocation?, item: SourceLocation) -> Diagnostic? {
            guard basis.allSatisfy({ $0.allSatisfy(\.isWhitespace) }), !(written.map(misread.contains) ?? false) else { return nil }
            // An empty `basis:` is the offending value; an absent one belongs to the whole item.
            if let written {
                return context.finding(
                    Self.description, "\(what) has an empty `basis`; expected the law, order or term it applies",
                    at: written, help: help)
            }
            return context.finding(
                Self.description, "\(what) has no `basis`; expected the law, order or term it applies", at: item,
                help: help)
        }
        let rules = context.rules.compactMap { item in
            finding("rule `\(item.rule.id)`", item.rule.basis.allTexts, written: item.rule.basisLocation, item: item.rule.location)
        }
        let exceptions = context.exceptions.compactMap { item in
            finding(
                "exception `\(item.exception.id)`", item.exception.basis.allTexts, written: item.exception.basisLocation,
                item: item.exception.location)
        }
        return rules + exceptions
    }
}
