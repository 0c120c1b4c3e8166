/// The words a `when:` condition is written with, as the SPEC spells them
/// (§1.3). The compiler parses these, the record and trail print them and
/// lint quotes them: one spelling each, in one place.
package enum ConditionForm: String, Sendable, CaseIterable, CustomStringConvertible {
    case all, any, not, path, some, every, count, screen

    package var description: String { rawValue }
}

/// Printed as written (`contains_any`), never as the Swift case name.
package enum OperatorName: String, Sendable, CaseIterable, CustomStringConvertible {
    case equals, `in`, contains
    case containsAny = "contains_any"
    case containsAll = "contains_all"
    case exists, gt, gte, lt, lte, glob
    case startsWith = "starts_with"
    case endsWith = "ends_with"
    case within

    package static let words = allCases.map(\.rawValue)

    package var description: String { rawValue }
}

/// What one node of a condition trace is.
package enum TraceStep: Sendable, Hashable {
    case all, any, not, screen
    /// `some`, `every` or `count` over a list.
    case quantifier(ConditionForm)
    /// The list element a quantifier's trail shows (`where` in the record).
    case element
    case predicate(OperatorName)

    /// The word the record and the trail print.
    package var word: String {
        switch self {
        case .all: return ConditionForm.all.rawValue
        case .any: return ConditionForm.any.rawValue
        case .not: return ConditionForm.not.rawValue
        case .screen: return ConditionForm.screen.rawValue
        case .quantifier(let form): return form.rawValue
        case .element: return "where"
        case .predicate(let name): return name.rawValue
        }
    }
}
