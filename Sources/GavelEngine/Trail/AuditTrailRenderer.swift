import GavelSyntax

/// The decision record as a readable audit trail (SPEC §2.1 `--format text`).
/// A reader meets, in order: the decision, the rules that decided it with
/// their basis, reason and evidence, the other matched rules, then one line
/// per rule that did not match (their trees with `--trace full`), the
/// exceptions, the matches (strongest evidence first), the obligations (each
/// once, with the rules that owe it) and the lists. Everything taken from a
/// case or a bundle is shown with control characters escaped, so no input
/// can forge a line of the trail.
public enum AuditTrailRenderer {
    public static func render(_ d: Decision, bundle: CompiledBundle) -> String {
        var out: [String] = []
        let recordID = DecisionRecord.id(caseDigest: d.caseDigest, bundleDigest: bundle.digest, asOf: d.asOf)
        out.append("DECISION  \(d.decision.uppercased().shown)  \(title(d.decision, bundle).map { "(\($0.shown))" } ?? "")".trimmedRight)
        out.append("  case        \(d.caseID.shown)  \(d.caseDigest)")
        out.append("  as of       \(d.asOf)  (\(asOfSource(d.asOfSource)))")
        let version = bundle.manifest.version.map { " \($0.shown)" } ?? ""
        out.append("  bundle      \(bundle.manifest.id.shown)\(version)  \(bundle.digest)")
        out.append("  record      \(recordID)  (trace: \(d.traceLevel.rawValue))")
        if d.determinedBy.isEmpty {
            out.append("  decided by  bundle default: \((d.defaultReason ?? "no rule applies").shown)")
        }
        if d.scope.declared, d.decision != bundle.manifest.defaultDecision {
            let places = d.scope.jurisdictions.isEmpty ? "everywhere" : d.scope.jurisdictions.joined(separator: ", ")
            let services = d.scope.services.isEmpty ? "all services" : d.scope.services.joined(separator: ", ")
            out.append("  scope       \(places.shown); \(services.shown)")
        }

        // The rules that decided first, with the evidence that made them; each group in rule-id order.
        let deciding = Set(d.determinedBy)
        let evidence = Dictionary(grouping: d.matches, by: \.rule)
        let full = d.traceLevel == .full
        let detailed: [(String, [RuleOutcome])] = [
            ("RULES THAT DECIDED", d.rules.filter { deciding.contains($0.rule.id) }),
            ("OTHER MATCHED RULES (their obligations apply)", d.rules.filter { $0.status == .matched && !deciding.contains($0.rule.id) }),
            ("SUSPENDED RULES", d.rules.filter { $0.status == .suspended }),
            ("RULES IN ERROR", d.rules.filter { $0.status == .error }),
        ] + (full ? [("RULES NOT MATCHED", d.rules.filter { $0.status == .notMatched })] : [])
        for (heading, outcomes) in detailed where !outcomes.isEmpty {
            out.append("")
            out.append(heading)
            for outcome in outcomes { out += rule(outcome, asOf: d.asOf, evidence: evidence[outcome.rule.id] ?? []) }
        }
        let notMatched = d.rules.filter { $0.status == .notMatched }
        if !full, !notMatched.isEmpty {
            out.append("")
            out.append("RULES NOT MATCHED (--trace full shows why)")
            for outcome in notMatched {
                out.append("  ✗ \(outcome.rule.id)  → \(outcome.rule.decision)  \(outcome.rule.title.shown)")
            }
        }
        let notInForce = d.rules.filter { $0.status == .notInForce }
        if !notInForce.isEmpty {
            out.append("")
            out.append("RULES NOT IN FORCE")
            for outcome in notInForce {
                out.append("  · \(outcome.rule.id)  → \(outcome.rule.decision)  in force \(window(outcome.rule.effective, outcome.rule.expires))")
            }
        }

        if !d.exceptions.isEmpty {
            out.append("")
            out.append("EXCEPTIONS")
            for e in d.exceptions {
                let m = e.status == .applied ? "✓" : e.status == .notInForce ? "·" : "✗"
                var line = "  \(m) \(e.exception.id)  [\(e.status.rawValue.replacingUnderscores)]"
                if e.status == .applied {
                    line += e.suspended.isEmpty ? "  suspended nothing that matched" : "  suspended \(e.suspended.joined(separator: ", "))"
                }
                out.append(line)
                if e.status == .applied || full {
                    out.append("      \(e.exception.title.shown)  (policy \(e.exception.policyID))")
                    let basis = e.exception.basis.texts(on: d.asOf)
                    if !basis.isEmpty { out.append("      basis: \(basis.joined(separator: "; ").shown)") }
                }
                if let trace = e.trace { out += lines(trace, indent: 6) }
            }
        }

        out.append("")
        out.append("MATCHES")
        if d.matches.isEmpty { out.append("  none") }
        for m in d.matches.sorted(by: strongerEvidence) {
            out.append("  \(m.rule): \(match(m))\(m.counted ? "" : "  — not counted")")
            if let corroboration = m.corroboration { out.append("      \(Self.corroboration(corroboration))") }
        }

        if !d.nearMisses.isEmpty { out += nearMisses(d.nearMisses) }

        out.append("")
        out.append("OBLIGATIONS")
        if d.obligations.isEmpty { out.append("  none") }
        var owed: [(name: String, by: [String], basis: [String])] = []
        for o in d.obligations {
            var by = o.owedBy
            var basis: [String] = []
            if case .followUp(let id, let followUpBasis) = o.source {
                by = "follow-up \(id)"
                basis = followUpBasis
            }
            if let i = owed.firstIndex(where: { $0.name == o.name }) {
                owed[i].by.append(by)
                owed[i].basis += basis
            } else {
                owed.append((o.name, [by], basis))
            }
        }
        for o in owed {
            out.append("  \(o.name.shown)  (from \(o.by.joined(separator: ", ")))")
            if !o.basis.isEmpty { out.append("      basis: \(o.basis.joined(separator: "; ").shown)") }
        }

        if !bundle.lists.isEmpty {
            out.append("")
            out.append("LISTS")
            for list in bundle.lists {
                out.append("  \(list.id)  as of \(list.asOf.map(\.description) ?? "unknown")  \(list.digest)")
            }
        }
        return out.joined(separator: "\n") + "\n"
    }

