import GavelSyntax
import GavelEngine

/// A case file's data does not fit the bundle's schema.
///
/// Rules were checked against the schema; a case that breaks it is decided
/// on data the rules were never written for, so a typo in a case silently
/// changes its decision.
package struct CaseSchemaMismatchCheck: LintRule {
    package init() {}

    package static let description = LintRuleDescription(
        id: "case-schema-mismatch",
        category: .schema,
        defaultSeverity: .error,
        summary: "Case data does not fit the schema",
        documentation: """
            The schema is the contract between the policies and the case records they decide: lint checks \
            every rule's paths and operators against it, so a case whose data breaks it is decided on terms \
            nobody checked. A `followers: "12k"` where `int` is declared is a run-time `type_mismatch`, a \
            `category: phising` outside the enum never matches the phishing rule, and a single `services: cdn` \
            where a list is declared hides the case from `contains_all`.

            Reported, at the offending value: a value of the wrong type (a string where `int` is declared, a \
            `date` field whose string is not `YYYY-MM-DD` or RFC 3339), a value outside an enum, a list where a \
            single value is declared or the reverse, a mapping where a scalar is declared. Undeclared fields \
            are reported too, at their key, by this same rule: the schema is meant to list every case field, \
            and an undeclared one is usually a misspelt declared one (`custmer`), which no rule would ever \
            read. `null` counts as absent (SPEC §1.6) and is never a mismatch. Reserved keys (`kind`, `id`, \
            `as_of`, `expect`, `notes`) are not case data.

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
            ])
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
            ])
        ])

    package func check(_ context: LintContext) -> [Diagnostic] {
        guard let schema = context.schema else { return [] }
        var checker = Checker(lookup: SchemaLookup(schema), context: context)
        for linted in context.cases {
            guard let entries = linted.root.mappingEntries else { continue }
            for entry in entries where !CaseRecord.reservedKeys.contains(entry.key) {
                checker.field(entry, path: [])
            }
        }
        return checker.findings
    }

    private struct Checker {
        let lookup: SchemaLookup
        let context: LintContext
        var findings: [Diagnostic] = []

        mutating func field(_ entry: MappingEntry, path: [String]) {
            let steps = path + [entry.key]
            let name = steps.joined(separator: ".")
            switch lookup.resolve(steps) {
            case .unknown:
                let parent = path.joined(separator: ".")
                let siblings = lookup.schema.fields.keys.filter {
                    parent.isEmpty ? !$0.contains(".") : $0.hasPrefix(parent + ".") && !$0.dropFirst(parent.count + 1).contains(".")
                }
                report(
                    "field `\(name)` is not declared in the schema", at: entry.keyLocation,
                    help: DidYouMean.help(for: name, among: lookup.schema.fields.keys)
                        ?? (siblings.isEmpty
                            ? "declare it in the schema"
                            : "declare it in the schema; declared\(parent.isEmpty ? "" : " under `\(parent)`"): \(Self.list(siblings))"))
            case .object:
                // Implicitly an object (a prefix of declared paths): a mapping, or a list of them.
                objectValue(entry.value, path: steps, name: name, listAllowed: true)
            case .declared(let type):
                value(entry.value, type: type, path: steps, name: name)
            }
        }

        mutating func objectValue(_ node: SourceNode, path: [String], name: String, listAllowed: Bool) {
            switch node.content {
            case .mapping(let entries):
                for entry in entries { field(entry, path: path) }
            case .sequence(let items) where listAllowed:
                for item in items { objectValue(item, path: path, name: name, listAllowed: false) }
            case .scalar(let s) where s.value == .null:
                break
            default:
                report("`\(name)` must be a mapping (object), found \(node.kindDescription)", at: node.location)
            }
        }

        mutating func value(_ node: SourceNode, type: FieldType, path: [String], name: String) {
            if let scalar = node.scalar, scalar.value == .null { return }
            switch type {
            case .list(let element):
                guard let items = node.sequenceItems else {
                    report(
                        "`\(name)` must be a list (\(type)), found \(node.kindDescription)", at: node.location,
                        help: node.scalar.map { "write it as a list: `[\($0.text)]`" })
                    return
                }
                for item in items {
                    if item.sequenceItems != nil {
                        report("`\(name)` must be a list of \(element), found a nested list", at: item.location)
                    } else {
                        value(item, type: element, path: path, name: name)
                    }
                }
            case .object:
                objectValue(node, path: path, name: name, listAllowed: false)
            default:
                guard let scalar = node.scalar else {
                    report(
                        "`\(name)` must be a single \(type), found \(node.kindDescription)", at: node.location,
                        help: node.sequenceItems != nil ? "declare it as `[\(type)]` if several values are meant" : nil)
                    return
                }
                scalarValue(scalar, at: node.location, node: node, type: type, name: name)
            }
        }

        mutating func scalarValue(_ scalar: Scalar, at location: SourceLocation, node: SourceNode, type: FieldType, name: String) {
            switch (type, scalar.value) {
            case (.string, .string), (.int, .int), (.number, .int), (.number, .float), (.bool, .bool): return
            case (.date, .string(let s)) where Instant.parse(s) != nil: return
            case (.date, _):
                report(
                    "`\(name)` must be a date (YYYY-MM-DD or RFC 3339), found \(node.kindDescription)", at: location,
                    help: "write dates like `2019-09-09` or `2019-09-09T12:00:00Z`")
            case (.enumeration(let values), .string), (.enumeration(let values), .int), (.enumeration(let values), .float):
                guard !values.contains(scalar.text) else { return }
                report(
                    "`\(scalar.text)` is not a value of `\(name)`; \(EnumValues.expected(values))",
                    at: location, help: EnumValues.help(for: scalar.text, among: values))
            default:
                var help: String?
                if case .string = scalar.value, scalar.isQuoted, type == .int || type == .number || type == .bool {
                    help = "remove the quotes if the \(type) value was meant"
                } else if type == .string {
                    help = "quote it: `\"\(scalar.text)\"`"
                }
                report("`\(name)` must be \(type == .int ? "an" : "a") \(type), found \(node.kindDescription)", at: location, help: help)
            }
        }

        static func list(_ names: some Sequence<String>) -> String {
            names.sorted().map { "`\($0)`" }.joined(separator: ", ")
        }

        mutating func report(_ message: String, at location: SourceLocation, help: String? = nil) {
            findings.append(context.finding(CaseSchemaMismatchCheck.description, message, at: location, help: help))
        }
    }
}
