import GavelSyntax

/// `kind: Policy` — a set of rules and exceptions with one owner (SPEC §1.2).
package struct Policy: Sendable {
    package var id: String
    package var title: String?
    package var owner: String?
    package var effective: Instant?
    package var expires: Instant?
    package var rules: [Rule]
    package var exceptions: [PolicyException]
    package var location: SourceLocation
    /// The `id` value, for findings about the policy as a whole.
    package var idLocation: SourceLocation? = nil
}

package struct Rule: Sendable {
    package var id: String
    package var title: String
    package var basis: Basis
    /// Kept as written; the compiler turns it into a validated condition.
    package var when: SourceNode
    package var decision: String
    package var decisionLocation: SourceLocation
    package var obligations: [String]
    package var mandatory: Bool
    package var effective: Instant?
    package var expires: Instant?
    package var tags: [String]
    package var scope: RuleScope
    package var reason: String?
    package var reasonLocation: SourceLocation?
    package var location: SourceLocation
    /// The `basis` and `obligations` values when written, for findings about them.
    package var basisLocation: SourceLocation? = nil
    package var obligationsLocation: SourceLocation? = nil
    /// Each `scope.services` value where it was written, for the schema's check of it.
    package var scopeServiceLocations: [(String, SourceLocation)] = []
}

/// Where and on which services a rule's action applies; empty means everywhere.
package struct RuleScope: Sendable, Hashable {
    package var jurisdictions: [String]
    package var services: [String]
    package var declared: Bool

    package init(jurisdictions: [String] = [], services: [String] = [], declared: Bool = false) {
        self.jurisdictions = jurisdictions
        self.services = services
        self.declared = declared
    }
}

/// An exception suspends named rules when its condition holds (SPEC §2 step 4).
package struct PolicyException: Sendable {
    package var id: String
    package var title: String
    package var suspends: [String]
    package var suspendsLocations: [SourceLocation]
    package var when: SourceNode
    package var basis: Basis
    package var effective: Instant?
    package var expires: Instant?
    package var location: SourceLocation
    /// The `basis` value when written, for findings about it.
    package var basisLocation: SourceLocation? = nil
}
