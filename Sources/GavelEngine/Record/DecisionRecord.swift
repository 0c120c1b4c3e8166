import GavelSyntax

/// The decision record of SPEC §2.1, written straight into bytes. Keys follow
/// the SPEC's order so the record reads top-down: what was decided, then why.
public enum DecisionRecord {
    public static let engineName = "gavel"
    public static let engineVersion = "0.2.0"

    /// Deterministic id: the same case, bundle and as-of date give the same id.
    public static func id(caseDigest: String, bundleDigest: String, asOf: Instant) -> String {
        id(caseDigest: caseDigest, bundleDigest: bundleDigest, asOfText: asOf.description)
    }

    /// The same, with the as-of date already written out (the record writes it too).
    static func id(caseDigest: String, bundleDigest: String, asOfText: String) -> String {
        "gvl-" + Digest.hexPrefix(ofLines: [caseDigest, bundleDigest, asOfText], hexDigits: 32)
    }

    /// The record as text: one line (`jsonl`) or indented (`json`).
    public static func text(_ d: Decision, bundle: CompiledBundle, pretty: Bool) -> String {
        var writer = JSONWriter(pretty: pretty)
        write(d, bundle: bundle, into: &writer)
        return String(decoding: writer.bytes, as: UTF8.self)
    }

    package static func write(_ d: Decision, bundle: CompiledBundle, into w: inout JSONWriter) {
        let caseDigest = d.caseDigest
        let asOfText = d.asOf.description
        w.beginObject()
        w.field("id")
        w.string(id(caseDigest: caseDigest, bundleDigest: bundle.digest, asOfText: asOfText))
        w.field("case")
        w.beginObject()
        w.field("id")
        w.string(d.caseID)
        w.field("digest")
        w.string(caseDigest)
        w.endObject()
        w.field("bundle")
        w.beginObject()
        w.field("id")
        w.string(bundle.manifest.id)
        w.field("version")
        if let version = bundle.manifest.version { w.string(version) } else { w.null() }
        w.field("digest")
        w.string(bundle.digest)
        w.endObject()
        w.field("lists")
        w.beginArray()
        for list in bundle.lists {
            w.beginObject()
            w.field("id")
            w.string(list.id)
            w.field("as_of")
            if let asOf = list.asOf { w.string(asOf.description) } else { w.null() }
            w.field("digest")
            w.string(list.digest)
            w.endObject()
        }
        w.endArray()
        w.field("engine")
        w.beginObject()
        w.field("name")
        w.string(engineName)
        w.field("version")
        w.string(engineVersion)
        w.endObject()
        w.field("as_of")
        w.string(asOfText)
        w.field("as_of_source")
        w.string(d.asOfSource.rawValue)
        w.field("trace_level")
        w.string(d.traceLevel.rawValue)
        w.field("decision")
        w.string(d.decision)
        w.field("determined_by")
        w.strings(d.determinedBy)
        if let reason = d.defaultReason {
            w.field("default_reason")
            w.string(reason)
        }
        w.field("scope")
        scope(d.scope, into: &w)
        w.field("obligations")
        w.beginArray()
        for obligation in d.obligations {
            w.beginObject()
            w.field("name")
            w.string(obligation.name)
            switch obligation.source {
            case .rule(let id):
                w.field("rule")
                w.string(id)
            case .followUp(let id, let basis):
                w.field("follow_up")
                w.string(id)
                w.field("basis")
                w.strings(basis)
            }
            w.endObject()
        }
        w.endArray()
        // Every rule in full; below `full`, the rules that did not decide by id under their status.
        let full = d.traceLevel == .full
        w.field("rules")
        w.beginArray()
        // Index loops: a rule outcome copied out per rule costs a dozen reference counts.
        for index in d.rules.indices where full || d.rules[index].status.isDecisive { rule(d.rules[index], asOf: d.asOf, into: &w) }
        w.endArray()
        if !full {
            w.field("other_rules")
            w.beginObject()
            for status in [RuleStatus.notMatched, .notInForce] {
                w.key(status.rawValue)
                w.beginArray()
                for index in d.rules.indices where d.rules[index].status == status { w.quoted(d.rules[index].rule.quotedID) }
                w.endArray()
            }
            w.endObject()
        }
        w.field("exceptions")
        w.beginArray()
        for outcome in d.exceptions { exception(outcome, asOf: d.asOf, into: &w) }
        w.endArray()
        w.field("matches")
        w.beginArray()
        for m in d.matches { match(m, into: &w) }
        w.endArray()
        w.endObject()
    }

