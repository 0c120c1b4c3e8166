import GavelSyntax

/// Whether an entry's searchable columns say what its record says. The
/// columns repeat facts of the record so the log can be searched without
/// parsing records (`audit list` filters on them); the hash covers both, but
/// a forger who rewrites the columns and recomputes the chain keeps it valid.
/// So `verify` and `replay` hold every repeated column to the record it
/// repeats (docs/decision-log.md, "Verification").
package enum ColumnCheck {
    /// The first column of `e` that disagrees with its record, as a sentence; nil when all agree.
    package static func problem(_ e: ChainedEntry) -> String? {
        switch e.entry.kind {
        case .decision: return decisionProblem(e.entry)
        case .override, .appeal: return humanProblem(e)
        }
    }

    /// The columns of an override or appeal that repeat facts of the decision
    /// it refers to (`target`), and its record's `refers_to.id` and `case`.
    package static func targetProblem(_ human: LogEntry, target: ChainedEntry) -> String? {
        guard let r = HumanDecisionRecord.decode(human.record) else { return nil }
        let t = target.entry
        return disagreement([
            ("record's refers_to.id", r.refersToRecordID, t.recordID),
            ("record's case", r.caseID, t.caseID),
            ("as_of", human.asOf, t.asOf),
            ("as_of_source", human.asOfSource, t.asOfSource),
            ("strict", human.strict ? "1" : "0", t.strict ? "1" : "0"),
        ], of: "entry \(target.seq), which it refers to")
    }

    private static func decisionProblem(_ e: LogEntry) -> String? {
        guard let facts = RecordFacts(e.record) else { return "its record is not a JSON object gavel can read" }
        return disagreement([
            ("record_id", e.recordID, facts.id),
            ("case_id", e.caseID, facts.caseID),
            ("decision", e.decision, facts.decision),
            ("rules", LogEntry.rulesColumn(e.matchedRules), LogEntry.rulesColumn(facts.matchedRules)),
            ("as_of", e.asOf, facts.asOf),
            ("as_of_source", e.asOfSource, facts.asOfSource),
            ("trace_level", e.traceLevel, facts.traceLevel),
            ("engine_version", e.engineVersion, facts.engineVersion),
        ], of: "its record")
    }

    private static func humanProblem(_ c: ChainedEntry) -> String? {
        let e = c.entry
        guard let r = HumanDecisionRecord.decode(e.record) else { return "its record is not an override or appeal record gavel can read" }
        if let problem = disagreement([
            ("kind", e.kind.rawValue, r.kind.rawValue),
            ("record_id", e.recordID, r.id),
            ("refers_to", e.refersTo.map(String.init) ?? "NULL", String(r.refersToSeq)),
            ("case_id", e.caseID, r.caseID),
            ("decision", e.decision, r.decisionAfter),
            ("logged_at", c.loggedAt, r.at),
            ("rules", LogEntry.rulesColumn(e.matchedRules), ""),
            ("trace_level", e.traceLevel, "none"),
        ], of: "its record")
        {
            return problem
        }
        // The id is a digest of the rest of the record: made again from the fields, it must come out the same.
        let remade = HumanDecisionRecord(
            kind: r.kind, refersToSeq: r.refersToSeq, refersToRecordID: r.refersToRecordID, caseID: r.caseID, outcome: r.outcome,
            decisionBefore: r.decisionBefore, decisionAfter: r.decisionAfter, by: r.by, basis: r.basis, reason: r.reason, at: r.at)
        if remade.id != r.id { return "its record's id \(quoted(r.id)) is not the digest of its content (\(remade.id)): the record was edited" }
        return nil
    }

    private static func disagreement(_ pairs: [(column: String, stored: String, expected: String?)], of source: String) -> String? {
        for pair in pairs where pair.stored != pair.expected {
            let name = pair.column.contains(" ") ? pair.column : "`\(pair.column)` column"
            return "its \(name) is \(quoted(pair.stored)) but \(source) says \(pair.expected.map(quoted) ?? "nothing"): "
                + "a column that repeats the record was changed (the chain hashes may have been recomputed)"
        }
        return nil
    }

    /// As JSON writes it: a forged value may hold control characters, which must not reach a terminal raw.
    private static func quoted(_ text: String) -> String { JSON.string(text).compact() }
}
