import GavelSyntax
import GavelEngine

/// `lint:` in bundle.yaml: rule levels and the rule options a bundle may set.
///
/// ```yaml
/// lint:
///   rules: { policy-missing-owner: warning, always-holds: off }
///   evidence_obligations: [preserve_evidence, preserve_logs]
/// ```
package struct LintSettings: Sendable {
    package enum Level: String, Sendable, CaseIterable {
        case off, info, warning, error

        var severity: Diagnostic.Severity? {
            switch self {
            case .off: return nil
            case .info: return .info
            case .warning: return .warning
            case .error: return .error
            }
        }
    }

    package struct RuleLevel: Sendable {
        package var rule: String
        package var level: Level
        package var location: SourceLocation
    }

    package var levels: [RuleLevel] = []
    /// Obligations that count as preserving evidence for `missing-evidence-obligation`.
    package var evidenceObligations: [String] = ["preserve_evidence"]

    package init() {}

    package func level(of rule: String) -> Level? { levels.last { $0.rule == rule }?.level }
}

extension LintSettings {
    /// The settings of a bundle's `lint:` mapping and the problems with it.
    /// Lint reads them itself: evaluation never depends on lint's settings.
    package static func read(_ node: SourceNode?) -> (LintSettings, [Diagnostic]) {
        guard let node else { return (LintSettings(), []) }
        var reader = DocumentReader()
        let settings = reader.readLintSettings(node)
        return (settings, reader.diagnostics)
    }
}

extension DocumentReader {
    fileprivate mutating func readLintSettings(_ node: SourceNode) -> LintSettings {
        var settings = LintSettings()
        guard let f = fields(node, of: "`lint`", allowed: ["rules", "evidence_obligations"]) else { return settings }
        if let rules = f["rules"] {
            if let entries = rules.mappingEntries {
                for entry in entries {
                    guard let text = string(entry.value, named: entry.key) else { continue }
                    guard let level = LintSettings.Level(rawValue: text) else {
                        error(
                            .wrongType, "lint level for `\(entry.key)` must be off, info, warning or error; found `\(text)`",
                            at: entry.value.location,
                            help: DidYouMean.help(for: text, among: LintSettings.Level.allCases.map(\.rawValue)))
                        continue
                    }
                    settings.levels.append(.init(rule: entry.key, level: level, location: entry.keyLocation))
                }
            } else {
                wrongType("rules", expected: "a mapping of rule id to off, info, warning or error", rules)
            }
        }
        if f["evidence_obligations"] != nil { settings.evidenceObligations = strings(f, "evidence_obligations") }
        return settings
    }
}
