import GavelSyntax
import GavelEngine

/// A condition compares an enum field with a value the enum does not have.
///
/// Such a test can never be true: a misspelt category silently disables the
/// rule, or an exception, or one arm of an `any`.
package struct ValueNotInEnumCheck: LintRule {
    package init() {}

    package static let description = LintRuleDescription(
        id: "value-not-in-enum",
        category: .schema,
        defaultSeverity: .error,
        summary: "Operand is not one of the field's enum values",
        documentation: """
            When the schema declares a field as `{ enum: [...] }` (or a list of one), `equals`, `in`, \
            `contains`, `contains_any` and `contains_all` can only ever match the declared values. An operand \
            outside the enum — `terrorism_propoganda` for `terrorism_propaganda` — is a test that never holds: \
            a rule that never fires, an exception that never applies, an `in` list with a dead entry. Strings \
            compare exactly (SPEC §1.3), so case matters too.

            Fix the spelling (the help names the closest declared value), or add the value to the schema's enum \
            if case data really uses it.
            """,
        triggering: [
            .files([
                (
                    "schema.yaml",
                    """
                    kind: Schema
                    fields:
                      site.categories: [{ enum: [hate_speech, terrorism_propaganda, journalism, research] }]
                      requests: [object]
                      requests.kind: { enum: [abuse_report, court_order, legal_demand] }
                    """
                ),
                (
                    "policies/terrorism.yaml",
                    """
                    kind: Policy
                    id: terrorism
                    rules:
                      - id: propaganda-demand
                        title: Demand about terrorist propaganda
                        decision: escalate
                        when:
                          all:
                            - { path: site.categories, contains: ↓terrorism_propoganda }
                            - some:
                                path: requests
                                where: { path: kind, in: [court_order, ↓Legal_Demand] }
                    exceptions:
                      - id: documentation
                        title: Journalism and research
                        suspends: [propaganda-demand]
                        when: { path: site.categories, contains_any: [journalism, ↓academia] }
                    """
                ),
            ])
        ],
        nonTriggering: [
            .files([
                (
                    "schema.yaml",
                    """
                    kind: Schema
                    fields:
                      site.categories: [{ enum: [hate_speech, terrorism_propaganda, journalism, research] }]
                      requests: [object]
                      requests.kind: { enum: [abuse_report, court_order, legal_demand] }
                    """
                ),
                (
                    "policies/terrorism.yaml",
                    """
                    kind: Policy
                    id: terrorism
                    rules:
                      - id: propaganda-demand
                        title: Demand about terrorist propaganda
                        decision: escalate
                        when:
                          all:
                            - { path: site.categories, contains: terrorism_propaganda }
                            - { path: requests.kind, in: [court_order, legal_demand] }
                    """
                ),
            ])
        ])

    package func check(_ context: LintContext) -> [Diagnostic] {
        guard let schema = context.schema else { return [] }
        let lookup = SchemaLookup(schema)
        var findings: [Diagnostic] = []
        for item in ConditionWalk.items(context) {
            ConditionWalk.visit(item.condition) { node, base in
                guard case .predicate(let p) = node,
                    case .declared(let type) = lookup.resolve(ConditionWalk.absolute(p.path, base: base)),
                    case .enumeration(let values) = type.element
                else { return }
                for (index, operand) in p.op.operands.enumerated() {
                    let text: String
                    switch operand {
                    case .string(let s): text = s
                    case .int, .double: text = operand.displayText
                    // Other types are `operator-schema-mismatch`'s to report.
                    default: continue
                    }
                    guard !values.contains(text) else { continue }
                    let location = index < p.operandLocations.count ? p.operandLocations[index] : p.location
                    findings.append(
                        context.finding(
                            Self.description, "`\(text)` is not a value of `\(p.path.text)`; \(EnumValues.expected(values))",
                            at: location,
                            help: EnumValues.help(
                                for: text, among: values,
                                fallback: "add `\(text)` to the field's enum in the schema if case data uses it")))
                }
            }
        }
        return findings
    }
}
