import GavelSyntax
import GavelEngine

/// A `terminate` or `suspend` rule that a fuzzy name match alone can trigger.
///
/// A similar name is not the same party: ending service on it punishes
/// namesakes. A name alone should lead to human review.
package struct FuzzyOnlyTerminationCheck: LintRule {
    package init() {}

    package static let description = LintRuleDescription(
        id: "fuzzy-only-termination",
        category: .semantics,
        defaultSeverity: .warning,
        summary: "Service ends on a fuzzy name match alone",
        documentation: """
            A `screen` with `names` and a `min_score` below 1.0 (the bundle's `screening.min_score` when the \
            screen sets none) holds on a *similar* name: "Hammas" for HAMAS, but also "Isis Anchalee" for \
            ISIS, a shop called "Al Qaeda Street Food" for AL-QA'IDA. OFAC's guidance on potential matches \
            ("false hits") is to compare the other identifying details — address, nationality, date of birth, \
            domain — before blocking anything, and to treat anything short of an exact match as a question, \
            not an answer. A rule that terminates or suspends service on such a match alone ends service to \
            namesakes, with no human having looked.

            Reported: a rule deciding the ladder's `terminate` or `suspend` whose condition can hold through a fuzzy name screen \
            alone — the screen itself, or under `any`, or under `all` with nothing but other fuzzy screens. Not \
            reported: a fuzzy screen under `all` with another condition (an identifier screen, a case fact, a \
            request), or a screen with `min_score: 1.0`, or one that screens `identifiers` only.

            Decide `escalate` on the fuzzy match and let a reviewer confirm it, or require corroborating \
            evidence under `all` (a domain identifier, the customer's country, a legal demand), or screen at \
            `min_score: 1.0` for exact matches only.
            """,
        triggering: [
            .files([
                (
                    "policies/sanctions.yaml",
                    """
                    kind: Policy
                    id: sanctions
                    rules:
                      - id: designated-organization
                        title: Customer is a designated terrorist organisation
                        basis: ["EO 13224"]
                        decision: terminate
                        when:
                          any:
                            - ↓screen: { lists: [us-sdgt], names: [customer.name, customer.aliases], min_score: 0.9 }
                            - { path: facts.designated, equals: true }
                    """
                ),
                ("lists/us-sdgt.yaml", "kind: List\nid: us-sdgt\nentries:\n  - { id: sdgt-hamas, name: HAMAS }\n"),
            ])
        ],
        nonTriggering: [
            .files([
                (
                    "policies/sanctions.yaml",
                    """
                    kind: Policy
                    id: sanctions
                    rules:
                      - id: designated-organization
                        title: Customer is a designated terrorist organisation
                        basis: ["EO 13224"]
                        decision: terminate
                        when:
                          screen: { lists: [us-sdgt], names: [customer.name, customer.aliases], min_score: 1.0 }
                      - id: designated-domain
                        title: Name close to a designated party and the site's domain listed
                        basis: ["EO 13224"]
                        decision: terminate
                        when:
                          all:
                            - screen: { lists: [us-sdgt], names: [customer.name] }
                            - screen: { lists: [us-sdgt], identifiers: { domain: [site.domain] } }
                      - id: possible-match
                        title: Possible match, for review
                        basis: ["OFAC FAQ 23"]
                        decision: escalate
                        when:
                          screen: { lists: [us-sdgt], names: [customer.name], min_score: 0.9 }
                    """
                ),
                ("lists/us-sdgt.yaml", "kind: List\nid: us-sdgt\nentries:\n  - { id: sdgt-hamas, name: HAMAS }\n"),
            ])
        ])

    static let endingDecisions: Set<String> = ["terminate", "suspend"]

    package func check(_ context: LintContext) -> [Diagnostic] {
        guard let compiled = context.compiled else { return [] }
        var findings: [Diagnostic] = []
        for rule in compiled.rules where Self.endingDecisions.contains(rule.decision) {
            guard let screen = Self.fuzzyAlone(rule.condition) else { continue }
            findings.append(
                context.finding(
                    Self.description,
                    "rule `\(rule.id)` decides `\(rule.decision)` on a name match at score \(screen.minScore) or more, "
                        + "with no other evidence",
                    at: screen.location,
                    help: "decide `escalate` for human review, require corroborating evidence under `all`, "
                        + "or screen at `min_score: 1.0`"))
        }
        return findings
    }

    /// The fuzzy name screen that can make the condition hold on its own, if any.
    static func fuzzyAlone(_ condition: CompiledCondition) -> ScreenSpec? {
        switch condition {
        case .screen(let s): return !s.names.isEmpty && s.minScore < 1.0 ? s : nil
        case .any(let items, _): return items.lazy.compactMap(fuzzyAlone).first
        case .all(let items, _):
            // Only fuzzy screens together are still nothing but names.
            let fuzzy = items.map(fuzzyAlone)
            return fuzzy.allSatisfy { $0 != nil } ? fuzzy.first ?? nil : nil
        // `not` of a screen is not a match; a quantifier needs its list present.
        case .not, .quantifier, .predicate: return nil
        }
    }
}
