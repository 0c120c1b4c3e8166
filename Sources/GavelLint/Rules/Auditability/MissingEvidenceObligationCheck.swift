import GavelSyntax
import GavelEngine

/// A rule that suspends or terminates service without an obligation to
/// preserve evidence.
///
/// Ending service is when evidence disappears: the customer's content is
/// deleted, and with it what an appeal, a court or law enforcement needs.
package struct MissingEvidenceObligationCheck: LintRule {
    package init() {}

    package static let description = LintRuleDescription(
        id: "missing-evidence-obligation",
        category: .auditability,
        defaultSeverity: .warning,
        summary: "A `terminate` or `suspend` rule has no evidence-preservation obligation",
        documentation: """
            When service is suspended or terminated, the customer's site and logs are usually deleted on a \
            schedule. An appeal, a court, or a law-enforcement request that arrives later needs them, and \
            some laws require keeping them (e.g. 18 U.S.C. 2258A for child-abuse material). A rule deciding \
            `terminate` or `suspend` should therefore carry an obligation that tells operations to preserve \
            the evidence.

            Add the obligation to the rule: `obligations: [preserve_evidence]`. Which obligation names \
            count is set per bundle in bundle.yaml, `lint: { evidence_obligations: [preserve_evidence, \
            legal_hold] }` (default: `preserve_evidence`); an empty list turns the check off.
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
                    decision: terminate
                    obligations: ↓[notify_legal]
                    reason: "{customer.name} is designated under EO 13224"
                    when: { path: customer.name, equals: Hamas }
                  - id: court-ordered-suspension
                    title: Court order to suspend the site
                    basis: ["Court order"]
                    decision: ↓suspend
                    reason: "a court ordered the suspension of {site.domain}"
                    when: { path: requests.kind, equals: court_order }
                """),
            .files([
                (
                    "bundle.yaml",
                    """
                    kind: Bundle
                    id: acme-infrastructure
                    lint: { evidence_obligations: [legal_hold] }
                    """
                ),
                (
                    "policies/sanctions.yaml",
                    """
                    kind: Policy
                    id: sanctions
                    owner: legal@example.com
                    rules:
                      - id: designated-organization
                        title: Customer is a designated terrorist organisation
                        basis: ["EO 13224"]
                        decision: terminate
                        obligations: ↓[preserve_evidence]
                        reason: "{customer.name} is designated under EO 13224"
                        when: { path: customer.name, equals: Hamas }
                    """
                ),
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
                    title: Customer is a designated terrorist organisation
                    basis: ["EO 13224"]
                    decision: terminate
                    obligations: [preserve_evidence, notify_legal]
                    reason: "{customer.name} is designated under EO 13224"
                    when: { path: customer.name, equals: Hamas }
                  - id: phishing
                    title: Confirmed phishing
                    basis: ["Acceptable Use Policy §2.1"]
                    decision: restrict
                    reason: "{site.domain} hosts confirmed phishing"
                    when: { path: site.categories, contains: phishing }
                """)
        ])

    static let decisions: Set<String> = ["terminate", "suspend"]

    package func check(_ context: LintContext) -> [Diagnostic] {
        let required = context.settings.evidenceObligations
        guard !required.isEmpty else { return [] }
        let names = required.map { "`\($0)`" }.joined(separator: ", ")
        // `obligations: preserve_evidence` reads as none, but `wrong-type` already says what to fix.
        let misread = Set(context.analysis.diagnostics.filter { $0.rule == "wrong-type" }.compactMap(\.location))
        return context.rules.compactMap { item in
            let rule = item.rule
            guard Self.decisions.contains(rule.decision), !rule.obligations.contains(where: required.contains),
                !(rule.obligationsLocation.map(misread.contains) ?? false)
            else { return nil }
            let expected = required.count == 1 ? names : "one of \(names)"
            let found = rule.obligations.isEmpty
                ? "no obligations" : "only \(rule.obligations.map { "`\($0)`" }.joined(separator: ", "))"
            // When `obligations:` is written it is the value to fix; otherwise the decision calls for it.
            return context.finding(
                Self.description,
                "rule `\(rule.id)` decides `\(rule.decision)` with \(found); expected \(expected) among its obligations",
                at: rule.obligationsLocation ?? rule.decisionLocation,
                help: "add \(required.count == 1 ? names : "one of \(names)") to `obligations:` "
                    + "(the names that count are set by `lint.evidence_obligations` in bundle.yaml)")
        }
    }
}
