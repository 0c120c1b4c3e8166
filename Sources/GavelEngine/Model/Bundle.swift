import GavelSyntax

/// `kind: Bundle` — the bundle's identity, its decision ladder and defaults (SPEC §1.1).
package struct BundleManifest: Sendable {
    package var id: String
    package var title: String?
    package var version: String?
    package var ladder: [LadderStep]
    package var defaultDecision: String
    package var defaultReason: String?
    package var screeningMinScore: Double
    /// Obligations owed because of the decision reached (SPEC §1.1, §2 step 8).
    package var followUps: [FollowUp] = []
    /// The `lint:` mapping as written; lint reads it, evaluation never does.
    package var lint: SourceNode?
    package var location: SourceLocation?

    package static let standardLadder: [LadderStep] = [
        LadderStep(id: "no_action", title: "Keep providing service"),
        LadderStep(id: "monitor", title: "Keep service, review periodically"),
        LadderStep(id: "escalate", title: "Human review before any action"),
        LadderStep(id: "restrict", title: "Limit features (e.g. interstitial warning)"),
        LadderStep(id: "geo_block", title: "Block access in named jurisdictions"),
        LadderStep(id: "suspend", title: "Stop service pending remedy or appeal"),
        LadderStep(id: "terminate", title: "End all service"),
    ]

    /// Help for a decision that is not on the ladder: the closest rung, else the ladder.
    package func ladderHelp(for decision: String) -> String {
        DidYouMean.help(for: decision, among: ladder.map(\.id)) ?? "the ladder is: \(ladder.map(\.id).joined(separator: ", "))"
    }

    /// What a directory without `bundle.yaml` gets: the SPEC's ladder, `no_action`, 0.92.
    package static func implicit(id: String) -> BundleManifest {
        BundleManifest(
            id: id, title: nil, version: nil, ladder: standardLadder, defaultDecision: "no_action",
            defaultReason: "No rule applies.", screeningMinScore: 0.92, location: nil)
    }
}

package struct LadderStep: Sendable, Hashable {
    package var id: String
    package var title: String?
    package var location: SourceLocation?

    package init(id: String, title: String?, location: SourceLocation? = nil) {
        self.id = id
        self.title = title
        self.location = location
    }
}