    static func rule(_ outcome: RuleOutcome, asOf: Instant, evidence: [ScreenMatch]) -> [String] {
        let r = outcome.rule
        var out = ["  \(mark(outcome.status)) \(r.id)  [\(outcome.status.rawValue.replacingUnderscores)] → \(r.decision)"]
        out.append("      \(r.title.shown)  (policy \(r.policyID))")
        if let by = outcome.suspendedBy { out.append("      suspended by exception \(by)") }
        let basis = r.basis.texts(on: asOf)
        if !basis.isEmpty { out.append("      basis: \(basis.joined(separator: "; ").shown)") }
        if let reason = outcome.reason { out.append("      reason: \(reason.shown)") }
        if let best = evidence.filter(\.counted).min(by: ScreenMatch.preferred) {
            out.append("      evidence: \(match(best))")
            if let corroboration = best.corroboration { out.append("      \(Self.corroboration(corroboration))") }
        }
        if let trace = outcome.trace { out += lines(trace, indent: 6) }
        return out
    }

    /// `us-sdt/sdt-hamas "HAMAS" (listed 1997-10-08) ← customer.name "Hamas", alias, score 1.0`
    static func match(_ m: ScreenMatch) -> String {
        let listed = ListEntry.listingText(m.listed, source: m.listedSource) ?? "no listing date"
        var how = m.method.rawValue
        if let reading = m.reading { how += " (\(reading.rawValue) reading)" }
        if let suffix = m.matchedSuffix {
            switch m.reading {
            case .linked: how += " (links to \(suffix.shown))"
            case .registered: how += " (the name of \(suffix.shown), registered again)"
            default: how += " (parent domain \(suffix.shown))"
            }
        }
        return "\(m.list)/\(m.entry.shown) `\(m.name.shown)` (\(listed)) ← \(m.field) `\(m.query.shown)`, \(how), score \(JSON.format(m.score))"
    }

