import GavelSyntax
import GavelEngine

/// A rule at `suspend` or above on the ladder that a name match of an
/// individual alone can trigger.
///
/// A name is not an identity: two people share "Hassan Ali". Before service
/// ends, something besides the name has to agree.
package struct UncorroboratedIndividualActionCheck: LintRule {
    package init() {}

    package static let description = LintRuleDescription(
        id: "uncorroborated-individual-action",
        category: .semantics,
        defaultSeverity: .warning,
        summary: "Service ends on a name match of an individual, with nothing else compared",
        documentation: """
            Many people share a designated individual's name, and an exact match of the name (or of one \
            of its aliases) says nothing about which of them a customer is. OFAC's guidance on potential \
            matches is to compare the other identifying details — date of birth, nationality, address — \
            before blocking. A UK photographer called Hassan Ali is not the SDGT entry that lists \
            "Hassan ALI" among its aliases, and his birth date and nationality say so.

            Reported: a rule deciding `suspend` or anything above it on the ladder (`terminate`, and \
            `block` where the ladder has it) whose condition can hold through a `screen` with `names` \
            that asks for no corroboration (no `min_corroboration`, or `min_corroboration: 0`), when a \
            list it screens holds individuals (`type: individual`) and its `types` do not leave them out. \
            The screen counts as holding alone as `fuzzy-only-termination` reads it: on its own, under \
            `any`, or under `all` with nothing but other such screens. Not reported: a screen with \
            `types` that exclude individuals, one with `min_corroboration: 1` or more, one that screens \
            `identifiers` only, or one under `all` with other evidence.

            Split the rule: organisations (and identifier hits) as today, and individuals under \
            `types: [individual]` with `corroborate: { birth_date: [...], nationality: [...] }` and \
            `min_corroboration: 1`; send a name-only match of an individual to review (`escalate`).
            """,
        triggering: [
            .files([
                (
                    "policies/sanctions.yaml",
                    """
                    kind: Policy
                    id: sanctions
                    rules:
                      - id: sdgt-designated-party
                        title: Customer is a Specially Designated Global Terrorist
                        basis: ["EO 13224"]
                        decision: terminate
                        when:
                          ↓screen: { lists: [us-sdgt], names: [customer.name, customer.aliases], min_score: 1.0 }
                      - id: sdgt-suspend
                        title: Customer may be designated
                        basis: ["EO 13224"]
                        decision: suspend
                        when:
                          any:
                            - ↓screen:
                                lists: [us-sdgt]
                                names: [customer.name]
                                min_score: 1.0
                                corroborate: { birth_date: [customer.birth_date] }
                            - { path: facts.designated, equals: true }
                    """
                ),
                (
                    "lists/us-sdgt.yaml",
                    """
                    kind: List
                    id: us-sdgt
                    entries:
                      - { id: sdgt-hamas, name: HAMAS, type: organization }
                      - { id: sdgt-6924, name: Mustafa Mohamed FADHIL, aliases: [Hassan ALI], type: individual, attributes: { birth_date: [1976-06-23] } }
                    """
                ),
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
                      - id: sdgt-designated-party
                        title: Customer is a Specially Designated Global Terrorist
                        basis: ["EO 13224"]
                        decision: terminate
                        when:
                          any:
                            - screen: { lists: [us-sdgt], names: [customer.name], identifiers: { domain: [site.domain] }, min_score: 1.0, types: [organization] }
                            - screen:
                                lists: [us-sdgt]
                                names: [customer.name]
                                identifiers: { domain: [site.domain] }
                                min_score: 1.0
                                types: [individual]
                                corroborate: { birth_date: [customer.birth_date], nationality: [customer.nationality] }
                                min_corroboration: 1
                      - id: sdgt-name-only
                        title: Name of a designated individual, for review
                        basis: ["OFAC FAQ 23"]
                        decision: escalate
                        when:
                          screen: { lists: [us-sdgt], names: [customer.name], min_score: 1.0, types: [individual] }
                      - id: fto-designated
                        title: Customer is a Foreign Terrorist Organization
                        basis: ["18 U.S.C. 2339B"]
                        decision: terminate
                        when:
                          screen: { lists: [us-fto], names: [customer.name], min_score: 1.0 }
                    """
                ),
                (
                    "lists/us-sdgt.yaml",
                    """
                    kind: List
                    id: us-sdgt
                    entries:
                      - { id: sdgt-hamas, name: HAMAS, type: organization }
                      - { id: sdgt-6924, name: Mustafa Mohamed FADHIL, aliases: [Hassan ALI], type: individual, attributes: { birth_date: [1976-06-23] } }
                    """
                ),
                ("lists/us-fto.yaml", "kind: List\nid: us-fto\nentries:\n  - { id: fto-hamas, name: HAMAS, type: organization }\n"),
            ])
        ])

    package func check(_ context: LintContext) -> [Diagnostic] {
        guard let compiled = context.compiled,
            let threshold = compiled.severity["suspend"] ?? compiled.severity["terminate"]
        else { return [] }
        let withIndividuals = Set(
            compiled.lists.filter { list in list.entries.contains { $0.entry.type == .individual } }.map(\.id))
        guard !withIndividuals.isEmpty else { return [] }
        var findings: [Diagnostic] = []
        for rule in compiled.rules where rule.severity >= threshold {
            guard let screen = Self.nameAlone(rule.condition, withIndividuals) else { continue }
            let lists = screen.lists.filter(withIndividuals.contains)
            let named = lists.map { "`\($0)`" }.joined(separator: ", ")
            findings.append(
                context.finding(
                    Self.description,
                    "rule `\(rule.id)` decides `\(rule.decision)` on a name match alone, and \(named) "
                        + "hold\(lists.count == 1 ? "s" : "") individuals",
                    at: screen.location,
                    help: "screen individuals apart with `types: [individual]`, `corroborate` and `min_corroboration: 1`, "
                        + "and escalate a name-only match for review"))
        }
        return findings
    }

    /// The uncorroborated name screen reaching individuals that can make the condition hold on its own, if any.
    static func nameAlone(_ condition: CompiledCondition, _ withIndividuals: Set<String>) -> ScreenSpec? {
        switch condition {
        case .screen(let s):
            guard !s.names.isEmpty, (s.corroboration?.minimum ?? 0) < 1 else { return nil }
            if let types = s.types, !types.contains(.individual) { return nil }
            return s.lists.contains(where: withIndividuals.contains) ? s : nil
        case .any(let items, _): return items.lazy.compactMap { nameAlone($0, withIndividuals) }.first
        case .all(let items, _):
            let alone = items.map { nameAlone($0, withIndividuals) }
            return alone.allSatisfy { $0 != nil } ? alone.first ?? nil : nil
        case .not, .quantifier, .predicate: return nil
        }
    }
}
