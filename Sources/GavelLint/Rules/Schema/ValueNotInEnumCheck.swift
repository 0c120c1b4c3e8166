import GavelSyntax
import GavelEngine

/// A condition compares an enum field with a value the enum does not have.
///
/// Such a test can never be true: a misspelt category silently disables the
/// rule, or an exception, or one arm of an `any`.
///
/// The compiler finds it (`PolicySchemaCheck` in the engine), so `evaluate`
/// refuses the bundle as lint does; this rule documents it.
package struct ValueNotInEnumCheck: LoaderReportedRule {
    package init() {}

    package static let description = LintRuleDescription(
        code: .valueNotInEnum,
        category: .schema,
        defaultSeverity: .error,
        summary: "Operand is not one of the field's enum values",
        documentation: """
            When the schema declares a field as `{ enum: [...] }` (or a list of one), `equals`, `in`, \
            `contains`, `contains_any` and `contains_all` can only ever match the declared values. An operand \
            outside the enum — `terrorism_propoganda` for `terrorism_propaganda` — is a test that never holds: \
            a rule that never fires, an exception that never applies, an `in` list with a dead entry. Strings \
            compare exactly (SPEC §1.3), so case matters too. A rule's `scope.services` is checked against the \
            enum of `services` the same way: a `terminate` scoped to `hostign` would end no service at all.

            `gavel evaluate` refuses such a bundle, as lint does. Fix the spelling (the help names the closest \
            declared value), or add the value to the schema's enum \
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
                      services: [{ enum: [cdn, dns, hosting] }]
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
                        scope: { services: [hosting, ↓hostign] }
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
}
