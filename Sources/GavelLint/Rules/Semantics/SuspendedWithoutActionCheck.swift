import GavelSyntax
import GavelEngine

/// An exception that suspends a rule on screening evidence of what that
/// rule screens for, while no other rule acts on that evidence.
///
/// Evidence that a party is designated must never lead to no decision at
/// all: when it does, the designated party is let through.
package struct SuspendedWithoutActionCheck: LintRule {
    package init() {}

    package static let description = LintRuleDescription(
        id: "suspended-without-action",
        category: .semantics,
        defaultSeverity: .error,
        summary: "Exception suspends a rule on screening evidence no other rule acts on",
        documentation: """
            A bundle often sends a possible match to human review and suspends that review once identity is \
            established, because another rule then acts: the exception only removes a duplicate. A licence \
            suspends a blocking rule while a wind-down rule acts on the same match. Either holds only while \
            some rule the exception does not suspend acts on everything the exception's screen finds. Where \
            none does — the exception screens a list no such rule screens, at a lower score, or on dates after \
            that rule has expired (a list revoked, as EO 12947 was in 2019) — an exact match on that list \
            suspends the rule and nothing acts: the designated party gets the bundle's default decision, no \
            action, and stronger evidence has made the decision lighter.

            Reported: an exception whose condition screens a list (outside `not` and quantifiers) that a rule it \
            suspends also screens, when for that list no rule it does not suspend, deciding other than the \
            bundle's default, screens it at the same or a lower `min_score` (within its `below`), with every name \
            path the exception's screen reads and every entry type it takes, and is in force on every date the \
            exception is. Not reported: an exception whose screens share no list with the rules it suspends \
            (an allow-list, a licence that names its own list), or one without a screen.

            Give each acting rule its own exception whose condition is the rule's (a YAML anchor on the rule's \
            `when`, an alias in the exception's) and whose `effective`/`expires` are the rule's, or narrow the \
            exception's `lists` to those a rule acts on, or end it when the acting rule ends.
            """,
        triggering: [
            .files([
                (
                    "policies/designations.yaml",
                    """
                        kind: Policy
                        id: designations
                        rules:
                          - id: eo12947-designated
                            title: Designated under EO 12947
                            basis: ["EO 12947"]
                            expires: 2019-09-09
                            decision: terminate
                            when:
                              screen: { lists: [us-sdt], names: [customer.name], min_score: 1.0 }
                          - id: possible-match
                            title: Possible match, for review
                            basis: ["OFAC FAQ 23"]
                            decision: escalate
                            when:
                              screen: { lists: [us-sdt, us-sdgt], names: [customer.name], min_score: 0.9 }
                        exceptions:
                          - id: identity-established
                            title: An exact match is acted on, not reviewed
                            suspends: [possible-match]
                            when:
                              ↓screen: { lists: [us-sdt], names: [customer.name], min_score: 1.0 }
                        """
                ),
                ("lists/us-sdt.yaml", "kind: List\nid: us-sdt\nentries:\n  - { id: sdt-pij, name: PALESTINIAN ISLAMIC JIHAD }\n"),
                ("lists/us-sdgt.yaml", "kind: List\nid: us-sdgt\nentries:\n  - { id: sdgt-hamas, name: HAMAS }\n"),
            ])
        ],
        nonTriggering: [
            .files([
                (
                    "policies/designations.yaml",
                    """
                        kind: Policy
                        id: designations
                        rules:
                          - id: eo12947-designated
                            title: Designated under EO 12947
                            basis: ["EO 12947"]
                            expires: 2019-09-09
                            decision: terminate
                            when: &eo12947-evidence
                              screen: { lists: [us-sdt], names: [customer.name], min_score: 1.0 }
                          - id: possible-match
                            title: Possible match, for review
                            basis: ["OFAC FAQ 23"]
                            decision: escalate
                            when:
                              screen: { lists: [us-sdt, us-sdgt], names: [customer.name], min_score: 0.9 }
                        exceptions:
                          - id: identity-established-by-eo12947-match
                            title: An exact match on the EO 12947 list is acted on, not reviewed
                            suspends: [possible-match]
                            expires: 2019-09-09
                            when: *eo12947-evidence
                          - id: licensed-news-agency
                            title: An agency licensed by OFAC is reviewed by the licence team instead
                            suspends: [possible-match]
                            when:
                              screen: { lists: [ofac-licences], names: [customer.name], min_score: 1.0 }
                        """
                ),
                ("lists/us-sdt.yaml", "kind: List\nid: us-sdt\nentries:\n  - { id: sdt-pij, name: PALESTINIAN ISLAMIC JIHAD }\n"),
                ("lists/us-sdgt.yaml", "kind: List\nid: us-sdgt\nentries:\n  - { id: sdgt-hamas, name: HAMAS }\n"),
                ("lists/ofac-licences.yaml", "kind: List\nid: ofac-licences\nentries:\n  - { id: l1, name: PRESS AGENCY }\n"),
            ])
        ])

    package func check(_ context: LintContext) -> [Diagnostic] {
        guard let compiled = context.compiled else { return [] }
        // Each rule's screens, worked out once for every exception that asks.
        let screened = compiled.rules.map { (rule: $0, screens: Self.screens($0.condition)) }
        var rules: [String: (rule: CompiledRule, screens: [ScreenSpec])] = [:]
        for item in screened { rules[item.rule.id] = item }
        var nodes = ItemNodes(context)
        var findings: [Diagnostic] = []
        for exception in compiled.exceptions {
            let suspended = exception.suspends.compactMap { rules[$0] }
            let acting = screened.filter {
                !exception.suspends.contains($0.rule.id) && $0.rule.decision != compiled.manifest.defaultDecision && $0.rule.covers(exception)
            }
            reported: for screen in Self.screens(exception.condition) {
                for (review, reviewScreens) in suspended {
                    let reviewed = Set(reviewScreens.flatMap(\.lists))
                    for list in screen.lists where reviewed.contains(list) {
                        let actedOn = acting.contains { $0.screens.contains { Self.finds($0, all: screen, on: list) } }
                        guard !actedOn else { continue }
                        findings.append(
                            context.finding(
                                Self.description,
                                "exception `\(exception.id)` suspends `\(review.id)` (`\(review.decision)`) when a name is found on "
                                    + "`\(list)`, but no other rule acts on that match on every date the exception is in force",
                                // The exception's own `when`: its screen may be a YAML alias of a rule's.
                                at: nodes.valueLocation(of: "when", inMappingAt: exception.location) ?? exception.location,
                                help: "give each acting rule its own exception with the rule's condition and dates, or screen only "
                                    + "lists another rule acts on"))
                        break reported
                    }
                }
            }
        }
        return findings
    }

    /// The screens a condition can hold through: not under `not`, not inside a quantifier (relative paths).
    static func screens(_ condition: CompiledCondition) -> [ScreenSpec] {
        switch condition {
        case .screen(let spec): [spec]
        case .all(let items, _), .any(let items, _): items.flatMap(screens)
        case .not, .predicate, .quantifier: []
        }
    }

    /// Whether `acting` holds for everything `screen` finds on `list`: it
    /// screens the list at the same or a lower score, reads every name path
    /// the screen reads, and leaves out no type the screen takes.
    static func finds(_ acting: ScreenSpec, all screen: ScreenSpec, on list: String) -> Bool {
        guard acting.lists.contains(list), acting.minScore <= screen.minScore else { return false }
        if let below = acting.below, (screen.below ?? .infinity) > below { return false }
        guard Set(screen.names.map(\.description)).isSubset(of: Set(acting.names.map(\.description))) else { return false }
        if let types = acting.types {
            guard let taken = screen.types, Set(taken).isSubset(of: Set(types)) else { return false }
        }
        return true
    }
}
