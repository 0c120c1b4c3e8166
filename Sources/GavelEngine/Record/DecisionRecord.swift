import GavelSyntax

/// The decision record of SPEC §2.1, written straight into bytes. Keys follow
/// the SPEC's order so the record reads top-down: what was decided, then why.
public enum DecisionRecord {
    public static let engineName = "gavel"
    public static let engineVersion = "0.2.0"

    /// Deterministic id: the same case, bundle and as-of date give the same id.
    public static func id(caseDigest: String, bundleDigest: String, asOf: Instant) -> String {
        "gvl-" + Digest.hex(Array("\(caseDigest)\n\(bundleDigest)\n\(asOf)".utf8)).prefix(32)
    }

    /// The record as text: one line (`jsonl`) or indented (`json`).
    public static func text(_ d: Decision, bundle: CompiledBundle, pretty: Bool) -> String {
        var writer = JSONWriter(pretty: pretty)
        write(d, bundle: bundle, into: &writer)
        return String(decoding: writer.bytes, as: UTF8.self)
    }

    package static func write(_ d: Decision, bundle: CompiledBundle, into w: inout JSONWriter) {
        w.beginObject()
        w.key("id")
        w.string(id(caseDigest: d.caseDigest, bundleDigest: bundle.digest, asOf: d.asOf))
        w.key("case")
        w.beginObject()
        w.key("id")
        w.string(d.caseID)
        w.key("digest")
        w.string(d.caseDigest)
        w.endObject()
        w.key("bundle")
        w.beginObject()
        w.key("id")
        w.string(bundle.manifest.id)
        w.key("version")
        if let version = bundle.manifest.version { w.string(version) } else { w.null() }
        w.key("digest")
        w.string(bundle.digest)
        w.endObject()
        w.key("lists")
        w.beginArray()
        for list in bundle.lists {
            w.beginObject()
            w.key("id")
            w.string(list.id)
            w.key("as_of")
            if let asOf = list.asOf { w.string(asOf.description) } else { w.null() }
            w.key("digest")
            w.string(list.digest)
            w.endObject()
        }
        w.endArray()
        w.key("engine")
        w.beginObject()
        w.key("name")
        w.string(engineName)
        w.key("version")
        w.string(engineVersion)
        w.endObject()
        w.key("as_of")
        w.string(d.asOf.description)
        w.key("as_of_source")
        w.string(d.asOfSource.rawValue)
        w.key("trace_level")
        w.string(d.traceLevel.rawValue)
        w.key("decision")
        w.string(d.decision)
        w.key("determined_by")
        w.strings(d.determinedBy)
        if let reason = d.defaultReason {
            w.key("default_reason")
            w.string(reason)
        }
        w.key("scope")
        scope(d.scope, into: &w)
        w.key("obligations")
        w.beginArray()
        for obligation in d.obligations {
            w.beginObject()
            w.key("name")
            w.string(obligation.name)
            switch obligation.source {
            case .rule(let id):
                w.key("rule")
                w.string(id)
            case .followUp(let id, let basis):
                w.key("follow_up")
                w.string(id)
                w.key("basis")
                w.strings(basis)
            }
            w.endObject()
        }
        w.endArray()
        // Every rule in full; below `full`, the rules that did not decide by id under their status.
        let full = d.traceLevel == .full
        w.key("rules")
        w.beginArray()
        for outcome in d.rules where full || outcome.status.isDecisive { rule(outcome, into: &w) }
        w.endArray()
        if !full {
            w.key("other_rules")
            w.beginObject()
            for status in [RuleStatus.notMatched, .notInForce] {
                w.key(status.rawValue)
                w.beginArray()
                for outcome in d.rules where outcome.status == status { w.string(outcome.rule.id) }
                w.endArray()
            }
            w.endObject()
        }
        w.key("exceptions")
        w.beginArray()
        for outcome in d.exceptions { exception(outcome, into: &w) }
        w.endArray()
        w.key("matches")
        w.beginArray()
        for m in d.matches { match(m, into: &w) }
        w.endArray()
        w.endObject()
    }

    static func scope(_ scope: RuleScope, into w: inout JSONWriter) {
        w.beginObject()
        w.key("jurisdictions")
        w.strings(scope.jurisdictions)
        w.key("services")
        w.strings(scope.services)
        w.endObject()
    }

    static func rule(_ o: RuleOutcome, into w: inout JSONWriter) {
        w.beginObject()
        w.key("id")
        w.string(o.rule.id)
        w.key("policy")
        w.string(o.rule.policyID)
        w.key("decision")
        w.string(o.rule.decision)
        w.key("status")
        w.string(o.status.rawValue)
        if let by = o.suspendedBy {
            w.key("suspended_by")
            w.string(by)
        }
        w.key("basis")
        w.strings(o.rule.basis)
        if let reason = o.reason {
            w.key("reason")
            w.string(reason)
        }
        if !o.rule.obligations.isEmpty {
            w.key("obligations")
            w.strings(o.rule.obligations)
        }
        if o.rule.scope.declared {
            w.key("scope")
            scope(o.rule.scope, into: &w)
        }
        if let trace = o.trace {
            w.key("trace")
            self.trace(trace, into: &w)
        }
        w.endObject()
    }

    static func exception(_ o: ExceptionOutcome, into w: inout JSONWriter) {
        w.beginObject()
        w.key("id")
        w.string(o.exception.id)
        w.key("policy")
        w.string(o.exception.policyID)
        w.key("status")
        w.string(o.status.rawValue)
        w.key("suspends")
        w.strings(o.exception.suspends)
        if o.status == .applied {
            w.key("suspended")
            w.strings(o.suspended)
        }
        w.key("basis")
        w.strings(o.exception.basis)
        if let trace = o.trace {
            w.key("trace")
            self.trace(trace, into: &w)
        }
        w.endObject()
    }

    static func trace(_ t: ConditionTrace, into w: inout JSONWriter) {
        w.beginObject()
        w.key("op")
        w.string(t.step.word)
        if let path = t.path {
            w.key("path")
            w.string(path)
        }
        if let expected = t.expected {
            w.key("expected")
            w.value(expected)
        }
        if let count = t.quantified {
            w.key("actual")
            w.beginObject()
            w.key("matching")
            w.int(count.matching)
            w.key("of")
            w.int(count.of)
            w.endObject()
        } else if let actual = t.actual {
            w.key("actual")
            w.value(actual)
        }
        w.key("result")
        w.bool(t.result)
        if let note = t.note {
            w.key("note")
            w.string(note.rawValue)
        }
        if !t.children.isEmpty {
            w.key("children")
            w.beginArray()
            for child in t.children { trace(child, into: &w) }
            w.endArray()
        }
        w.endObject()
    }

    static func match(_ m: ScreenMatch, into w: inout JSONWriter) {
        w.beginObject()
        w.key("rule")
        w.string(m.rule)
        w.key("list")
        w.string(m.list)
        w.key("entry")
        w.string(m.entry)
        w.key("name")
        w.string(m.name)
        w.key("query")
        w.string(m.query)
        w.key("field")
        w.string(m.field)
        w.key("score")
        w.double(m.score)
        w.key("method")
        w.string(m.method.rawValue)
        w.key("listed")
        if let listed = m.listed { w.string(listed.description) } else { w.null() }
        w.endObject()
    }
}
