import GavelSyntax

extension DocumentReader {
    static let policyFields = [
        "kind", "id", "title", "description", "owner", "effective", "expires", "rules", "exceptions",
    ]
    static let ruleFields = [
        "id", "title", "description", "basis", "when", "decision", "obligations", "mandatory",
        "effective", "expires", "tags", "scope", "reason",
    ]
    static let exceptionFields = [
        "id", "title", "description", "suspends", "when", "basis", "effective", "expires",
    ]

    mutating func readPolicy(_ root: SourceNode) -> Policy? {
        guard let f = fields(root, of: "policy", allowed: Self.policyFields, required: ["id"]) else { return nil }
        var policy = Policy(
            id: nonEmptyString(f, "id") ?? "", title: string(f, "title"), owner: string(f, "owner"),
            effective: date(f, "effective"), expires: date(f, "expires"), rules: [], exceptions: [],
            location: root.location, idLocation: f["id"]?.location)
        if let rulesNode = f["rules"] {
            if let items = rulesNode.sequenceItems {
                policy.rules = items.compactMap { readRule($0, in: policy) }
            } else if rulesNode.scalar?.value != .null {
                wrongType("rules", expected: "a list of rules", rulesNode)
            }
        }
        if let exceptionsNode = f["exceptions"] {
            if let items = exceptionsNode.sequenceItems {
                policy.exceptions = items.compactMap { readException($0, in: policy) }
            } else if exceptionsNode.scalar?.value != .null {
                wrongType("exceptions", expected: "a list of exceptions", exceptionsNode)
            }
        }
        return policy
    }

    private mutating func readRule(_ node: SourceNode, in policy: Policy) -> Rule? {
        let label = node.mappingEntries?.first(where: { $0.key == "id" })?.value.scalar?.text
        let what = label.map { "rule `\($0)`" } ?? "rule"
        guard
            let f = fields(
                node, of: what, allowed: Self.ruleFields, required: ["id", "title", "when", "decision"]),
            let id = kebabID(f, of: "rule"), let title = nonEmptyString(f, "title"), let when = f["when"],
            let decision = nonEmptyString(f, "decision"), let decisionNode = f["decision"]
        else { return nil }
        var scope = RuleScope()
        var scopeServiceLocations: [(String, SourceLocation)] = []
        if let scopeNode = f["scope"],
            let s = fields(scopeNode, of: "`scope` of \(what)", allowed: ["jurisdictions", "services"])
        {
            // Each read once: reading a field again reported a wrong-typed value twice.
            let jurisdictions = stringsWithLocations(s, "jurisdictions")
            scopeServiceLocations = stringsWithLocations(s, "services")
            scope = RuleScope(jurisdictions: jurisdictions.map(\.0), services: scopeServiceLocations.map(\.0), declared: true)
            for (code, location) in jurisdictions where !code.isJurisdictionCode {
                error(.invalidJurisdiction, "`\(code)` is not an ISO 3166 country code", at: location, help: Self.jurisdictionHelp(code))
            }
        }
        return Rule(
            id: id, title: title, basis: basis(f), when: when, decision: decision,
            decisionLocation: decisionNode.location, obligations: strings(f, "obligations"),
            mandatory: bool(f, "mandatory") ?? false,
            effective: date(f, "effective") ?? policy.effective, expires: f.has("expires") ? date(f, "expires") : policy.expires,
            tags: strings(f, "tags"), scope: scope, reason: string(f, "reason"), reasonLocation: f["reason"]?.location,
            location: node.location, basisLocation: f["basis"]?.location, obligationsLocation: f["obligations"]?.location,
            scopeServiceLocations: scopeServiceLocations)
    }

    /// What a jurisdiction that is no ISO 3166 code was probably meant to be.
    static func jurisdictionHelp(_ code: String) -> String {
        switch code.uppercased() {
        case "UK": return "the United Kingdom's ISO 3166 code is `GB`"
        case "EU": return "the EU is not a country: name its member states (`AT`, `BE`, … `SE`)"
        default:
            return "use an assigned ISO 3166-1 alpha-2 code in capitals (`DE`), or a subdivision of one (`US-CA`); `\(code)` is none"
        }
    }

    private mutating func readException(_ node: SourceNode, in policy: Policy) -> PolicyException? {
        let label = node.mappingEntries?.first(where: { $0.key == "id" })?.value.scalar?.text
        let what = label.map { "exception `\($0)`" } ?? "exception"
        guard
            let f = fields(
                node, of: what, allowed: Self.exceptionFields, required: ["id", "title", "suspends", "when"]),
            let id = kebabID(f, of: "exception"), let title = nonEmptyString(f, "title"), let when = f["when"]
        else { return nil }
        let suspends = stringsWithLocations(f, "suspends")
        // An exception that suspends nothing has no effect: the field is required, and an empty value
        // leaves it as unwritten as an absent one. A value of another type is `wrong-type`'s, said once.
        if let node = f["suspends"], node.sequenceItems?.isEmpty == true || node.scalar?.value == .null {
            let found = node.sequenceItems == nil ? "null" : "an empty list"
            error(
                .missingField, "expected at least one rule id in `suspends` of \(what), found \(found)", at: node.location,
                help: "name the rules it suspends (`suspends: [rule-id, …]`), or delete the exception")
        }
        return PolicyException(
            id: id, title: title, suspends: suspends.map(\.0), suspendsLocations: suspends.map(\.1), when: when,
            basis: basis(f),
            effective: date(f, "effective") ?? policy.effective, expires: f.has("expires") ? date(f, "expires") : policy.expires,
            location: node.location, basisLocation: f["basis"]?.location)
    }
}

extension String {
    /// `DE`, `GB`, or an ISO 3166-2 subdivision such as `US-CA`.
    /// The country part must be an assigned code: `UK`, `EU` or `XX` scope a rule to nowhere, and a
    /// `terminate` scoped so would end nothing.
    var isJurisdictionCode: Bool {
        let parts = split(separator: "-", omittingEmptySubsequences: false)
        guard let country = parts.first, country.count == 2, country.allSatisfy({ $0.isASCII && $0.isUppercase }),
            CountryCodes.codes.contains(String(country))
        else { return false }
        if parts.count == 1 { return true }
        return parts.count == 2 && (1...3).contains(parts[1].count)
            && parts[1].allSatisfy { $0.isASCII && ($0.isUppercase || $0.isNumber) }
    }
}
