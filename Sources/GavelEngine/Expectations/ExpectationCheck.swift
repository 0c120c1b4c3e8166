import GavelSyntax

/// Compares a decision with a case's `expect:` (SPEC §1.6): `decision`
/// equal; `determined_by`, `obligations`, `exceptions_applied` and
/// `match_methods` equal as sets; the status lists mean every listed rule
/// has that status.
package enum ExpectationCheck {
    /// One line per mismatch; empty when the decision meets the expectation.
    package static func failures(_ expect: CaseExpectation, _ d: Decision) -> [String] {
        var out: [String] = []
        if let decision = expect.decision, decision != d.decision {
            out.append("decision: expected `\(decision)`, got `\(d.decision)`")
        }
        func compareSet(_ name: String, _ expected: [String]?, _ actual: [String]) {
            guard let expected, Set(expected) != Set(actual) else { return }
            out.append("\(name): expected [\(Set(expected).sorted().joined(separator: ", "))], got [\(Set(actual).sorted().joined(separator: ", "))]")
        }
        compareSet("determined_by", expect.determinedBy, d.determinedBy)
        compareSet("obligations", expect.obligations, d.obligations.map(\.name))
        compareSet("exceptions_applied", expect.exceptionsApplied, d.exceptions.filter { $0.status == .applied }.map(\.exception.id))
        compareSet("match_methods", expect.matchMethods, d.matches.map(\.method.rawValue))
        let statuses = Dictionary(uniqueKeysWithValues: d.rules.map { ($0.rule.id, $0.status) })
        func checkStatus(_ name: String, _ rules: [String], _ wanted: RuleStatus) {
            for rule in rules {
                guard let status = statuses[rule] else {
                    out.append("\(name): `\(rule)` is not a rule of this bundle")
                    continue
                }
                if status != wanted { out.append("\(name): `\(rule)` is \(status.rawValue)") }
            }
        }
        checkStatus("matched", expect.matched, .matched)
        checkStatus("not_matched", expect.notMatched, .notMatched)
        checkStatus("suspended", expect.suspended, .suspended)
        checkStatus("not_in_force", expect.notInForce, .notInForce)
        return out
    }
}

extension ExpectationCheck {
    /// Ids in `expect:` that name no rule (or, under `exceptions_applied`, no
    /// exception) of the bundle, a decision the ladder lacks, and an
    /// `expect:` that checks nothing: located errors, not mismatches, because
    /// the expectation can never be met (or always is) and the fix is in the
    /// case file.
    package static func unknownIDs(_ expect: CaseExpectation, bundle: CompiledBundle) -> [Diagnostic] {
        var out = problems(expect, ladder: bundle.manifest.ladder.map(\.id))
        out += unknownRuleIDs(expect, bundle: bundle)
        return out.sorted()
    }

    /// An empty `expect:` would pass whatever is decided; a decision off the ladder would fail whatever is.
    package static func problems(_ expect: CaseExpectation, ladder: [String]) -> [Diagnostic] {
        var out: [Diagnostic] = []
        let checksNothing = expect.decision == nil && expect.determinedBy == nil && expect.obligations == nil
            && expect.exceptionsApplied == nil && expect.matchMethods == nil && expect.matched.isEmpty && expect.notMatched.isEmpty
            && expect.suspended.isEmpty && expect.notInForce.isEmpty
        if checksNothing {
            out.append(
                .error(
                    .missingField, "`expect` names nothing to check: the case would pass whatever is decided", at: expect.location,
                    help: "write at least `decision:`; fields: \(CaseExpectation.fields.map { "`\($0)`" }.joined(separator: ", "))"))
        }
        if let decision = expect.decision, !ladder.contains(decision) {
            out.append(
                .error(
                    .unknownDecision, "`expect.decision` is `\(decision)`, which is not on the bundle's ladder",
                    at: expect.decisionLocation ?? expect.location,
                    help: DidYouMean.suggestion(for: decision, among: ladder).map { "did you mean `\($0)`?" }
                        ?? "the ladder: \(ladder.map { "`\($0)`" }.joined(separator: ", "))"))
        }
        return out
    }

    private static func unknownRuleIDs(_ expect: CaseExpectation, bundle: CompiledBundle) -> [Diagnostic] {
        let rules = bundle.rules.map(\.id)
        let exceptions = bundle.exceptions.map(\.id)
        let ruleSet = Set(rules)
        let exceptionSet = Set(exceptions)
        var out: [Diagnostic] = []
        for named in expect.namedIDs {
            let known = named.namesException ? exceptionSet : ruleSet
            guard !known.contains(named.id) else { continue }
            let what = named.namesException ? "exception" : "rule"
            let suggestion = DidYouMean.suggestion(for: named.id, among: named.namesException ? exceptions : rules)
            out.append(
                .error(
                    .caseExpectsUnknownRule,
                    "`expect.\(named.field)` names `\(named.id)`, which is not \(what == "rule" ? "a rule" : "an exception") of the bundle",
                    at: named.location,
                    help: suggestion.map { "did you mean `\($0)`?" } ?? "expected the id of \(what == "rule" ? "a rule" : "an exception") in the bundle"))
        }
        return out.sorted()
    }
}
