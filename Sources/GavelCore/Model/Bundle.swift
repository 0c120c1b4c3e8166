/// `kind: Bundle` — the bundle's identity, its decision ladder and defaults (SPEC §1.1).
public struct BundleManifest: Sendable {
    public var id: String
    public var title: String?
    public var version: String?
    public var ladder: [LadderStep]
    public var defaultDecision: String
    public var defaultReason: String?
    public var screeningMinScore: Double
    public var lint: LintSettings = LintSettings()
    public var location: SourceLocation?

    public static let standardLadder: [LadderStep] = [
        LadderStep(id: "no_action", title: "Keep providing service"),
        LadderStep(id: "monitor", title: "Keep service, review periodically"),
        LadderStep(id: "escalate", title: "Human review before any action"),
        LadderStep(id: "restrict", title: "Limit features (e.g. interstitial warning)"),
        LadderStep(id: "geo_block", title: "Block access in named jurisdictions"),
        LadderStep(id: "suspend", title: "Stop service pending remedy or appeal"),
        LadderStep(id: "terminate", title: "End all service"),
    ]

    /// What a directory without `bundle.yaml` gets: the SPEC's ladder, `no_action`, 0.92.
    public static func implicit(id: String) -> BundleManifest {
        BundleManifest(
            id: id, title: nil, version: nil, ladder: standardLadder, defaultDecision: "no_action",
            defaultReason: "No rule applies.", screeningMinScore: 0.92, location: nil)
    }
}

public struct LadderStep: Sendable, Hashable {
    public var id: String
    public var title: String?
    public var location: SourceLocation?

    public init(id: String, title: String?, location: SourceLocation? = nil) {
        self.id = id
        self.title = title
        self.location = location
    }
}
