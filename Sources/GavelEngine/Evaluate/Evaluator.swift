import GavelSyntax

/// SPEC §2: a pure function of (compiled bundle, case, as-of date, strictness).
public struct Evaluator: Sendable {
    package let bundle: CompiledBundle
    let screener: Screener

    public init(bundle: CompiledBundle) {
        self.bundle = bundle
        self.screener = Screener(lists: bundle.lists)
    }

    public struct Options: Sendable {
        /// Used when the case has no `as_of` (the CLI passes `--as-of` or now).
        public var fallbackAsOf: Instant
        public var strict: Bool

        public init(fallbackAsOf: Instant, strict: Bool = false) {
            self.fallbackAsOf = fallbackAsOf
            self.strict = strict
        }
    }

    public func evaluate(_ record: CaseRecord, options: Options) -> Decision {
        let asOf = record.asOf ?? options.fallbackAsOf
        var errors: [Diagnostic] = []

        // Step 3: every rule in force is matched or not (or error under --strict).
        var outcomes: [RuleOutcome] = []
        var matches: [ScreenMatch] = []
        for rule in bundle.rules {
            guard rule.isInForce(on: asOf) else {
                outcomes.append(RuleOutcome(rule: rule, status: .notInForce))
                continue
            }
            var evaluator = ConditionEvaluator(root: record.data, asOf: asOf, screener: screener, owner: rule.id)
            let trace = evaluator.trace(rule.condition)
            var status: RuleStatus = trace.result ? .matched : .notMatched
            if options.strict, !trace.problems.isEmpty {
                status = .error
                errors += Self.strictErrors(trace, rule: rule.id, caseRecord: record)
            }
            let ruleMatches = Self.sorted(evaluator.matches)
            matches += ruleMatches
            let reason = status == .matched ? rule.reason.map { render($0, data: record.data, matches: ruleMatches) } : nil
            outcomes.append(RuleOutcome(rule: rule, status: status, reason: reason, trace: trace))
        }

        // Step 4: exceptions in force whose condition holds suspend the matched rules they name.
        var exceptionOutcomes: [ExceptionOutcome] = []
        for exception in bundle.exceptions {
            guard exception.isInForce(on: asOf) else {
                exceptionOutcomes.append(ExceptionOutcome(exception: exception, status: .notInForce, suspended: []))
                continue
            }
            var evaluator = ConditionEvaluator(root: record.data, asOf: asOf, screener: screener, owner: exception.id)
            let trace = evaluator.trace(exception.condition)
            var suspended: [String] = []
            if trace.result {
                for index in outcomes.indices
                where exception.suspends.contains(outcomes[index].rule.id) && !outcomes[index].rule.mandatory {
                    guard outcomes[index].status == .matched || outcomes[index].status == .suspended else { continue }
                    suspended.append(outcomes[index].rule.id)
                    if outcomes[index].status == .matched {
                        outcomes[index].status = .suspended
                        outcomes[index].suspendedBy = exception.id
                    }
                }
            }
            exceptionOutcomes.append(
                ExceptionOutcome(
                    exception: exception, status: trace.result ? .applied : .notApplied, suspended: suspended,
                    trace: trace))
        }

        // Steps 5 and 6: the most severe matched, unsuspended rules decide; all of them oblige.
        let active = outcomes.filter { $0.status == .matched }
        let top = active.map(\.rule.severity).max()
        let determining = active.filter { $0.rule.severity == top }
        let decision = determining.first?.rule.decision ?? bundle.manifest.defaultDecision
        let obligations = active.flatMap { outcome in outcome.rule.obligations.map { Obligation(name: $0, rule: outcome.rule.id) } }

        return Decision(
            caseID: record.id, caseDigest: record.digest, asOf: asOf, decision: decision,
            determinedBy: determining.map(\.rule.id),
            defaultReason: determining.isEmpty ? bundle.manifest.defaultReason : nil,
            scope: Self.scope(of: determining.map(\.rule)), obligations: obligations, rules: outcomes,
            exceptions: exceptionOutcomes, matches: matches, errors: errors)
    }

    /// Union over the determining rules; one unrestricted rule makes that part unrestricted.
    static func scope(of rules: [CompiledRule]) -> RuleScope {
        guard !rules.isEmpty else { return RuleScope() }
        let jurisdictions = rules.contains { $0.scope.jurisdictions.isEmpty }
            ? [] : Set(rules.flatMap(\.scope.jurisdictions)).sorted()
        let services = rules.contains { $0.scope.services.isEmpty } ? [] : Set(rules.flatMap(\.scope.services)).sorted()
        return RuleScope(jurisdictions: jurisdictions, services: services, declared: true)
    }

    static func sorted(_ matches: [ScreenMatch]) -> [ScreenMatch] {
        Array(Set(matches)).sorted {
            ($0.list, $0.entry, $0.field, $0.query, $0.name) < ($1.list, $1.entry, $1.field, $1.query, $1.name)
        }
    }

    private static func strictErrors(_ trace: ConditionTrace, rule: String, caseRecord: CaseRecord) -> [Diagnostic] {
        trace.problems.map { node in
            let what = node.note == .missing
                ? "path `\(node.path ?? "")` does not resolve"
                : "path `\(node.path ?? "")` has a value of the wrong type for `\(node.step.word)`"
            return .error(
                node.note == .missing ? .missingPath : .typeMismatch,
                "case `\(caseRecord.id)`: \(what) in rule `\(rule)`", at: node.location,
                help: node.note == .missing ? "add the field to the case, or run without --strict" : nil)
        }
    }

    /// The best match (highest score) fills `{match.*}`.
    private func render(_ template: ReasonTemplate, data: Value, matches: [ScreenMatch]) -> String {
        let best = matches.min(by: ScreenMatch.preferred)
        var out = ""
        for part in template.parts {
            switch part {
            case .text(let t): out += t
            case .path(let path):
                out += PathResolver.resolve(path, root: data, element: data).map(Self.text) ?? "(missing \(path.text))"
            case .match(let field):
                guard let m = best else {
                    out += "(no match)"
                    continue
                }
                switch field {
                case .name: out += m.name
                case .list: out += m.list
                case .entry: out += m.entry
                case .score: out += JSON.format(m.score)
                case .query: out += m.query
                case .field: out += m.field
                case .method: out += m.method.rawValue
                }
            }
        }
        return out
    }

    static func text(_ value: Value) -> String {
        switch value {
        case .string(let s): return s
        case .list(let items): return items.map(text).joined(separator: ", ")
        case .map: return value.json.compact()
        default: return value.json.compact()
        }
    }
}
