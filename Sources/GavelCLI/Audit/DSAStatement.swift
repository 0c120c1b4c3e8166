import GavelEngine
import GavelLog
import GavelSyntax

/// One logged decision as an EU Digital Services Act statement of reasons
/// (Art. 17(3); the Transparency Database's fields, Art. 24(5)). Free-text
/// fields are built from the bundle's own words (rule titles, `basis`) and
/// ids, never from case data, which may name a person: the database takes
/// no personal data. The override's or appeal's texts are the exception, as
/// the reviewer wrote them. docs/decision-log.md has the mapping table.
struct DSAStatement {
    enum Skip: Error {
        /// Below `restrict` on its ladder: no statement is owed.
        case notRestricting
        /// The engine's decision gave effect to an order under DSA Art. 9, as
        /// the record's obligations say: Art. 17(5) owes no statement for it.
        case order
        /// A geo-block outside the EU and EEA.
        case outsideEEA
        /// The database accepts application dates from 2020-01-01 only.
        case beforeDatabase(String)
    }

    let history: DecisionHistory
    let record: RecordJSON
    let bundle: StoredBundleFacts
    /// The case's data (not its free text: only request kinds and `customer.since` are read).
    let caseData: Value?

    /// The override whose grounds replace the engine's, if any. The rules are
    /// the engine's grounds while the engine's decision stands (an upheld or
    /// modifying appeal keeps them).
    private var override: HumanDecisionRecord? { history.human.last { $0.record.kind == .override }?.record }

    /// Why no statement is owed, from the record and the history alone (before the case is read); nil: one is owed.
    func owedNone() -> Skip? {
        guard isRestricting(history.effectiveDecision) else { return .notRestricting }
        // The bundle's follow-ups judge whether an order was given effect (the
        // legal test lives there, in YAML, not here); an override is the
        // provider's own decision on its own grounds, to which Art. 17 applies.
        if override == nil, record.obligationNames.contains(DSAVocabulary.orderInformation) { return .order }
        return nil
    }

