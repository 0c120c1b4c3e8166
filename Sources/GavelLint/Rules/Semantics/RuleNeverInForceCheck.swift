import GavelSyntax
import GavelEngine

/// A rule or exception whose own dates fall entirely outside its policy's.
///
/// Its dates are valid on their own, but the policy is not in force then, so
/// the item never is: typically a year mistyped, or a policy retired without
/// noticing the rule added later.
package struct RuleNeverInForceCheck: LintRule {
    package init() {}

    package static let description = LintRuleDescription(
        id: "rule-never-in-force",
        category: .semantics,
        defaultSeverity: .error,
        summary: "Rule is in force nowhere in its policy's window",
        documentation: """
            A rule (or exception) is in force from its `effective` date until its `expires` date, and only \
            while its policy is: a rule `effective: 2030-01-01` in a policy that `expires: 2025-01-01`, or one \
            that `expires: 2001-01-01` in a policy `effective: 2001-09-23`, is `not_in_force` for every case. \
            Rules without dates of their own take the policy's, so this only happens when a rule sets its own.

            Correct the rule's dates, or the policy's if it was retired too early. When a law replaces another \
            (EO 12947 folded into EO 13224), put the new rule in a policy whose window covers it.
            """,
        triggering: [
            .policy(
                """
                kind: Policy
                id: eo-12947
                effective: 1995-01-23
                expires: 2019-01-01
                rules:
                  - id: sdt-designation
                    title: Specially designated terrorist (EO 12947)
                    effective: ↓2020-01-01
                    decision: terminate
                    when: { path: customer.name, equals: HAMAS }
                exceptions:
                  - id: old-waiver
                    title: Waiver before the order
                    suspends: [sdt-designation]
                    expires: ↓1990-01-01
                    when: { path: facts.waiver, equals: true }
                """)
        ],
        nonTriggering: [
            .policy(
                """
                kind: Policy
                id: eo-12947
                effective: 1995-01-23
                expires: 2019-01-01
                rules:
                  - id: sdt-designation
                    title: Specially designated terrorist (EO 12947)
                    effective: 2001-09-23
                    decision: terminate
                    when: { path: customer.name, equals: HAMAS }
                """)
        ])

    package func check(_ context: LintContext) -> [Diagnostic] {
        var nodes = ItemNodes(context)
        var findings: [Diagnostic] = []
        func check(kind: String, id: String, effective: Instant?, expires: Instant?, location: SourceLocation, policy: Policy) {
            // Both dates its own and inverted: `inverted-window`, reported by the compiler.
            if let e = effective, let x = expires, x <= e, e != policy.effective, x != policy.expires { return }
            if let e = policy.effective, let x = policy.expires, x <= e { return }
            let window = "\(policy.effective.map { "\($0)" } ?? "the beginning") to \(policy.expires.map { "\($0)" } ?? "no end")"
            if let e = effective, let px = policy.expires, e >= px {
                findings.append(
                    context.finding(
                        Self.description,
                        "\(kind) `\(id)` takes effect on \(e), when its policy `\(policy.id)` has expired (\(px))",
                        at: nodes.valueLocation(of: "effective", inMappingAt: location) ?? location,
                        help: "policy `\(policy.id)` is in force from \(window); correct the dates"))
            } else if let x = expires, let pe = policy.effective, x <= pe {
                findings.append(
                    context.finding(
                        Self.description,
                        "\(kind) `\(id)` expires on \(x), before its policy `\(policy.id)` takes effect (\(pe))",
                        at: nodes.valueLocation(of: "expires", inMappingAt: location) ?? location,
                        help: "policy `\(policy.id)` is in force from \(window); correct the dates"))
            }
        }
        for (rule, policy) in context.rules {
            check(kind: "rule", id: rule.id, effective: rule.effective, expires: rule.expires, location: rule.location, policy: policy)
        }
        for (exception, policy) in context.exceptions {
            check(
                kind: "exception", id: exception.id, effective: exception.effective, expires: exception.expires,
                location: exception.location, policy: policy)
        }
        return findings
    }
}
