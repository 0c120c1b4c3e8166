extension AuditTrailRenderer {
    /// `corroboration: agrees country (PS); disagrees birth_date (case 1990-05-01, entry 1962-01-29); unknown nationality`,
    /// then, under `min_corroboration`, what the match needed. `absent` says
    /// where a detail nobody gave is missing from (`gavel screen`: the `--detail`s).
    package static func corroboration(_ c: Corroboration, absent: String = "not in the case") -> String {
        func values(_ list: [String]) -> String { list.joined(separator: ", ").shown }
        var parts: [String] = []
        for detail in c.agree {
            parts.append(detail.caseValues.isEmpty ? "agrees \(detail.attribute)" : "agrees \(detail.attribute) (\(values(detail.caseValues)))")
        }
        for detail in c.disagree {
            parts.append("disagrees \(detail.attribute) (case \(values(detail.caseValues)), entry \(values(detail.entryValues)))")
        }
        // Unknowns grouped by why, so details nobody gave take one part.
        var unknown: [(why: String?, attributes: [String])] = []
        for detail in c.unknown {
            let why = detail.caseValues.isEmpty ? absent : detail.entryValues.isEmpty ? "not on the entry" : nil
            if let index = unknown.firstIndex(where: { $0.why == why }) {
                unknown[index].attributes.append(detail.attribute)
            } else {
                unknown.append((why, [detail.attribute]))
            }
        }
        for group in unknown {
            parts.append("unknown \(group.attributes.joined(separator: ", "))\(group.why.map { " (\($0))" } ?? "")")
        }
        var text = "corroboration: " + (parts.isEmpty ? "nothing compared" : parts.joined(separator: "; "))
        if let minimum = c.minimum {
            let needed = "needs \(minimum) agreeing and none disagreeing"
            text += c.counts ? " (\(needed): counted)" : " (\(needed): not counted)"
        }
        return text
    }
}