    func json() -> Result<JSON, Skip> {
        let decision = history.effectiveDecision
        if let skip = owedNone() { return .failure(skip) }
        let override = override
        // What the engine found stays what it was after an override: the rules
        // that decided it give the category and tell whether screening detected
        // it (Art. 17(3)(c)); the override replaces only the ground, the
        // explanation and the scope.
        let detected = record.strings("determined_by").map { id in (id: id, facts: bundle.rules[id], logged: loggedRule(id)) }
        let ruleFacts = override == nil ? detected : []
        let rules = ruleFacts.map(\.id)
        let scopeJurisdictions = override == nil ? record.strings("scope.jurisdictions") : []
        let scopeServices = override == nil ? record.strings("scope.services") : []
        let scope = scopeJurisdictions.isEmpty ? DSAVocabulary.countries : DSAVocabulary.countries.filter(scopeJurisdictions.contains)
        guard !scope.isEmpty else { return .failure(.outsideEEA) }
        let applied = String(history.effectiveSince.prefix(10))
        guard applied >= "2020-01-01" else { return .failure(.beforeDatabase(applied)) }

        var fields: [(String, JSON)] = []
        let restriction = DSAVocabulary.restriction(decision, title: bundle.step(decision)?.title, partial: !scopeServices.isEmpty)
        if !restriction.visibility.isEmpty { fields.append(("decision_visibility", .array(restriction.visibility.map(JSON.string)))) }
        if let other = restriction.visibilityOther { fields.append(("decision_visibility_other", .string(DSAVocabulary.clipped(other, 500)))) }
        if let monetary = restriction.monetary { fields.append(("decision_monetary", .string(monetary))) }
        if let provision = restriction.provision { fields.append(("decision_provision", .string(provision))) }

        // The ground: law when a deciding rule's first basis cites law, else the provider's terms.
        func basis(_ rule: (id: String, facts: StoredBundleFacts.RuleFacts?, logged: SourceNode?)) -> [String] {
            rule.logged.map { RecordJSON.strings(field: "basis", of: $0) }
                ?? record.string("as_of").flatMap(Instant.parse).map { rule.facts?.basis.texts(on: $0) ?? [] } ?? []
        }
        let ruleBases: [[String]] = ruleFacts.map(basis)
        let bases = ruleBases.flatMap { $0 }
        let groundBases = override.map { [$0.basis ?? ""] } ?? bases
        let firstBases: [String] = override.map { [$0.basis ?? ""] } ?? ruleBases.compactMap(\.first)
        let illegal = firstBases.contains { !$0.isEmpty && !DSAVocabulary.isContractual($0) }
        let explanation: String
        if let override {
            explanation = override.reason
        } else if ruleFacts.isEmpty {
            explanation = "The bundle's default decision: " + (record.string("default_reason") ?? decision)
        } else {
            explanation = ruleFacts.map { "\($0.facts?.title ?? $0.id) (rule \($0.id))" }.joined(separator: "; ")
        }
        let fallbackGround = "Bundle \(bundle.id)\(bundle.version.map { " version \($0)" } ?? ""), " + (rules.isEmpty ? "its default decision" : "rule " + rules.joined(separator: ", "))
        if illegal {
            let legal = unique(groundBases.filter { !DSAVocabulary.isContractual($0) })
            fields.append(("decision_ground", .string("DECISION_GROUND_ILLEGAL_CONTENT")))
            fields.append(("illegal_content_legal_ground", .string(DSAVocabulary.clipped(legal.joined(separator: "; "), 500))))
            fields.append(("illegal_content_explanation", .string(DSAVocabulary.clipped(explanation, 2000))))
        } else {
            let terms = unique(groundBases.filter { DSAVocabulary.isContractual($0) })
            fields.append(("decision_ground", .string("DECISION_GROUND_INCOMPATIBLE_CONTENT")))
            fields.append(("incompatible_content_ground", .string(DSAVocabulary.clipped(terms.isEmpty ? fallbackGround : terms.joined(separator: "; "), 500))))
            fields.append(("incompatible_content_explanation", .string(DSAVocabulary.clipped(explanation, 2000))))
        }

        fields.append(("content_type", .array([.string("CONTENT_TYPE_OTHER")])))
        fields.append(("content_type_other", .string("Website or online service of a customer of the provider's infrastructure services")))
        let tags = detected.flatMap { $0.facts?.tags ?? [] }
        let (category, keyword) = Self.category(tags: Set(tags), bases: detected.flatMap(basis), illegal: illegal)
        fields.append(("category", .string(category)))
        if let keyword { fields.append(("category_specification", .array([.string(keyword)]))) }
        fields.append(("territorial_scope", .array(scope.map(JSON.string))))
        fields.append(("content_date", .string(contentDate(applied: applied))))
        fields.append(("application_date", .string(applied)))
        fields.append(("decision_facts", .string(DSAVocabulary.clipped(facts(decision: decision, rules: ruleFacts.map { ($0.id, $0.facts?.title) }), 5000))))
        fields.append(("source_type", .string(sourceType())))
        let screened = Set(record.node("matches")?.sequenceItems?.compactMap { RecordJSON.field($0, "rule").flatMap(RecordJSON.string) } ?? [])
        fields.append(("automated_detection", .string(detected.contains { screened.contains($0.id) } ? "Yes" : "No")))
        fields.append(("automated_decision", .string(history.automation.rawValue)))
        fields.append(("puid", .string(history.original.entry.recordID)))
        return .success(.object(fields))
    }

    func isRestricting(_ decision: String) -> Bool {
        guard let severity = bundle.severity(decision) else { return false }
        // A ladder without `restrict`: whatever is above the bundle's default restricts.
        let threshold = bundle.severity("restrict") ?? (bundle.severity(bundle.defaultDecision).map { $0 + 1 } ?? Int.max)
        return severity >= threshold
    }

    private func loggedRule(_ id: String) -> SourceNode? {
        record.node("rules")?.sequenceItems?.first { RecordJSON.field($0, "id").flatMap(RecordJSON.string) == id }
    }

