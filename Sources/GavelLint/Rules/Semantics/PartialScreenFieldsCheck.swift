import GavelSyntax
import GavelEngine

/// A rule's screen reads fewer of the case's fields for its names, or for
/// an identifier kind, than another screen of the bundle reads.
///
/// A value the other screens find in a field this one skips (a listed
/// domain given only in `site.other_domains`, a listed name given as an
/// alias) escapes this rule, and the decision it would have made.
package struct PartialScreenFieldsCheck: LintRule {
    package init() {}

    package static let description = LintRuleDescription(
        id: "partial-screen-fields",
        category: .semantics,
        defaultSeverity: .warning,
        summary: "A screen skips a field other screens read",
        documentation: """
            The bundle's screens say which fields of a case hold names and identifiers: when one screen reads \
            `site.domain` and `site.other_domains` for domains, a customer may give a listed domain in either. \
            A rule whose screen reads only `site.domain` does not see a listed domain given only in \
            `site.other_domains`, and the case gets the decision of whatever rule comes next, often none: \
            the evasion probe of 2026 found the shipped bundle blocking `aqsatv.ps` as `site.domain` and \
            taking no action on it as an other domain. The same holds for names: a rule screening \
            `customer.name` alone misses the listed name a customer gives as an alias.

            Reported: a screen of a rule that reads, for its `names` or for one kind of `identifiers`, some but \
            not all of the fields that the bundle's screens read for them together (a screen that reads none \
            of them, such as a domain-only screen for names, is not reported). Exceptions are not checked: an \
            exception that reads fewer fields suspends its rules less often, which errs toward acting.

            Screen every field the bundle screens for the same thing (`identifiers: { domain: [site.domain, \
            site.other_domains] }`, `names: [customer.name, customer.aliases]`), or, where a rule means to look \
            at one field only, say so with `# gavel:ignore partial-screen-fields -- why`.
            """,
        triggering: [
            .files([
                (
                    "policies/sanctions.yaml",
                    """
                    kind: Policy
                    id: sanctions
                    rules:
                      - id: designated-site
                        title: The site is a designated party's
                        basis: ["EO 13224"]
                        decision: suspend
                        when:
                          ↓screen: { lists: [us-sdgt], identifiers: { domain: [site.domain] }, min_score: 1.0 }
                      - id: possible-match
                        title: Possible match to a designated party
                        basis: ["EO 13224"]
                        decision: escalate
                        when:
                          screen:
                            lists: [us-sdgt]
                            names: [customer.name, customer.aliases]
                            identifiers: { domain: [site.domain, site.other_domains] }
                            min_score: 0.9
                    """
                ),
                ("lists/us-sdgt.yaml", "kind: List\nid: us-sdgt\nentries:\n  - { id: aqsa, name: AL-AQSA TV, identifiers: { domain: [aqsatv.ps] } }\n"),
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
                      - id: designated-site
                        title: The site is a designated party's
                        basis: ["EO 13224"]
                        decision: suspend
                        when:
                          screen: { lists: [us-sdgt], identifiers: { domain: [site.domain, site.other_domains] }, min_score: 1.0 }
                      - id: possible-match
                        title: Possible match to a designated party
                        basis: ["EO 13224"]
                        decision: escalate
                        when:
                          screen:
                            lists: [us-sdgt]
                            names: [customer.name, customer.aliases]
                            identifiers: { domain: [site.domain, site.other_domains] }
                            min_score: 0.9
                    """
                ),
                ("lists/us-sdgt.yaml", "kind: List\nid: us-sdgt\nentries:\n  - { id: aqsa, name: AL-AQSA TV, identifiers: { domain: [aqsatv.ps] } }\n"),
            ])
        ])

    package func check(_ context: LintContext) -> [Diagnostic] {
        var screens: [(item: ConditionWalk.Item, screen: ScreenSpec)] = []
        for item in ConditionWalk.items(context) {
            ConditionWalk.visit(item.condition) { node, _ in if case .screen(let screen) = node { screens.append((item, screen)) } }
        }
        // What the bundle's screens read together, per kind (`names`, or an identifier kind), and where each field is first read.
        var read: [String: [(field: String, by: String)]] = [:]
        for (item, screen) in screens {
            for (kind, fields) in Self.fields(of: screen) {
                for field in fields where !(read[kind] ?? []).contains(where: { $0.field == field }) {
                    read[kind, default: []].append((field, "\(item.kind) `\(item.id)`"))
                }
            }
        }
        var findings: [Diagnostic] = []
        for (item, screen) in screens where item.kind == "rule" {
            for (kind, fields) in Self.fields(of: screen) {
                let missing = (read[kind] ?? []).filter { !fields.contains($0.field) }
                guard !fields.isEmpty, let first = missing.first else { continue }
                let what = kind == "names" ? "names" : "`\(kind)` identifiers"
                let skipped = missing.map { "`\($0.field)`" }.joined(separator: ", ")
                findings.append(
                    context.finding(
                        Self.description,
                        "rule `\(item.id)` screens \(what) in \(fields.map { "`\($0)`" }.joined(separator: ", ")) but not in \(skipped), "
                            + "which \(first.by) screens for them: a value given only there escapes this rule",
                        at: screen.location,
                        help: "screen \(skipped) here too, or mark the screen with `# gavel:ignore partial-screen-fields -- why`"))
            }
        }
        return findings
    }

    /// The fields a screen reads, by kind: `names`, then each identifier kind.
    static func fields(of screen: ScreenSpec) -> [(kind: String, fields: [String])] {
        [("names", screen.names.map(\.text))] + screen.identifiers.map { ($0.kind, $0.paths.map(\.text)) }
    }
}
