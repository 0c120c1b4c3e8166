import GavelSyntax

/// A rule's `reason:` with its `{placeholders}` resolved at compile time, so
/// an unknown placeholder is a load error rather than a blank in a record.
package struct ReasonTemplate: Sendable {
    package enum Part: Sendable {
        case text(String)
        case path(CasePath)
        case match(MatchField)
    }

    package enum MatchField: String, Sendable, CaseIterable {
        case name, list, entry, score, query, field, method
    }

    package var source: String
    package var parts: [Part]

    /// `{{` and `}}` stand for literal braces.
    static func parse(
        _ text: String, at location: SourceLocation?, ruleHasScreen: Bool, schema: CaseSchema?,
        diagnostics: inout [Diagnostic]
    ) -> ReasonTemplate {
        var parts: [Part] = []
        var literal = ""
        var index = text.startIndex
        func flush() {
            if !literal.isEmpty { parts.append(.text(literal)) }
            literal = ""
        }
        while index < text.endIndex {
            let ch = text[index]
            let next = text.index(after: index)
            if ch == "{", next < text.endIndex, text[next] == "{" {
                literal.append("{")
                index = text.index(after: next)
                continue
            }
            if ch == "}", next < text.endIndex, text[next] == "}" {
                literal.append("}")
                index = text.index(after: next)
                continue
            }
            guard ch == "{" else {
                literal.append(ch)
                index = next
                continue
            }
            guard let close = text[next...].firstIndex(of: "}") else {
                diagnostics.append(
                    .error(.unknownPlaceholder, "unclosed `{` in reason template", at: location, help: "write `{{` for a literal brace"))
                literal.append(contentsOf: text[index...])
                break
            }
            let name = String(text[next..<close])
            flush()
            if let part = placeholder(name, at: location, ruleHasScreen: ruleHasScreen, schema: schema, diagnostics: &diagnostics) {
                parts.append(part)
            }
            index = text.index(after: close)
        }
        flush()
        return ReasonTemplate(source: text, parts: parts)
    }

    private static func placeholder(
        _ name: String, at location: SourceLocation?, ruleHasScreen: Bool, schema: CaseSchema?,
        diagnostics: inout [Diagnostic]
    ) -> Part? {
        let steps = name.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        if steps.first == "match" {
            guard steps.count == 2, let field = MatchField(rawValue: steps[1]) else {
                diagnostics.append(
                    .error(
                        .unknownPlaceholder, "unknown placeholder `{\(name)}` in reason", at: location,
                        help: DidYouMean.help(for: name, among: MatchField.allCases.map { "match.\($0.rawValue)" })
                            ?? "match fields: \(MatchField.allCases.map(\.rawValue).joined(separator: ", "))"))
                return nil
            }
            if !ruleHasScreen {
                diagnostics.append(
                    .error(
                        .unknownPlaceholder, "placeholder `{\(name)}` needs a `screen` in the rule's condition",
                        at: location))
                return nil
            }
            return .match(field)
        }
        guard !steps.isEmpty, !steps.contains(where: { $0.isEmpty || $0.contains(" ") }),
            let first = steps.first, !CaseRecord.reservedKeys.contains(first)
        else {
            diagnostics.append(
                .error(
                    .unknownPlaceholder, "placeholder `{\(name)}` is not a case path or a `match.` field", at: location,
                    help: "write `{customer.name}` or `{match.name}`; `{{` for a literal brace"))
            return nil
        }
        if let schema, schema.fields[name] == nil, !schema.fields.keys.contains(where: { $0.hasPrefix(name + ".") }) {
            diagnostics.append(
                .error(
                    .unknownPlaceholder, "placeholder `{\(name)}` is not a field of the schema", at: location,
                    help: DidYouMean.help(for: name, among: schema.fields.keys)))
            return nil
        }
        return .path(CasePath(text: name, steps: steps, fromRoot: false))
    }
}
