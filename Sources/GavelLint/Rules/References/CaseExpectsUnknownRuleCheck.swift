import GavelSyntax
import GavelEngine

/// A case's `expect:` names a rule or exception that is not in the bundle.
///
/// `gavel test` would report the case as failing with a status mismatch,
/// which reads like a policy bug when it is a typo or a renamed rule.
package struct CaseExpectsUnknownRuleCheck: LintRule {
    package init() {}

    package static let description = LintRuleDescription(
        id: "case-expects-unknown-rule",
        category: .references,
        defaultSeverity: .error,
        summary: "A case's `expect:` names a rule or exception that is not in the bundle",
        documentation: """
            `expect:` in a case file lists rule ids under `determined_by`, `matched`, `not_matched`, \
            `suspended` and `not_in_force`, and exception ids under `exceptions_applied`. An id that is not \
            in the bundle can never have the expected status, so `gavel test` fails the case with a \
            mismatch that looks like a change in the policy — or, for `not_matched`, checks nothing at all \
            that anyone would notice. The usual cause is a rule renamed after the case was written.

            Correct the id in the case file (the help names the closest one), or remove it if the rule was \
            deleted on purpose.
            """,
        triggering: [
            .files([
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
                        obligations: [preserve_evidence]
                        reason: "{customer.name} is a designated terrorist organisation"
                        when: { path: customer.name, equals: Hamas }
                    """
                ),
                (
                    "cases/hamas-info.yaml",
                    """
                    kind: Case
                    id: CASE-2017-hamas-info
                    as_of: 2017-08-30
                    customer: { name: Hamas }
                    expect:
                      decision: terminate
                      determined_by: [↓designated-organisation]
                      exceptions_applied: [↓newsworthy-documentation]
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
                    owner: legal@example.com
                    rules:
                      - id: designated-organization
                        title: Customer is a designated terrorist organisation
                        basis: ["EO 13224"]
                        decision: terminate
                        obligations: [preserve_evidence]
                        reason: "{customer.name} is a designated terrorist organisation"
                        when: { path: customer.name, equals: Hamas }
                    """
                ),
                (
                    "cases/hamas-info.yaml",
                    """
                    kind: Case
                    id: CASE-2017-hamas-info
                    as_of: 2017-08-30
                    customer: { name: Hamas }
                    expect:
                      decision: terminate
                      determined_by: [designated-organization]
                      exceptions_applied: []
                    """
                ),
            ])
        ])

    /// `expect:` fields that list rule ids; `exceptions_applied` lists exception ids.
    static let ruleFields = ["determined_by", "matched", "not_matched", "suspended", "not_in_force"]

    package func check(_ context: LintContext) -> [Diagnostic] {
        guard let documents = context.documents, !context.cases.isEmpty else { return [] }
        var rules = Set(context.rules.map(\.rule.id))
        var exceptions = Set(context.exceptions.map(\.exception.id))
        var named: [(field: String, id: String, location: SourceLocation)] = []
        for linted in context.cases {
            guard let expect = linted.root.mappingEntries?.first(where: { $0.key == "expect" })?.value.mappingEntries
            else { continue }
            for entry in expect where Self.ruleFields.contains(entry.key) || entry.key == "exceptions_applied" {
                // A scalar here is a `wrong-type` the case reader reports.
                for item in entry.value.sequenceItems ?? [] {
                    guard let text = item.scalar?.text else { continue }
                    named.append((entry.key, text, item.location))
                }
            }
        }
        func isKnown(_ name: (field: String, id: String, location: SourceLocation)) -> Bool {
            name.field == "exceptions_applied" ? exceptions.contains(name.id) : rules.contains(name.id)
        }
        guard named.contains(where: { !isKnown($0) }) else { return [] }
        // A rule the loader could not read (a missing `decision:`) is still in
        // the bundle as far as the case author is concerned; when whole files
        // could not be read, which ids exist is unknown, and saying "not in the
        // bundle" would only add noise to the real problem.
        if context.analysis.diagnostics.contains(where: { $0.severity == .error }) {
            guard let written = Self.idsAsWritten(documents, problems: context.analysis.diagnostics) else { return [] }
            rules.formUnion(written.rules)
            exceptions.formUnion(written.exceptions)
        }
        return named.filter { !isKnown($0) }.map { name in
            let isExceptionField = name.field == "exceptions_applied"
            let kind = isExceptionField ? "an exception" : "a rule"
            let found: String
            if !isExceptionField, exceptions.contains(name.id) {
                found = "`\(name.id)`, which is an exception, not a rule"
            } else if isExceptionField, rules.contains(name.id) {
                found = "`\(name.id)`, which is a rule, not an exception"
            } else {
                found = "`\(name.id)`, which is not \(kind) in the bundle"
            }
            let candidates = isExceptionField ? exceptions : rules
            return context.finding(
                Self.description, "`expect.\(name.field)` names \(found); expected \(kind) id", at: name.location,
                help: DidYouMean.help(for: name.id, among: candidates)
                    ?? "check the id against the bundle; the \(isExceptionField ? "exception" : "rule") may have been renamed or removed")
        }
    }

    /// Rule and exception ids as written in the bundle's policy files, read
    /// from the raw YAML; nil when some bundle file could not be read at all.
    static func idsAsWritten(_ documents: BundleDocuments, problems: [Diagnostic]) -> (rules: Set<String>, exceptions: Set<String>)? {
        let read = Set(documents.files.map { documents.root + "/" + $0.path })
        let unreadable: Set<DiagnosticCode> = [.unreadableFile, .fileTooLarge, .pathOutsideBundle, .invalidUTF8]
        if problems.contains(where: { unreadable.contains($0.code) && $0.location.map { !read.contains($0.file) } ?? true }) {
            return nil
        }
        var rules = Set<String>()
        var exceptions = Set<String>()
        for file in documents.files where file.path.hasSuffix(".yaml") || file.path.hasSuffix(".yml") {
            let stream = YAMLComposer.compose(file.bytes, file: file.path)
            guard stream.error == nil else { return nil }
            for document in stream.documents {
                guard case .kind(.policy, _) = DocumentKind.declared(in: document), let entries = document.mappingEntries
                else { continue }
                for entry in entries where entry.key == "rules" || entry.key == "exceptions" {
                    for item in entry.value.sequenceItems ?? [] {
                        guard let id = item.mappingEntries?.first(where: { $0.key == "id" })?.value.scalar?.text else { continue }
                        if entry.key == "rules" { rules.insert(id) } else { exceptions.insert(id) }
                    }
                }
            }
        }
        return (rules, exceptions)
    }
}
