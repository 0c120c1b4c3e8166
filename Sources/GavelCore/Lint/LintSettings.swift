/// `lint:` in bundle.yaml: rule levels and the rule options a bundle may set.
///
/// ```yaml
/// lint:
///   rules: { policy-missing-owner: warning, always-holds: off }
///   evidence_obligations: [preserve_evidence, preserve_logs]
/// ```
public struct LintSettings: Sendable {
    public enum Level: String, Sendable, CaseIterable {
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

    public struct RuleLevel: Sendable {
        public var rule: String
        public var level: Level
        public var location: SourceLocation
    }

    public var levels: [RuleLevel] = []
    /// Obligations that count as preserving evidence for `missing-evidence-obligation`.
    public var evidenceObligations: [String] = ["preserve_evidence"]

    public init() {}

    public func level(of rule: String) -> Level? { levels.last { $0.rule == rule }?.level }
}

extension DocumentReader {
    mutating func readLintSettings(_ node: SourceNode) -> LintSettings {
        var settings = LintSettings()
        guard let f = fields(node, of: "`lint`", allowed: ["rules", "evidence_obligations"]) else { return settings }
        if let rules = f["rules"] {
            if let entries = rules.mappingEntries {
                for entry in entries {
                    guard let text = string(entry.value, named: entry.key) else { continue }
                    guard let level = LintSettings.Level(rawValue: text) else {
                        error(
                            "wrong-type", "lint level for `\(entry.key)` must be off, info, warning or error; found `\(text)`",
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
