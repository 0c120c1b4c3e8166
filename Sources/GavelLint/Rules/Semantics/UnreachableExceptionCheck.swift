import GavelSyntax
import GavelEngine

/// An exception that is never in force while any rule it suspends is.
///
/// It can never suspend anything, so the carve-out it documents (journalism,
/// research, a licence) silently does not exist.
package struct UnreachableExceptionCheck: LintRule {
    package init() {}

    package static let description = LintRuleDescription(
        id: "unreachable-exception",
        category: .semantics,
        defaultSeverity: .warning,
        summary: "Exception is never in force while the rules it suspends are",
        documentation: """
            An exception only matters on dates when both it and a rule it suspends are in force. When every \
            rule it names has expired before the exception takes effect — or takes effect only after the \
            exception has expired — there is no such date: the exception is dead text, and the cases it was \
            written for (newsworthy documentation, a licence, a court's stay) are decided as if it did not \
            exist. Dates are compared as windows, `effective` inclusive and `expires` exclusive (SPEC §2); \
            items without dates take their policy's. An exception whose own window is empty is \
            `inverted-window`'s.

            Point `suspends` at the rule that replaced the expired one, or correct the exception's dates.
            """,
        triggering: [
            .policy(
                """
                kind: Policy
                id: terrorism-content
                rules:
                  - id: propaganda-eo-12947
                    title: Propaganda of an EO 12947 designee
                    effective: 1995-01-23
                    expires: 2019-01-01
                    decision: restrict
                    when: { path: site.categories, contains: terrorism_propaganda }
                exceptions:
                  - id: newsworthy-documentation
                    title: Journalism and research documenting terrorism
                    suspends: [propaganda-eo-12947]
                    effective: ↓2020-06-01
                    when: { path: site.categories, contains_any: [journalism, research] }
                """)
        ],
        nonTriggering: [
            .policy(
                """
                kind: Policy
                id: terrorism-content
                rules:
                  - id: propaganda-eo-12947
                    title: Propaganda of an EO 12947 designee
                    effective: 1995-01-23
                    expires: 2019-01-01
                    decision: restrict
                    when: { path: site.categories, contains: terrorism_propaganda }
                  - id: propaganda-eo-13224
                    title: Propaganda of an EO 13224 designee
                    effective: 2001-09-23
                    decision: restrict
                    when: { path: site.categories, contains: terrorism_propaganda }
                exceptions:
                  - id: newsworthy-documentation
                    title: Journalism and research documenting terrorism
                    suspends: [propaganda-eo-12947, propaganda-eo-13224]
                    effective: 2020-06-01
                    when: { path: site.categories, contains_any: [journalism, research] }
                """)
        ])

    package func check(_ context: LintContext) -> [Diagnostic] {
        var rules: [String: Rule] = [:]
        for (rule, _) in context.rules { rules[rule.id] = rule }
        var nodes = ItemNodes(context)
        var findings: [Diagnostic] = []
        for (exception, _) in context.exceptions {
            if let e = exception.effective, let x = exception.expires, x <= e { continue }  // `inverted-window`
            // Unknown ids are `unknown-rule`'s; with none known there is nothing to compare.
            let targets = exception.suspends.compactMap { rules[$0] }
            guard !targets.isEmpty else { continue }
            let overlaps = targets.contains {
                Self.overlap(($0.effective, $0.expires), (exception.effective, exception.expires))
            }
            guard !overlaps else { continue }
            let allExpiredBefore = targets.allSatisfy { rule in
                guard let x = rule.expires, let e = exception.effective else { return false }
                return x <= e
            }
            let names = targets.map { "`\($0.id)`" }.joined(separator: ", ")
            let location = allExpiredBefore
                ? nodes.valueLocation(of: "effective", inMappingAt: exception.location) ?? exception.location
                : nodes.valueLocation(of: "expires", inMappingAt: exception.location) ?? exception.location
            findings.append(
                context.finding(
                    Self.description,
                    allExpiredBefore
                        ? "exception `\(exception.id)` takes effect (\(exception.effective.map { "\($0)" } ?? "?")) "
                            + "after every rule it suspends has expired (\(names))"
                        : "exception `\(exception.id)` is never in force while a rule it suspends is (\(names))",
                    at: location,
                    help: "suspend the rules in force in its window, or correct its `effective`/`expires`"))
        }
        return findings
    }

    /// Whether two [effective, expires) windows share a date; nil is unbounded.
    static func overlap(_ a: (Instant?, Instant?), _ b: (Instant?, Instant?)) -> Bool {
        let start = [a.0, b.0].compactMap { $0 }.max()
        let end = [a.1, b.1].compactMap { $0 }.min()
        guard let start, let end else { return true }
        return start < end
    }
}
