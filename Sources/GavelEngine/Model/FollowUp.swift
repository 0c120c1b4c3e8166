import GavelSyntax

/// `follow_up:` in bundle.yaml — an obligation owed because of the decision
/// reached, not because of any one rule (SPEC §1.1): a statement of reasons
/// for every restriction of an EEA recipient, say.
package struct FollowUp: Sendable {
    package var id: String
    package var obligation: String
    /// The lowest rung of the ladder at which it is owed.
    package var decisionAtLeast: String
    /// Further conditions on the case; absent, it is owed whenever the decision is high enough.
    package var when: SourceNode?
    package var basis: Basis
    /// In force from `effective` (inclusive) until `expires` (exclusive), like rules:
    /// a follow-up owed under a law is owed only while the law applies.
    package var effective: Instant?
    package var expires: Instant?
    package var location: SourceLocation
    package var decisionLocation: SourceLocation?

    package static let fields = ["id", "obligation", "decision_at_least", "when", "basis", "effective", "expires", "description"]
}