    /// `--explain-screening`: per screened name, the entries it came closest to.
    static func nearMisses(_ misses: [NearMiss]) -> [String] {
        var out = ["", "NEAR MISSES (--explain-screening: the best in-force entries below each screen's min_score)"]
        var current: (String, String)?
        for miss in misses {
            if current.map({ $0 != (miss.field, miss.query) }) ?? true {
                out.append("  \(miss.field) `\(miss.query.shown)`")
                current = (miss.field, miss.query)
            }
            let r = miss.row
            let reading = r.reading == .plain ? "" : " (\(r.reading.rawValue) reading)"
            out.append(
                "    \(r.list)/\(r.entry.shown) `\(r.name.shown)`: \(r.method.rawValue)\(reading), score \(JSON.format(r.score))"
                    + " < \(JSON.format(miss.threshold)) (whole \(JSON.format(r.whole)), tokens \(JSON.format(r.sortedTokens))"
                    + (r.capped.map { "; capped: \($0.rawValue)" } ?? "") + ")")
        }
        return out
    }

    /// Exact, identifier and alias hits before fuzzy ones; then higher scores first.
    static func strongerEvidence(_ a: ScreenMatch, _ b: ScreenMatch) -> Bool {
        let fuzzyA = a.method == .fuzzy, fuzzyB = b.method == .fuzzy
        if fuzzyA != fuzzyB { return !fuzzyA }
        if a.score != b.score { return a.score > b.score }
        if a.method.rank != b.method.rank { return a.method.rank < b.method.rank }
        return (a.rule, a.list, a.entry, a.field, a.query) < (b.rule, b.list, b.entry, b.field, b.query)
    }

    static func lines(_ trace: ConditionTrace, indent: Int) -> [String] {
        var out: [String] = []
        if !trace.nodes.isEmpty { lines(trace, node: 0, indent: indent, into: &out) }
        return out
    }

    private static func lines(_ trace: ConditionTrace, node index: Int, indent: Int, into out: inout [String]) {
        let t = trace.nodes[index]
        let pad = String(repeating: " ", count: indent)
        var text = "\(pad)\(t.result ? "✓" : "✗") \(t.step.word)"
        let path = t.path
        if let path { text += " \(path.shown)" }
        if let expected = t.expected { text += " \(expected.compact().shown)" }
        if t.note == .missing {
            text += "  — missing"
        } else if let count = t.quantified {
            text += "  (\(count.matching) of \(count.of) match)"
        } else if let actual = t.actual, path != nil, t.step != .element {
            text += "  (seen: \(actual.compactJSON.shown))"
        }
        if t.note == .typeMismatch { text += "  — type mismatch" }
        out.append(text)
        for child in trace.children(of: index) { lines(trace, node: child, indent: indent + 2, into: &out) }
    }

    static func mark(_ status: RuleStatus) -> String {
        switch status {
        case .matched: return "✓"
        case .notMatched: return "✗"
        case .suspended: return "⊘"
        case .notInForce: return "·"
        case .error: return "!"
        }
    }

    static func asOfSource(_ source: AsOfSource) -> String {
        switch source {
        case .case: return "from the case"
        case .flag: return "from --as-of"
        case .now: return "now: this record id cannot be reproduced"
        }
    }

    static func title(_ decision: String, _ bundle: CompiledBundle) -> String? {
        bundle.manifest.ladder.first { $0.id == decision }?.title
    }

    static func window(_ effective: Instant?, _ expires: Instant?) -> String {
        "from \(effective.map(\.description) ?? "the start") until \(expires.map { "before \($0)" } ?? "further notice")"
    }
}

extension String {
    var replacingUnderscores: String { split(separator: "_").joined(separator: " ") }
    var trimmedRight: String {
        var s = self
        while s.last == " " { s.removeLast() }
        return s
    }

    /// The text with every character that could move the cursor, end a line
    /// or reorder what follows written as `\u{…}`: C0 and C1 controls, DEL,
    /// line and paragraph separators, bidirectional overrides and isolates.
    package var shown: String {
        guard unicodeScalars.contains(where: \.forgesTrail) else { return self }
        var out = ""
        for scalar in unicodeScalars {
            if scalar.forgesTrail {
                out += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

extension Unicode.Scalar {
    var forgesTrail: Bool {
        switch value {
        case 0x00...0x1F, 0x7F...0x9F, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C: return true
        default: return false
        }
    }
}
