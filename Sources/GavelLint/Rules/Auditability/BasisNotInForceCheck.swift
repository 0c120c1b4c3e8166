import GavelSyntax
import GavelEngine

/// A rule or exception in force on dates when nothing it cites applies.
///
/// Its decisions on those dates would rest on no basis at all: the record
/// lists only the citations in force on the case's `as_of`.
package struct BasisNotInForceCheck: LintRule {
    package init() {}

    package static let description = LintRuleDescription(
        id: "basis-not-in-force",
        category: .auditability,
        defaultSeverity: .warning,
        summary: "A rule is in force on dates none of its basis applies",
        documentation: """
            A `basis` item may carry dates, `{ cite: "Reg 881/2002", effective: 2002-05-30 }`, for an \
            instrument that came into force, or ceased to apply, within the years the bundle decides; a \
            decision's record then lists only the citations in force on its `as_of`, so a decision of 2001 \
            does not claim to rest on a regulation of 2002. When every citation of a rule (or exception) is \
            dated and, on some date the rule is in force, none of them applies, the rule's decisions on that \
            date would name no basis: the instrument the dated one replaced is missing, or the rule is in \
            force too early. A citation without dates applies on every date.

            Cite what applied then (the regulation the later one replaced, `{ cite: "Reg 467/2001", \
            expires: 2002-05-30 }`), or give the rule the `effective` date of its basis.
            """,
        triggering: [
            .policy(
                """
                kind: Policy
                id: eu-un-sanctions
                owner: legal-eu@example.com
                rules:
                  - id: un-listed-party
                    title: Party on the UN Security Council's list
                    effective: 2001-03-06
                    basis: ↓[{ cite: Council Regulation (EC) No 881/2002, effective: 2002-05-30 }]
                    decision: terminate
                    when: { path: customer.name, equals: Al-Qaida }
                """)
        ],
        nonTriggering: [
            .policy(
                """
                kind: Policy
                id: eu-un-sanctions
                owner: legal-eu@example.com
                rules:
                  - id: un-listed-party
                    title: Party on the UN Security Council's list
                    effective: 2001-03-06
                    basis:
                      - { cite: Council Regulation (EC) No 467/2001, expires: 2002-05-30 }
                      - { cite: Council Regulation (EC) No 881/2002, effective: 2002-05-30 }
                    decision: terminate
                    when: { path: customer.name, equals: Al-Qaida }
                  - id: un-listed-party-since-2002
                    title: Party on the UN Security Council's list
                    basis: [UNSCR 1267 (1999), { cite: Council Regulation (EC) No 881/2002, effective: 2002-05-30 }]
                    decision: terminate
                    when: { path: customer.name, equals: Al-Qaida }
                """)
        ])

    package func check(_ context: LintContext) -> [Diagnostic] {
        func finding(_ what: String, _ window: (effective: Instant?, expires: Instant?), _ basis: Basis, at location: SourceLocation?)
            -> Diagnostic?
        {
            guard let location, let gap = Self.firstGap(window, basis) else { return nil }
            let when: String
            switch (gap.from, gap.until) {
            case (let from?, let until?): when = "from \(from) until \(until)"
            case (let from?, nil): when = "from \(from) on"
            case (nil, let until?): when = "before \(until)"
            case (nil, nil): when = "on every date"
            }
            return context.finding(
                Self.description, "\(what) is in force \(when), when none of its basis applies",
                at: location,
                help: "cite what applied then, or give it the `effective` date of its basis")
        }
        let rules = context.rules.compactMap { item in
            finding("rule `\(item.rule.id)`", (item.rule.effective, item.rule.expires), item.rule.basis, at: item.rule.basisLocation)
        }
        let exceptions = context.exceptions.compactMap { item in
            finding(
                "exception `\(item.exception.id)`", (item.exception.effective, item.exception.expires), item.exception.basis,
                at: item.exception.basisLocation)
        }
        return rules + exceptions
    }

    /// The first span of the window that no citation covers; nil when an
    /// undated citation, or the citations together, cover all of it. A nil
    /// bound is the beginning or the end of time.
    static func firstGap(_ window: (effective: Instant?, expires: Instant?), _ basis: Basis) -> (from: Instant?, until: Instant?)? {
        guard !basis.isEmpty else { return nil }
        let end = window.expires.map(Point.at) ?? .end
        var reached = window.effective.map(Point.at) ?? .beginning
        guard reached < end else { return nil }
        let spans = basis.citations
            .map { (from: $0.effective.map(Point.at) ?? .beginning, until: $0.expires.map(Point.at) ?? .end) }
            .sorted { $0.from < $1.from }
        for span in spans where span.until > reached {
            if span.from > reached { return (reached.instant, min(span.from, end).instant) }
            reached = span.until
            if reached >= end { return nil }
        }
        return (reached.instant, end.instant)
    }

    private enum Point: Comparable {
        case beginning
        case at(Instant)
        case end

        var instant: Instant? {
            if case .at(let instant) = self { return instant }
            return nil
        }
    }
}
