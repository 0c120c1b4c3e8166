import GavelSyntax

/// Everything a bundle's files said, before cross-references are checked.
package struct BundleDocuments: Sendable {
    package var manifest: BundleManifest
    package var policies: [Policy]
    package var lists: [DesignationList]
    package var schema: CaseSchema?
    package var files: [BundleFile]
    package var digest: String
    /// The directory as given, which prefixes every location.
    package var root: String
}

/// A bundle as far as it could be read and compiled, with every problem.
package struct BundleAnalysis: Sendable {
    package var documents: BundleDocuments?
    /// The rules and exceptions whose conditions compiled; nil when nothing could be read.
    package var compiled: CompiledBundle?
    package var diagnostics: [Diagnostic]

    package init(documents: BundleDocuments?, compiled: CompiledBundle?, diagnostics: [Diagnostic]) {
        self.documents = documents
        self.compiled = compiled
        self.diagnostics = diagnostics
    }
}

/// Resolves and checks every reference in a bundle (SPEC §1.2, §3) and
/// compiles conditions. Reports every problem, never only the first.
enum BundleCompiler {
    /// The compiled bundle (rules whose conditions failed are left out) and every problem.
    static func compile(_ documents: BundleDocuments) -> (CompiledBundle, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let manifest = documents.manifest
        var severity: [String: Int] = [:]
        for (index, step) in manifest.ladder.enumerated() { severity[step.id] = index }

        // Lists: ids unique across the bundle, entry ids unique within a list.
        var listsByID: [String: DesignationList] = [:]
        for list in documents.lists {
            if let earlier = listsByID[list.id] {
                diagnostics.append(
                    .error(.duplicateID, "list id `\(list.id)` is already used at \(earlier.location)", at: list.location))
                continue
            }
            listsByID[list.id] = list
            var entryIDs: [String: SourceLocation] = [:]
            for entry in list.entries {
                if let first = entryIDs[entry.id] {
                    diagnostics.append(
                        .error(.duplicateID, "entry id `\(entry.id)` appears twice in list `\(list.id)` (first at \(first))", at: entry.location))
                }
                entryIDs[entry.id] = entry.location
                if let listed = entry.listed, let delisted = entry.delisted, delisted < listed {
                    diagnostics.append(
                        .error(
                            .delistedBeforeListed, "entry `\(entry.id)` is delisted (\(delisted)) before it was listed (\(listed))",
                            at: entry.location, help: "copy both dates again from the list's official source"))
                }
            }
        }

        // Rules and exceptions share one id space: records refer to both by id. What holds an id is kept
        // with it, since "rule id `x` is already used" beside an exception `x` reads as a rule defined twice.
        var idLocations: [String: (what: String, location: SourceLocation)] = [:]
        var policyIDs: [String: SourceLocation] = [:]
        var rulesByID: [String: Rule] = [:]
        for policy in documents.policies {
            if let earlier = policyIDs[policy.id] {
                diagnostics.append(.error(.duplicateID, "policy id `\(policy.id)` is already used at \(earlier)", at: policy.location))
            } else {
                policyIDs[policy.id] = policy.location
            }
            if let effective = policy.effective, let expires = policy.expires, expires <= effective {
                diagnostics.append(invertedWindow("policy", policy.id, effective, expires, at: policy.location))
            }
            for rule in policy.rules {
                if let earlier = idLocations[rule.id] {
                    diagnostics.append(
                        .error(.duplicateID, "rule id `\(rule.id)` is already used by \(earlier.what) at \(earlier.location)", at: rule.location,
                               help: "rule and exception ids must be unique across the bundle"))
                } else {
                    // Only the first: a third definition is pointed at the first too.
                    idLocations[rule.id] = ("a rule", rule.location)
                }
                rulesByID[rule.id] = rule
            }
            for exception in policy.exceptions {
                if let earlier = idLocations[exception.id] {
                    diagnostics.append(
                        .error(.duplicateID, "exception id `\(exception.id)` is already used by \(earlier.what) at \(earlier.location)", at: exception.location,
                               help: "rule and exception ids must be unique across the bundle"))
                } else {
                    idLocations[exception.id] = ("an exception", exception.location)
                }
            }
        }

        var conditions = ConditionCompiler(listIDs: Set(listsByID.keys), defaultMinScore: manifest.screeningMinScore, lists: listsByID)
        var memo = QuantifierMemo()
        var rules: [CompiledRule] = []
        var exceptions: [CompiledException] = []
        for policy in documents.policies {
            for rule in policy.rules {
                let condition = conditions.compile(rule.when).map { memo.numbered($0) }
                guard let ruleSeverity = severity[rule.decision] else {
                    diagnostics.append(
                        .error(
                            .unknownDecision, "decision `\(rule.decision)` of rule `\(rule.id)` is not on the ladder",
                            at: rule.decisionLocation,
                            help: manifest.ladderHelp(for: rule.decision)))
                    continue
                }
                if rule.decision == "geo_block", rule.scope.jurisdictions.isEmpty {
                    diagnostics.append(
                        .error(
                            .geoBlockWithoutJurisdictions, "rule `\(rule.id)` decides `geo_block` but names no jurisdictions",
                            at: rule.decisionLocation, help: "add `scope: { jurisdictions: [DE, IT] }` naming where access is blocked"))
                }
                diagnostics += Self.unknownServices(rule, schema: documents.schema)
                if let effective = rule.effective, let expires = rule.expires, expires <= effective,
                    invertedByOwnDates(effective, expires, policy)
                {
                    diagnostics.append(invertedWindow("rule", rule.id, effective, expires, at: rule.location))
                }
                let reason = rule.reason.map {
                    ReasonTemplate.parse(
                        $0, at: rule.reasonLocation, ruleHasScreen: condition.map(\.screens) ?? true,
                        schema: documents.schema, diagnostics: &diagnostics)
                }
                guard let condition else { continue }
                rules.append(
                    CompiledRule(
                        id: rule.id, policyID: policy.id, title: rule.title, basis: rule.basis, condition: condition,
                        decision: rule.decision, severity: ruleSeverity, obligations: rule.obligations,
                        mandatory: rule.mandatory, effective: rule.effective, expires: rule.expires, scope: rule.scope,
                        reason: reason, location: rule.location))
            }
            for exception in policy.exceptions {
                if let effective = exception.effective, let expires = exception.expires, expires <= effective,
                    invertedByOwnDates(effective, expires, policy)
                {
                    diagnostics.append(invertedWindow("exception", exception.id, effective, expires, at: exception.location))
                }
                for (target, location) in zip(exception.suspends, exception.suspendsLocations) {
                    guard let rule = rulesByID[target] else {
                        diagnostics.append(
                            .error(
                                .unknownRule, "exception `\(exception.id)` suspends `\(target)`, which is not a rule in this bundle",
                                at: location, help: DidYouMean.help(for: target, among: rulesByID.keys)))
                        continue
                    }
                    if rule.mandatory {
                        diagnostics.append(
                            .error(
                                .suspendsMandatory, "exception `\(exception.id)` suspends `\(target)`, which is mandatory",
                                at: location, help: "a mandatory rule cannot be suspended; remove it from `suspends`"))
                    }
                }
                guard let condition = conditions.compile(exception.when).map({ memo.numbered($0) }) else { continue }
                exceptions.append(
                    CompiledException(
                        id: exception.id, policyID: policy.id, title: exception.title, suspends: exception.suspends,
                        condition: condition, basis: exception.basis, effective: exception.effective,
                        expires: exception.expires, location: exception.location))
            }
        }
        var followUps: [CompiledFollowUp] = []
        for followUp in manifest.followUps {
            if let earlier = idLocations[followUp.id] {
                diagnostics.append(
                    .error(.duplicateID, "follow-up id `\(followUp.id)` is already used by \(earlier.what) at \(earlier.location)", at: followUp.location,
                           help: "rule, exception and follow-up ids must be unique across the bundle"))
            } else {
                idLocations[followUp.id] = ("a follow-up", followUp.location)
            }
            let condition = followUp.when.flatMap { conditions.compile($0) }
            guard let rung = severity[followUp.decisionAtLeast] else {
                diagnostics.append(
                    .error(
                        .unknownDecision, "`decision_at_least: \(followUp.decisionAtLeast)` of follow-up `\(followUp.id)` is not on the ladder",
                        at: followUp.decisionLocation,
                        help: manifest.ladderHelp(for: followUp.decisionAtLeast)))
                continue
            }
            if followUp.when != nil, condition == nil { continue }
            if let effective = followUp.effective, let expires = followUp.expires, expires <= effective {
                diagnostics.append(invertedWindow("follow-up", followUp.id, effective, expires, at: followUp.location))
            }
            followUps.append(
                CompiledFollowUp(
                    id: followUp.id, obligation: followUp.obligation, severity: rung, condition: condition, basis: followUp.basis,
                    effective: followUp.effective, expires: followUp.expires, location: followUp.location))
        }
        diagnostics += conditions.diagnostics
        // The same checks as lint's schema rules, so `evaluate` refuses what lint would.
        if let schema = documents.schema {
            let conditions = rules.map(\.condition) + exceptions.map(\.condition) + followUps.compactMap(\.condition)
            diagnostics += PolicySchemaCheck.problems(conditions, schema: schema)
        }
        var compiled = CompiledBundle(
            manifest: manifest, digest: documents.digest, files: documents.files,
            rules: rules.sorted { $0.id < $1.id }, exceptions: exceptions.sorted { $0.id < $1.id },
            lists: documents.lists.map(CompiledList.init).sorted { $0.id < $1.id }, schema: documents.schema,
            severity: severity)
        compiled.followUps = followUps
        compiled.pathSlots = conditions.slots.count
        compiled.quantifierMemos = memo.ids.count
        compiled.predicateMemos = memo.predicateIDs.count
        compiled.elementPredicateMemos = memo.elementPredicateIDs.count
        return (compiled, diagnostics)
    }

