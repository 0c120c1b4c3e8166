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
        /// Whether `fallbackAsOf` is a date the user gave or the clock.
        public var fallbackSource: AsOfSource
        public var strict: Bool
        public var trace: TraceLevel
        /// Find each screened name's near misses (`--explain-screening`).
        public var explainScreening: Bool

        public init(
            fallbackAsOf: Instant, fallbackSource: AsOfSource = .flag, strict: Bool = false, trace: TraceLevel = .decisive,
            explainScreening: Bool = false
        ) {
            self.fallbackAsOf = fallbackAsOf
            self.fallbackSource = fallbackSource
            self.strict = strict
            self.trace = trace
            self.explainScreening = explainScreening
        }
    }

    /// SPEC §2. One path for every trace level: each condition is decided by
    /// `ConditionEvaluator.holds`, or by `trace` where the level keeps the
    /// trace (and for every rule under `--strict`, which needs the
    /// `missing`/`type_mismatch` notes); both share every operator, path and
    /// quantifier step, and the decisive level traces afterwards only what
    /// decided.
    public func evaluate(_ record: CaseRecord, options: Options) -> Decision {
        let asOf = record.asOf ?? options.fallbackAsOf
        let level = options.trace
        var errors: [Diagnostic] = []
        var conditions = ConditionEvaluator(root: record.data, asOf: asOf, screener: screener, pathSlots: bundle.pathSlots, quantifierMemos: bundle.quantifierMemos,
            predicateMemos: bundle.predicateMemos, elementPredicateMemos: bundle.elementPredicateMemos)

        // Step 3: every rule in force is matched or not (or error under --strict).
        var outcomes: [RuleOutcome] = []
        outcomes.reserveCapacity(bundle.rules.count)
        var matches: [ScreenMatch] = []
        let data = record.data
        conditions.checksEveryElement = options.strict
        for rule in bundle.rules {
            guard rule.isInForce(on: asOf) else {
                outcomes.append(RuleOutcome(rule: rule, status: .notInForce))
                continue
            }
            if rule.screens { conditions.owner = rule.id }
            var status: RuleStatus
            var trace: ConditionTrace?
            if options.strict || level == .full {
                let traced = conditions.trace(rule.condition, exhaustive: rule.screens)
                let unshown = conditions.takeElementProblems()
                status = traced.result ? .matched : .notMatched
                if options.strict, !traced.problems.isEmpty || !unshown.isEmpty {
                    status = .error
                    errors += Self.strictErrors(traced.problems.map { ($0, nil) } + unshown.map { ($0.node, $0.element) }, rule: rule.id, caseRecord: record)
                }
                if level != .none { trace = traced }
            } else {
                let holds = conditions.holds(rule.program, element: data, exhaustive: rule.screens)
                status = holds ? .matched : .notMatched
            }
            // Only screens find matches: most rules have none to take.
            var ruleMatches: [ScreenMatch] = []
            if rule.screens {
                ruleMatches = conditions.takeMatches()
                matches += ruleMatches
            }
            let reason = status == .matched ? rule.reason.map { render($0, data: record.data, matches: ruleMatches) } : nil
            outcomes.append(RuleOutcome(rule: rule, status: status, reason: reason, trace: trace))
        }

        // Exceptions and follow-ups are not checked under --strict (docs/evaluation.md).
        conditions.checksEveryElement = false

        // Step 4: exceptions in force whose condition holds suspend the matched rules they name.
        var exceptionOutcomes: [ExceptionOutcome] = []
        for exception in bundle.exceptions {
            guard exception.isInForce(on: asOf) else {
                exceptionOutcomes.append(ExceptionOutcome(exception: exception, status: .notInForce, suspended: []))
                continue
            }
            if exception.screens { conditions.owner = exception.id }
            let applies: Bool
            var trace: ConditionTrace?
            if level == .full {
                let traced = conditions.trace(exception.condition, exhaustive: exception.screens)
                applies = traced.result
                trace = traced
            } else {
                applies = conditions.holds(exception.program, element: record.data, exhaustive: exception.screens)
            }
            // Screens in an exception are its own evidence, not a rule's matches.
            _ = conditions.takeMatches()
            var suspended: [String] = []
            if applies {
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
                ExceptionOutcome(exception: exception, status: applies ? .applied : .notApplied, suspended: suspended, trace: trace))
        }

        // The decisive level explains what decided, traced once the statuses
        // are known, with the root paths this case already resolved; the
        // screen matches found again are already recorded.
        if level == .decisive {
            for index in outcomes.indices where outcomes[index].trace == nil && outcomes[index].status.isDecisive {
                let rule = outcomes[index].rule
                outcomes[index].trace = conditions.trace(rule.condition, exhaustive: rule.screens)
            }
            for index in exceptionOutcomes.indices where exceptionOutcomes[index].status == .applied {
                let exception = exceptionOutcomes[index].exception
                exceptionOutcomes[index].trace = conditions.trace(exception.condition, exhaustive: exception.screens)
            }
            _ = conditions.takeMatches()
        }

        // Steps 5 and 6: the most severe matched, unsuspended rules decide; all of them oblige.
        var top: Int?
        var obligations: [Obligation] = []
        for index in outcomes.indices where outcomes[index].status == .matched {
            let rule = outcomes[index].rule
            if top.map({ rule.severity > $0 }) ?? true { top = rule.severity }
            for name in rule.obligations { obligations.append(Obligation(name: name, source: .rule(rule.id))) }
        }
        var determining: [CompiledRule] = []
        for index in outcomes.indices where outcomes[index].status == .matched && outcomes[index].rule.severity == top {
            determining.append(outcomes[index].rule)
        }
        let decision = determining.first?.decision ?? bundle.manifest.defaultDecision

        // Step 8: follow-ups owed because of the decision reached.
        let reached = bundle.severity[decision] ?? 0
        for followUp in bundle.followUps where followUp.severity <= reached && followUp.isInForce(on: asOf) {
            if let program = followUp.program {
                conditions.owner = followUp.id
                let holds = conditions.holds(program, element: record.data, exhaustive: false)
                _ = conditions.takeMatches()
                guard holds else { continue }
            }
            obligations.append(Obligation(name: followUp.obligation, source: .followUp(followUp.id, basis: followUp.basis.texts(on: asOf))))
        }

        var decided = Decision(
            caseID: record.id, caseDocument: record.document, asOf: asOf,
            asOfSource: record.asOf == nil ? options.fallbackSource : .case, traceLevel: level, decision: decision,
            determinedBy: determining.map(\.id),
            defaultReason: determining.isEmpty ? bundle.manifest.defaultReason : nil,
            scope: Self.scope(of: determining), obligations: obligations, rules: outcomes,
            exceptions: exceptionOutcomes, matches: matches, errors: errors)
        if options.explainScreening {
            decided.nearMisses = ScreeningExplanation.nearMisses(
                bundle: bundle, outcomes: outcomes, data: record.data, asOf: asOf, matches: matches)
        }
        return decided
    }

    /// Union over the determining rules; one unrestricted rule makes that part unrestricted.
    static func scope(of rules: [CompiledRule]) -> RuleScope {
        guard !rules.isEmpty else { return RuleScope() }
        let jurisdictions = rules.contains { $0.scope.jurisdictions.isEmpty }
            ? [] : Set(rules.flatMap(\.scope.jurisdictions)).sorted()
        let services = rules.contains { $0.scope.services.isEmpty } ? [] : Set(rules.flatMap(\.scope.services)).sorted()
        return RuleScope(jurisdictions: jurisdictions, services: services, declared: true)
    }

    /// One error per problem node; `element` names the list element it is in when the trace does not show it.
    private static func strictErrors(_ problems: [(node: ConditionTrace.Node, element: String?)], rule: String, caseRecord: CaseRecord) -> [Diagnostic] {
        problems.map { node, element in
            let path = "path `\(node.path ?? "")`" + (element.map { " of `\($0)`" } ?? "")
            let what = node.note == .missing
                ? "\(path) does not resolve"
                : "\(path) has a value of the wrong type for `\(node.step.word)`"
            return .error(
                node.note == .missing ? .missingPath : .typeMismatch,
                "case `\(caseRecord.id)`: \(what) in rule `\(rule)`", at: node.location,
                help: node.note == .missing ? "add the field to the case, or run without --strict" : nil)
        }
    }

    /// The best match (highest score) fills `{match.*}`; a match its screen
    /// did not count (short of `min_corroboration`) is not the rule's evidence.
    private func render(_ template: ReasonTemplate, data: Value, matches: [ScreenMatch]) -> String {
        let best = matches.filter(\.counted).min(by: ScreenMatch.preferred)
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
        default: return value.compactJSON
        }
    }
}