    /// The first row of the table that fits; none: a violation of the
    /// provider's terms, which is a contractual category, so a decision on
    /// illegal content gets the one category that claims neither a subject
    /// nor a breach of terms instead (docs/decision-log.md, "Export").
    static func category(tags: Set<String>, bases: [String], illegal: Bool) -> (String, String?) {
        for row in DSAVocabulary.categories where row.tags.isSubset(of: tags) {
            // Court blocking orders carry no subject tag; their basis names the law.
            if row.tags == ["copyright"] { continue }
            return (row.category, row.keyword)
        }
        if tags.contains("copyright") || bases.contains(where: DSAVocabulary.citesCopyright) {
            return ("STATEMENT_CATEGORY_INTELLECTUAL_PROPERTY_INFRINGEMENTS", "KEYWORD_COPYRIGHT_INFRINGEMENT")
        }
        return (illegal ? DSAVocabulary.unspecifiedCategory : DSAVocabulary.otherCategory, nil)
    }

    /// `customer.since` when the case gives it (the database takes no date before 2000-01-01), else the application date.
    private func contentDate(applied: String) -> String {
        guard case .string(let since)? = value("customer.since"), since.count >= 10 else { return applied }
        let date = String(since.prefix(10))
        guard Instant.parse(date) != nil else { return applied }
        return max(date, "2000-01-01")
    }

    /// Who brought the case: a trusted flagger, an Art. 16 notice (an abuse report), another notification (orders, referrals, demands), or no one.
    private func sourceType() -> String {
        guard case .list(let requests)? = value("requests"), !requests.isEmpty else { return "SOURCE_VOLUNTARY" }
        func field(_ request: Value, _ key: String) -> String? {
            guard case .map(let map) = request, case .string(let s)? = map[key] else { return nil }
            return s
        }
        if requests.contains(where: { field($0, "requester_type") == "trusted_flagger" }) { return "SOURCE_TRUSTED_FLAGGER" }
        if requests.contains(where: { field($0, "kind") == "abuse_report" }) { return "SOURCE_ARTICLE_16" }
        return "SOURCE_TYPE_OTHER_NOTIFICATION"
    }

    private func facts(decision: String, rules: [(id: String, title: String?)]) -> String {
        let e = history.original.entry
        var text = "Decision \(decision)"
        if let title = bundle.step(decision)?.title { text += " (\(title))" }
        text += " under bundle \(bundle.id)\(bundle.version.map { " version \($0)" } ?? "")"
        if history.effectiveDecision != e.decision || history.automation == .notAutomated {
            text += "; the engine decided \(e.decision) as of \(e.asOf)"
        } else {
            text += ", decided by the policy engine as of \(e.asOf)"
        }
        if !rules.isEmpty {
            let named = rules.map { rule -> String in
                guard let title = rule.title else { return rule.id }
                return "\(rule.id) (\(title))"
            }
            text += ", by rule " + named.joined(separator: "; ")
        }
        let lists = unique(record.node("matches")?.sequenceItems?.compactMap { RecordJSON.field($0, "list").flatMap(RecordJSON.string) } ?? [])
        if !lists.isEmpty { text += "; designation lists matched: " + lists.joined(separator: ", ") }
        if case .list(let requests)? = value("requests"), !requests.isEmpty {
            let kinds = unique(requests.compactMap { r -> String? in
                guard case .map(let map) = r, case .string(let kind)? = map["kind"] else { return nil }
                return kind
            })
            text += "; requests received: " + kinds.joined(separator: ", ")
        }
        for h in history.human {
            let r = h.record
            let change = r.decisionBefore == r.decisionAfter ? "\(r.decisionAfter) stands" : "\(r.decisionBefore) to \(r.decisionAfter)"
            text += "; \(r.at.prefix(10)): \(r.kind.rawValue)\(r.outcome.map { " \($0.rawValue)" } ?? "") by a human reviewer, \(change)"
        }
        return text + ". Gavel record \(e.recordID)."
    }

    private func value(_ path: String) -> Value? {
        var current = caseData
        for key in path.split(separator: ".") {
            guard case .map(let map)? = current else { return nil }
            current = map[String(key)]
        }
        return current
    }

    private func unique(_ items: [String]) -> [String] {
        var seen = Set<String>()
        return items.filter { seen.insert($0).inserted }
    }
}

extension RecordJSON {
    static func strings(field key: String, of node: SourceNode) -> [String] {
        field(node, key)?.sequenceItems?.compactMap(string) ?? []
    }

    /// The `name` of every obligation the record owes, a rule's or a follow-up's.
    var obligationNames: [String] {
        node("obligations")?.sequenceItems?.compactMap { Self.field($0, "name").flatMap(Self.string) } ?? []
    }
}