    /// An item that expires on or before the day it takes effect: never in force.
    private static func invertedWindow(
        _ kind: String, _ id: String, _ effective: Instant, _ expires: Instant, at location: SourceLocation
    ) -> Diagnostic {
        .error(
            .invertedWindow,
            "\(kind) `\(id)` expires (\(expires)) \(expires == effective ? "on the day" : "before") it takes effect (\(effective))",
            at: location, help: "swap or correct `effective` and `expires`")
    }

    /// Whether an item's inverted window comes from dates of its own. One
    /// taken from its policy means its own date lies outside the policy's
    /// window, which lint reports as `rule-never-in-force`; both taken means
    /// the policy's finding covers it.
    private static func invertedByOwnDates(_ effective: Instant, _ expires: Instant, _ policy: Policy) -> Bool {
        policy.effective != effective && policy.expires != expires
    }

    /// `value-not-in-enum` for a `scope.services` value the schema's `services` enum lacks: a rule
    /// scoped to a service no case can name acts on nothing.
    static func unknownServices(_ rule: Rule, schema: CaseSchema?) -> [Diagnostic] {
        guard let type = schema?.fields["services"] else { return [] }
        let values: [String]
        switch type {
        case .enumeration(let v), .list(.enumeration(let v)): values = v
        default: return []
        }
        return rule.scopeServiceLocations.filter { !values.contains($0.0) }.map { service, location in
            .error(
                .valueNotInEnum, "`\(service)` in the scope of rule `\(rule.id)` is not a value of `services`; \(EnumValues.expected(values))",
                at: location, help: EnumValues.help(for: service, among: values))
        }
    }
}