    static func scope(_ scope: RuleScope, into w: inout JSONWriter) {
        w.beginObject()
        w.field("jurisdictions")
        w.strings(scope.jurisdictions)
        w.field("services")
        w.strings(scope.services)
        w.endObject()
    }

    static func rule(_ o: RuleOutcome, asOf: Instant, into w: inout JSONWriter) {
        w.beginObject()
        w.field("id")
        w.string(o.rule.id)
        w.field("policy")
        w.string(o.rule.policyID)
        w.field("decision")
        w.string(o.rule.decision)
        w.field("status")
        w.string(o.status.rawValue)
        if let by = o.suspendedBy {
            w.field("suspended_by")
            w.string(by)
        }
        w.field("basis")
        w.strings(o.rule.basis.texts(on: asOf))
        if let reason = o.reason {
            w.field("reason")
            w.string(reason)
        }
        if !o.rule.obligations.isEmpty {
            w.field("obligations")
            w.strings(o.rule.obligations)
        }
        if o.rule.scope.declared {
            w.field("scope")
            scope(o.rule.scope, into: &w)
        }
        if let trace = o.trace {
            w.field("trace")
            self.trace(trace, into: &w)
        }
        w.endObject()
    }

    static func exception(_ o: ExceptionOutcome, asOf: Instant, into w: inout JSONWriter) {
        w.beginObject()
        w.field("id")
        w.string(o.exception.id)
        w.field("policy")
        w.string(o.exception.policyID)
        w.field("status")
        w.string(o.status.rawValue)
        w.field("suspends")
        w.strings(o.exception.suspends)
        if o.status == .applied {
            w.field("suspended")
            w.strings(o.suspended)
        }
        w.field("basis")
        w.strings(o.exception.basis.texts(on: asOf))
        if let trace = o.trace {
            w.field("trace")
            self.trace(trace, into: &w)
        }
        w.endObject()
    }

    static func trace(_ t: ConditionTrace, into w: inout JSONWriter) {
        t.nodes.withUnsafeBufferPointer { nodes in
            if !nodes.isEmpty { trace(nodes, at: 0, into: &w) }
        }
    }

    private static func trace(_ nodes: UnsafeBufferPointer<ConditionTrace.Node>, at index: Int, into w: inout JSONWriter) {
        w.beginObject()
        let t = nodes[index]
        TraceMembers.write(t, into: &w)
        if let count = t.quantified {
            w.field("actual")
            w.beginObject()
            w.field("matching")
            w.int(count.matching)
            w.field("of")
            w.int(count.of)
            w.endObject()
        } else if let actual = t.actual {
            w.field("actual")
            w.value(actual)
        }
        w.field("result")
        w.bool(t.result)
        if let note = t.note {
            w.field("note")
            w.string(note.rawValue)
        }
        if t.end > index + 1 {
            w.field("children")
            w.beginArray()
            var child = index + 1
            while child < t.end {
                trace(nodes, at: child, into: &w)
                child = nodes[child].end
            }
            w.endArray()
        }
        w.endObject()
    }

    static func match(_ m: ScreenMatch, into w: inout JSONWriter) {
        w.beginObject()
        w.field("rule")
        w.string(m.rule)
        w.field("list")
        w.string(m.list)
        w.field("entry")
        w.string(m.entry)
        w.field("name")
        w.string(m.name)
        w.field("query")
        w.string(m.query)
        w.field("field")
        w.string(m.field)
        w.field("score")
        w.double(m.score)
        w.field("method")
        w.string(m.method.rawValue)
        if let suffix = m.matchedSuffix {
            w.field("matched_suffix")
            w.string(suffix)
        }
        if let reading = m.reading {
            w.field("reading")
            w.string(reading.rawValue)
        }
        w.field("listed")
        if let listed = m.listed { w.string(listed.description) } else { w.null() }
        if let source = m.listedSource {
            w.field("listed_source")
            w.string(source.rawValue)
        }
        if let corroboration = m.corroboration {
            w.field("counted")
            w.bool(m.counted)
            w.field("corroboration")
            Self.corroboration(corroboration, into: &w)
        }
        w.endObject()
    }
}
