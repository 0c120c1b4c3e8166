import GavelSyntax

/// A condition's meaning as text, without locations: `all`/`any` children
/// sorted (their order does not change the truth value), operands in one
/// form. Two conditions with the same canonical text hold for the same cases,
/// which lets the evaluator decide a repeated condition once per case and
/// lets lint compare conditions.
extension CompiledCondition {
    /// The condition without locations; `all`/`any` children sorted, since
    /// their order does not change what the condition means.
    package var canonical: String {
        switch self {
        case .all(let items, _): return "all(" + items.map(\.canonical).sorted().joined(separator: ",") + ")"
        case .any(let items, _): return "any(" + items.map(\.canonical).sorted().joined(separator: ",") + ")"
        case .not(let inner, _): return "not(" + inner.canonical + ")"
        case .predicate(let p): return "pred(\(p.path.text)," + p.op.canonical + ")"
        case .quantifier(let q):
            var kind = q.form.rawValue
            if case .count(let c, let n) = q.kind { kind += "-\(c.rawValue)-\(n)" }
            return "\(kind)(\(q.path.text),\(q.condition.canonical))"
        case .screen(let s):
            let identifiers = s.identifiers.map { "\($0.kind)=" + $0.paths.map(\.text).joined(separator: "|") }.sorted()
            return "screen(" + [
                s.lists.sorted().joined(separator: "|"), s.names.map(\.text).sorted().joined(separator: "|"),
                identifiers.joined(separator: ";"), "\(s.minScore)", s.below.map { "\($0)" } ?? "-",
                s.types.map { $0.map(\.rawValue).sorted().joined(separator: "|") } ?? "-",
            ].joined(separator: ",") + (s.corroboration.map { ",corroborate(" + $0.canonical + ")" } ?? "")
                + (s.minLength.map { ",min_length=\($0)" } ?? "") + (s.maxLength.map { ",max_length=\($0)" } ?? "")
                + (s.spellings.skipLists.isEmpty ? "" : ",skip_names_on=" + s.spellings.skipLists.sorted().joined(separator: "|"))
                + (s.spellings.onlyLists.isEmpty ? "" : ",only_names_on=" + s.spellings.onlyLists.sorted().joined(separator: "|")) + ")"
        }
    }
}

extension PredicateOperator {
    package var canonical: String {
        switch self {
        case .equals(let v), .contains(let v): return "\(name):" + v.canonical
        case .in(let vs), .containsAny(let vs), .containsAll(let vs): return "\(name):" + vs.map(\.canonical).sorted().joined(separator: "|")
        case .exists(let b): return "\(name):\(b)"
        case .compare(_, .number(let n)): return "\(name):n\(n)"
        case .compare(_, .date(let d)): return "\(name):d\(d.secondsSinceEpoch)"
        case .glob(let g): return "\(name):" + g.text.lowercased()
        case .startsWith(let s), .endsWith(let s): return "\(name):" + s.lowercased()
        case .within(let span): return "\(name):\(span.seconds)"
        }
    }
}
