import GavelSyntax
import GavelEngine

/// A bundle without a `kind: Schema`.
///
/// Only a schema lets Gavel refuse a case with a misspelt or mistyped field
/// instead of deciding it; without one, evaluation cannot fail closed.
package struct MissingSchemaCheck: LintRule {
    package init() {}

    package static let description = LintRuleDescription(
        id: "missing-schema",
        category: .schema,
        defaultSeverity: .warning,
        summary: "The bundle has no schema, so its cases cannot be checked",
        documentation: """
            The schema is optional (SPEC §1.5), but it is what makes evaluation fail closed: with one, \
            `gavel evaluate` refuses a case whose data does not fit (`custmer:` for `customer:`, a `date` \
            that is not a day, a missing `required: true` field) and a bundle whose conditions read paths it \
            does not declare. Without one, a misspelt field in a case is simply missing, the rules that read \
            it do not match, and a termination can become `no_action` with exit status 0.

            Add a `schema.yaml` (`kind: Schema`) that declares every case field the policies read, with its \
            type, and mark the fields no decision can be made without as `required: true`. The finding is \
            reported at `bundle.yaml`, or at the first policy when there is none.
            """,
        triggering: [
            .files([
                ("bundle.yaml", "↓kind: Bundle\nid: acme\ntitle: Acme service-termination policy\n"),
                (
                    "policies/abuse.yaml",
                    """
                    kind: Policy
                    id: abuse
                    owner: abuse@example.com
                    rules:
                      - id: phishing
                        title: Phishing confirmed
                        basis: ["AUP 2.1"]
                        decision: restrict
                        reason: "{site.domain} hosts phishing."
                        when: { path: site.categories, contains: phishing }
                    """
                ),
            ])
        ],
        nonTriggering: [
            .files([
                ("bundle.yaml", "kind: Bundle\nid: acme\ntitle: Acme service-termination policy\n"),
                ("schema.yaml", "kind: Schema\nfields:\n  site.domain: { type: string, required: true }\n  site.categories: [string]\n"),
                (
                    "policies/abuse.yaml",
                    """
                    kind: Policy
                    id: abuse
                    owner: abuse@example.com
                    rules:
                      - id: phishing
                        title: Phishing confirmed
                        basis: ["AUP 2.1"]
                        decision: restrict
                        reason: "{site.domain} hosts phishing."
                        when: { path: site.categories, contains: phishing }
                    """
                ),
            ])
        ])

    package func check(_ context: LintContext) -> [Diagnostic] {
        // A bundle with no policy is `empty-bundle`'s. One that does not load has its errors to fix
        // first, and one of them may be in a schema that could not be read.
        guard let documents = context.documents, documents.schema == nil, !context.policies.isEmpty,
            !context.analysis.diagnostics.contains(where: { $0.severity == .error })
        else { return [] }
        let location = documents.manifest.location ?? context.policies.map(\.location).min()
        return [
            context.finding(
                Self.description,
                "the bundle has no `kind: Schema`: its cases cannot be checked before they are decided, nor the paths its conditions read",
                at: location,
                help: "add schema.yaml declaring every case field the policies read (SPEC §1.5), with `required: true` on those no decision can do without")
        ]
    }
}
