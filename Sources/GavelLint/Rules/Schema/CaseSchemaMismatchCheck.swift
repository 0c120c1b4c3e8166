import GavelSyntax
import GavelEngine

/// A case file's data does not fit the bundle's schema.
///
/// Rules were checked against the schema; a case that breaks it would be
/// decided on data the rules were never written for, so `evaluate` refuses
/// it. The check is the engine's (`CaseSchemaCheck`), run while cases are
/// read; this rule documents it and makes its level configurable.
package struct CaseSchemaMismatchCheck: LoaderReportedRule {
    package init() {}

    package static let description = LintRuleDescription(
        code: .caseSchemaMismatch,
        category: .schema,
        defaultSeverity: .error,
        summary: "Case data does not fit the schema",
        documentation: """
            The schema is the contract between the policies and the case records they decide: lint checks \
            every rule's paths and operators against it, so a case whose data breaks it would be decided on \
            terms nobody checked. A `custmer:` for `customer:` would turn a termination into `no_action`, a \
            `followers: "12k"` where `int` is declared is a run-time `type_mismatch`, a `category: phising` \
            outside the enum never matches the phishing rule, and a single `services: cdn` where a list is \
            declared hides the case from `contains_all`. So `gavel evaluate` does not decide such a case: it \
            reports every problem with `file:line:column`, decides the rest of the batch and exits 2.

            Reported, at the offending value: a value of the wrong type (a string where `int` is declared, a \
            `date` field whose value is not `YYYY-MM-DD` or RFC 3339, or names a day that does not exist such \
            as `2024-02-30`), a value outside an enum, a list where a single value is declared or the reverse, \
            a mapping where a scalar is declared. Undeclared fields are reported at their key, at the top level \
            and below any object: the schema is meant to list every case field, and an undeclared one is \
            usually a misspelt declared one, which no rule would ever read. A top-level `open: [facts]` in the \
            Schema allows undeclared fields directly under the objects it names (a declared object inside \
            them stays closed unless named too).

            A field declared `required: true` (`{ type: string, required: true }`, `{ enum: [...], required: \
            true }`) must be given: absent or `null` is reported, at the mapping that lacks it. Through a list \
            of objects every element must have it; through an absent object it is missing (a required \
            `customer.type` is missing when there is no `customer`). Other fields may be `null` or absent \
            (SPEC §1.6). Reserved keys (`kind`, `id`, `as_of`, `expect`, `notes`) are not case data.

            Fix the case, or, if the data is right, the schema.
            """,
        triggering: [
            .files([
                (
                    "schema.yaml",
                    """
                    kind: Schema
                    fields:
                      customer.name: string
                      services: [{ enum: [cdn, dns, hosting] }]
                      reports: [object]
                      reports.category: { enum: [phishing, malware] }
                      reports.received: date
                      facts.followers: int
                    """
                ),
                (
                    "cases/phishing.yaml",
                    """
                    kind: Case
                    id: CASE-phish-1
                    customer: { name: Example Bank Login, ↓contry: GB }
                    services: ↓cdn
                    reports:
                      - { category: ↓phising, received: ↓2024-02-30 }
                      - { category: malware, received: 2024-03-01 }
                    facts: { followers: ↓"12k" }
                    """
                ),
            ]),
            .files([
                (
                    "schema.yaml",
                    """
                    kind: Schema
                    open: [facts]
                    fields:
                      customer.name: { type: string, required: true }
                      customer.type: { enum: [organization, individual] }
                      requests: [object]
                      requests.kind: { enum: [court_order, abuse_report], required: true }
                      requests.from: string
                      facts.followers: int
                    """
                ),
                (
                    "cases/typo.yaml",
                    """
                    ↓kind: Case
                    id: CASE-typo
                    ↓custmer: { name: Hamas, type: organization }
                    requests:
                      - { kind: court_order }
                      - ↓{ from: Shurat HaDin }
                    facts: { followers: 12000, source: press }
                    ---
                    kind: Case
                    id: CASE-null
                    customer: { name: ↓null, type: organization }
                    """
                ),
            ]),
        ],
        nonTriggering: [
            .files([
                (
                    "schema.yaml",
                    """
                    kind: Schema
                    fields:
                      customer.name: string
                      services: [{ enum: [cdn, dns, hosting] }]
                      reports: [object]
                      reports.category: { enum: [phishing, malware] }
                      reports.received: date
                      facts.followers: int
                    """
                ),
                (
                    "cases/phishing.yaml",
                    """
                    kind: Case
                    id: CASE-phish-1
                    as_of: 2024-03-02
                    customer: { name: Example Bank Login }
                    services: [cdn, dns]
                    reports:
                      - { category: phishing, received: 2024-02-28 }
                      - { category: malware, received: "2024-03-01T09:30:00Z" }
                    facts: { followers: null }
                    expect: { decision: restrict }
                    """
                ),
            ]),
            .files([
                (
                    "schema.yaml",
                    """
                    kind: Schema
                    open: [facts]
                    fields:
                      customer.name: { type: string, required: true }
                      requests: [object]
                      requests.kind: { enum: [court_order, abuse_report], required: true }
                      facts.followers: int
                    """
                ),
                (
                    "cases/open.yaml",
                    """
                    kind: Case
                    id: CASE-open
                    customer: { name: Example Forum }
                    facts: { followers: 12000, source: press, ticket: { id: 4411 } }
                    """
                ),
            ]),
        ])
}
