import Testing

@testable import GavelEngine

/// The shipped bundle's identity exceptions (Policies/README.md, "Review-band
/// rules beside an exact match"): each suspends the review rules only when a
/// designation rule decides. One exception that screened every list at every
/// date suspended them when no rule acted (an exact alias on the EO 12947
/// list after its revocation), and the case went to no action. The exceptions
/// repeat, file by file, what YAML aliases cannot carry across files: these
/// tests keep the copies in step.
@Suite("Shipped bundle: identity exceptions")
struct IdentityExceptionTests {
    static func identityExceptions(_ bundle: CompiledBundle) -> [CompiledException] {
        bundle.exceptions.filter { $0.id.hasPrefix("identity-established-by-") }
    }

    @Test("each identity exception is the condition of rules that act, in force only while they are")
    func conditionIsTheActingRules() throws {
        let bundle = try ShippedBundle.get()
        let exceptions = Self.identityExceptions(bundle)
        #expect(exceptions.count >= 8)
        for exception in exceptions {
            let suspended = bundle.rules.filter { exception.suspends.contains($0.id) }
            // The condition is one rule's, or `any` of several rules' conditions.
            let parts: [CompiledCondition]
            if case .any(let items, _) = exception.condition,
                items.allSatisfy({ item in bundle.rules.contains { $0.condition.canonical == item.canonical } })
            {
                parts = items
            } else {
                parts = [exception.condition]
            }
            for part in parts {
                let rules = bundle.rules.filter { $0.condition.canonical == part.canonical }
                #expect(!rules.isEmpty, "`\(exception.id)`: a condition that is no rule's")
                for rule in rules {
                    #expect(
                        suspended.allSatisfy { rule.severity > $0.severity },
                        "`\(exception.id)`: `\(rule.id)` decides `\(rule.decision)`, no more than a rule it suspends")
                    #expect(
                        rule.covers(exception),
                        "`\(exception.id)` is in force outside `\(rule.id)`'s window")
                }
            }
        }
    }

    @Test("every identity exception suspends exactly the review rules of designation screening")
    func suspendsTheReviewRules() throws {
        let bundle = try ShippedBundle.get()
        let review = Set(bundle.rules.filter { $0.policyID == "designation-screening" }.map(\.id))
        #expect(review.count >= 7)
        for exception in Self.identityExceptions(bundle) {
            #expect(Set(exception.suspends) == review, "`\(exception.id)` suspends \(exception.suspends.sorted())")
        }
    }
}
