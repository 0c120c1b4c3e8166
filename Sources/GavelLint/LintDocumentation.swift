import GavelSyntax
import GavelEngine

/// A rule's documentation page, from its own description: what `gavel lint
/// --explain` prints and what docs/lint-rules.md is generated from, so the
/// two can never disagree.
package enum LintDocumentation {
    package static func page(_ rule: LintRuleDescription, headingLevel: Int = 1) -> String {
        let h = String(repeating: "#", count: headingLevel)
        var out = "\(h) \(rule.id)\n\n"
        out += "\(rule.summary).\n\n"
        out += "- Category: \(rule.category.rawValue)\n"
        out += "- Default level: \(rule.defaultSeverity.rawValue)\n\n"
        out += "\(h)# Rationale\n\n\(rule.documentation)\n\n"
        out += "\(h)# Avoid\n\n"
        out += rule.triggering.map(example).joined(separator: "\n")
        out += "\n\(h)# Prefer\n\n"
        out += rule.nonTriggering.map(example).joined(separator: "\n")
        out += "\n\(h)# Configuration\n\n"
        out += """
            Change the level, or turn the rule off, for a whole bundle in `bundle.yaml`:

            ```yaml
            lint:
              rules:
                \(rule.id): warning   # off | info | warning | error
            ```

            Silence it for one rule or exception with a marker on the line above the item, with the reason:

            ```yaml
              # gavel:ignore \(rule.id) -- why this rule does not apply here
              - id: …
            ```

            """
        return out
    }

    /// docs/lint-rules.md: every rule, by category.
    package static func catalog(_ rules: [any LintRule.Type] = LintRegistry.all) -> String {
        let descriptions = rules.map { $0.description }
        var out = """
            # Gavel lint rules

            Generated from the rules' own descriptions (`swift test` fails when this file is stale; \
            `GAVEL_RECORD=1 swift test` rewrites it). `gavel lint --explain RULE` prints one page, \
            `gavel lint --list` the table. In the examples, `↓` marks where a finding points.


            """
        out += "| rule | category | level | summary |\n|---|---|---|---|\n"
        for rule in descriptions {
            out += "| [`\(rule.id)`](#\(rule.id)) | \(rule.category.rawValue) | \(rule.defaultSeverity.rawValue) | \(rule.summary) |\n"
        }
        for category in LintCategory.allCases {
            let inCategory = descriptions.filter { $0.category == category }
            guard !inCategory.isEmpty else { continue }
            out += "\n## \(category.rawValue.prefix(1).uppercased() + category.rawValue.dropFirst())\n\n"
            out += inCategory.map { page($0, headingLevel: 3) }.joined(separator: "\n")
        }
        return out
    }

    /// `gavel lint --list`: one line per rule.
    package static func list(_ rules: [any LintRule.Type] = LintRegistry.all, settings: LintSettings = LintSettings()) -> String {
        let descriptions = rules.map { $0.description }
        let width = descriptions.map(\.id.count).max() ?? 0
        return descriptions.map { rule in
            let level = settings.level(of: rule.id)?.rawValue ?? rule.defaultSeverity.rawValue
            let padded = rule.id + String(repeating: " ", count: width - rule.id.count)
            let category = rule.category.rawValue + String(repeating: " ", count: 12 - rule.category.rawValue.count)
            let levelColumn = level + String(repeating: " ", count: 8 - level.count)
            return "\(padded)  \(category)  \(levelColumn)  \(rule.summary)\n"
        }.joined()
    }

    private static func example(_ example: LintExample) -> String {
        let files = example.files.map { ($0.path, $0.text) } + example.byteFiles.map { ($0.path, $0.shown) }
        return files.map { path, text in
            (files.count > 1 || !path.hasPrefix("policies/") ? "`\(path)`:\n\n" : "")
                + "```yaml\n\(text.hasSuffix("\n") ? text : text + "\n")```\n"
        }.joined(separator: "\n")
    }
}
