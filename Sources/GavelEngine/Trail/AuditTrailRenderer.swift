import GavelSyntax

/// The decision record as a readable audit trail (SPEC §2.1 `--format text`):
/// the decision first, then each rule with its status, basis, reason and
/// condition tree, then matches, obligations and exceptions.
public enum AuditTrailRenderer {
    public static func render(_ d: Decision, bundle: CompiledBundle) -> String {
        var out: [String] = []
        let recordID = DecisionRecord.id(caseDigest: d.caseDigest, bundleDigest: bundle.digest, asOf: d.asOf)
        out.append("DECISION  \(d.decision.uppercased())  \(title(d.decision, bundle).map { "(\($0))" } ?? "")".trimmedRight)
        out.append("  case        \(d.caseID)  \(d.caseDigest)")
        out.append("  as of       \(d.asOf)")
        let version = bundle.manifest.version.map { " \($0)" } ?? ""
        out.append("  bundle      \(bundle.manifest.id)\(version)  \(bundle.digest)")
        out.append("  record      \(recordID)")
        if d.determinedBy.isEmpty {
            out.append("  decided by  bundle default: \(d.defaultReason ?? "no rule applies")")
        } else {
            out.append("  decided by  \(d.determinedBy.joined(separator: ", "))")
        }
        if d.scope.declared, d.decision != bundle.manifest.defaultDecision {
            let places = d.scope.jurisdictions.isEmpty ? "everywhere" : d.scope.jurisdictions.joined(separator: ", ")
            let services = d.scope.services.isEmpty ? "all services" : d.scope.services.joined(separator: ", ")
            out.append("  scope       \(places); \(services)")
        }

        // Grouped so a reader meets the rules that decided first; each group is in rule-id order.
        let deciding = Set(d.determinedBy)
        let groups: [(String, [RuleOutcome])] = [
            ("RULES THAT DECIDED", d.rules.filter { deciding.contains($0.rule.id) }),
            ("OTHER MATCHED RULES (their obligations apply)", d.rules.filter { $0.status == .matched && !deciding.contains($0.rule.id) }),
            ("SUSPENDED RULES", d.rules.filter { $0.status == .suspended }),
            ("RULES IN ERROR", d.rules.filter { $0.status == .error }),
            ("RULES NOT MATCHED", d.rules.filter { $0.status == .notMatched }),
            ("RULES NOT IN FORCE", d.rules.filter { $0.status == .notInForce }),
        ]
        for (title, outcomes) in groups where !outcomes.isEmpty {
            out.append("")
            out.append(title)
            for outcome in outcomes { out += rule(outcome) }
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
                out.append("      \(e.exception.title)  (policy \(e.exception.policyID))")
                if !e.exception.basis.isEmpty { out.append("      basis: \(e.exception.basis.joined(separator: "; "))") }
                if let trace = e.trace { out += lines(trace, indent: 6) }
            }
        }

        out.append("")
        out.append("MATCHES")
        if d.matches.isEmpty { out.append("  none") }
        for m in d.matches {
            out.append(
                "  \(m.rule): \(m.field) `\(m.query)` ~ \(m.list)/\(m.entry) `\(m.name)`  score \(JSON.format(m.score)) (\(m.method.rawValue))")
        }

        out.append("")
        out.append("OBLIGATIONS")
        if d.obligations.isEmpty { out.append("  none") }
        for o in d.obligations { out.append("  \(o.name)  (from \(o.rule))") }

        if !bundle.lists.isEmpty {
            out.append("")
            out.append("LISTS")
            for list in bundle.lists {
                out.append("  \(list.id)  as of \(list.asOf.map(\.description) ?? "unknown")  \(list.digest)")
            }
        }
        return out.joined(separator: "\n") + "\n"
    }

    static func rule(_ outcome: RuleOutcome) -> [String] {
        var out = ["  \(mark(outcome.status)) \(outcome.rule.id)  [\(outcome.status.rawValue.replacingUnderscores)] → \(outcome.rule.decision)"]
        out.append("      \(outcome.rule.title)  (policy \(outcome.rule.policyID))")
        if let by = outcome.suspendedBy { out.append("      suspended by exception \(by)") }
        if !outcome.rule.basis.isEmpty { out.append("      basis: \(outcome.rule.basis.joined(separator: "; "))") }
        if let reason = outcome.reason { out.append("      reason: \(reason)") }
        if outcome.status == .notInForce {
            out.append("      in force: \(window(outcome.rule.effective, outcome.rule.expires))")
        }
        if let trace = outcome.trace, outcome.status != .notInForce {
            out += lines(trace, indent: 6)
        }
        return out
    }

    static func lines(_ t: ConditionTrace, indent: Int) -> [String] {
        let pad = String(repeating: " ", count: indent)
        var text = "\(pad)\(t.result ? "✓" : "✗") \(t.step.word)"
        if let path = t.path { text += " \(path)" }
        if let expected = t.expected { text += " \(expected.compact())" }
        if t.note == .missing {
            text += "  — missing"
        } else if let count = t.quantified {
            text += "  (\(count.matching) of \(count.of) match)"
        } else if let actual = t.actual, t.path != nil, t.step != .element {
            text += "  (seen: \(actual.compact()))"
        }
        if t.note == .typeMismatch { text += "  — type mismatch" }
        return [text] + t.children.flatMap { lines($0, indent: indent + 2) }
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
}
