import GavelSyntax

extension DocumentReader {
    static let bundleFields = ["kind", "id", "title", "description", "version", "ladder", "default", "screening", "follow_up", "lint"]

    mutating func readBundleManifest(_ root: SourceNode) -> BundleManifest? {
        guard let f = fields(root, of: "bundle", allowed: Self.bundleFields, required: ["id"]) else { return nil }
        var manifest = BundleManifest.implicit(id: nonEmptyString(f, "id") ?? "")
        manifest.title = string(f, "title")
        manifest.version = string(f, "version")
        manifest.location = root.location
        if let ladderNode = f["ladder"] {
            if let steps = ladderSteps(ladderNode) { manifest.ladder = steps }
        }
        manifest.defaultReason = nil
        if let defaultNode = f["default"],
            let d = fields(defaultNode, of: "`default`", allowed: ["decision", "reason"], required: ["decision"])
        {
            if let decision = nonEmptyString(d, "decision") {
                manifest.defaultDecision = decision
                if !manifest.ladder.contains(where: { $0.id == decision }) {
                    error(
                        .unknownDecision, "default decision `\(decision)` is not on the ladder",
                        at: d["decision"]?.location,
                        help: manifest.ladderHelp(for: decision))
                }
            }
            manifest.defaultReason = string(d, "reason")
        } else if f["ladder"] != nil, !manifest.ladder.contains(where: { $0.id == manifest.defaultDecision }) {
            // Without `default:` the bundle would fall back to `no_action`, a decision its own ladder lacks.
            error(
                .unknownDecision, "the ladder has no `\(manifest.defaultDecision)`, the default decision when `default:` is absent",
                at: f["ladder"]?.location,
                help: "add `default: { decision: <the ladder's least severe step> }`, or a `no_action` step to the ladder")
        }
        if let screeningNode = f["screening"],
            let s = fields(screeningNode, of: "`screening`", allowed: ["min_score"])
        {
            if let score = number(s, "min_score") {
                if score > 0, score <= 1 {
                    manifest.screeningMinScore = score
                } else {
                    error(
                        .screenScoreRange, "`min_score` must be in (0, 1], found `\(score)`", at: s["min_score"]?.location,
                        help: "scores are fractions: `min_score: 0.92`; 1.0 is an exact match")
                }
            }
        }
        manifest.lint = f["lint"]
        if let followUpNode = f["follow_up"] { manifest.followUps = followUps(followUpNode) }
        return manifest
    }

    private mutating func followUps(_ node: SourceNode) -> [FollowUp] {
        guard let items = node.sequenceItems else {
            wrongType("follow_up", expected: "a list of follow-ups", node)
            return []
        }
        var result: [FollowUp] = []
        for item in items {
            guard let f = fields(item, of: "follow-up", allowed: FollowUp.fields, required: ["id", "obligation", "decision_at_least"]),
                let id = kebabID(f, of: "follow-up"), let obligation = nonEmptyString(f, "obligation"),
                let decision = nonEmptyString(f, "decision_at_least")
            else { continue }
            result.append(
                FollowUp(
                    id: id, obligation: obligation, decisionAtLeast: decision, when: f["when"], basis: basis(f),
                    effective: date(f, "effective"), expires: date(f, "expires"), location: item.location,
                    decisionLocation: f["decision_at_least"]?.location))
        }
        return result
    }

    private mutating func ladderSteps(_ node: SourceNode) -> [LadderStep]? {
        guard let items = node.sequenceItems, !items.isEmpty else {
            error(.wrongType, "`ladder` must be a non-empty list of steps, found \(node.kindDescription)", at: node.location)
            return nil
        }
        var steps: [LadderStep] = []
        for item in items {
            // `- monitor` is shorthand for `- { id: monitor }`.
            if let scalar = item.scalar, case .string(let id) = scalar.value {
                steps.append(LadderStep(id: id, title: nil, location: item.location))
                continue
            }
            guard let s = fields(item, of: "ladder step", allowed: ["id", "title"], required: ["id"]),
                let id = nonEmptyString(s, "id")
            else { continue }
            if let earlier = steps.first(where: { $0.id == id }) {
                error(
                    .duplicateID, "ladder step `\(id)` appears twice (first at \(earlier.location.map(\.description) ?? "?"))",
                    at: item.location)
            }
            steps.append(LadderStep(id: id, title: string(s, "title"), location: item.location))
        }
        return steps
    }
}
