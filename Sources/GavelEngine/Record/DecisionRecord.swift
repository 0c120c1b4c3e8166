import GavelSyntax

/// The decision record of SPEC §2.1 as ordered JSON. Keys follow the SPEC's
/// order so the record reads top-down: what was decided, then why.
public enum DecisionRecord {
    public static let engineName = "gavel"
    public static let engineVersion = "0.1.0"

    /// Deterministic id: the same case, bundle and as-of date give the same id.
    package static func id(caseDigest: String, bundleDigest: String, asOf: Instant) -> String {
        "gvl-" + Digest.hex(Array("\(caseDigest)\n\(bundleDigest)\n\(asOf)".utf8)).prefix(32)
    }

    public static func json(_ d: Decision, bundle: CompiledBundle) -> JSON {
        var record: [(String, JSON)] = [
            ("id", .string(id(caseDigest: d.caseDigest, bundleDigest: bundle.digest, asOf: d.asOf))),
            ("case", .object([("id", .string(d.caseID)), ("digest", .string(d.caseDigest))])),
            ("bundle", .object([
                ("id", .string(bundle.manifest.id)),
                ("version", bundle.manifest.version.map(JSON.string) ?? .null),
                ("digest", .string(bundle.digest)),
            ])),
            ("lists", .array(bundle.lists.map { list in
                .object([
                    ("id", .string(list.id)), ("as_of", list.asOf.map { .string($0.description) } ?? .null),
                    ("digest", .string(list.digest)),
                ])
            })),
            ("engine", .object([("name", .string(engineName)), ("version", .string(engineVersion))])),
            ("as_of", .string(d.asOf.description)),
            ("decision", .string(d.decision)),
            ("determined_by", .strings(d.determinedBy)),
        ]
        if let reason = d.defaultReason { record.append(("default_reason", .string(reason))) }
        record += [
            ("scope", .object([("jurisdictions", .strings(d.scope.jurisdictions)), ("services", .strings(d.scope.services))])),
            ("obligations", .array(d.obligations.map { .object([("name", .string($0.name)), ("rule", .string($0.rule))]) })),
            ("rules", .array(d.rules.map(rule))),
            ("exceptions", .array(d.exceptions.map(exception))),
            ("matches", .array(d.matches.map(match))),
        ]
        return .object(record)
    }

    static func rule(_ o: RuleOutcome) -> JSON {
        var fields: [(String, JSON)] = [
            ("id", .string(o.rule.id)), ("policy", .string(o.rule.policyID)), ("decision", .string(o.rule.decision)),
            ("status", .string(o.status.rawValue)),
        ]
        if let by = o.suspendedBy { fields.append(("suspended_by", .string(by))) }
        fields.append(("basis", .strings(o.rule.basis)))
        if let reason = o.reason { fields.append(("reason", .string(reason))) }
        if !o.rule.obligations.isEmpty { fields.append(("obligations", .strings(o.rule.obligations))) }
        if o.rule.scope.declared {
            fields.append(("scope", .object([
                ("jurisdictions", .strings(o.rule.scope.jurisdictions)), ("services", .strings(o.rule.scope.services)),
            ])))
        }
        if let trace = o.trace { fields.append(("trace", self.trace(trace))) }
        return .object(fields)
    }

    static func exception(_ o: ExceptionOutcome) -> JSON {
        var fields: [(String, JSON)] = [
            ("id", .string(o.exception.id)), ("policy", .string(o.exception.policyID)),
            ("status", .string(o.status.rawValue)), ("suspends", .strings(o.exception.suspends)),
        ]
        if o.status == .applied { fields.append(("suspended", .strings(o.suspended))) }
        fields.append(("basis", .strings(o.exception.basis)))
        if let trace = o.trace { fields.append(("trace", self.trace(trace))) }
        return .object(fields)
    }

    static func trace(_ t: ConditionTrace) -> JSON {
        var fields: [(String, JSON)] = [("op", .string(t.step.word))]
        if let path = t.path { fields.append(("path", .string(path))) }
        if let expected = t.expected { fields.append(("expected", expected)) }
        if let count = t.quantified {
            fields.append(("actual", .object([("matching", .int(count.matching)), ("of", .int(count.of))])))
        } else if let actual = t.actual {
            fields.append(("actual", actual))
        }
        fields.append(("result", .bool(t.result)))
        if let note = t.note { fields.append(("note", .string(note.rawValue))) }
        if !t.children.isEmpty { fields.append(("children", .array(t.children.map(trace)))) }
        return .object(fields)
    }

    static func match(_ m: ScreenMatch) -> JSON {
        .object([
            ("rule", .string(m.rule)), ("list", .string(m.list)), ("entry", .string(m.entry)), ("name", .string(m.name)),
            ("query", .string(m.query)), ("field", .string(m.field)), ("score", .double(m.score)),
            ("method", .string(m.method.rawValue)),
        ])
    }
}
