import GavelSyntax

extension PredicateOperator {
    /// The operands of the equality-like operators, in written order: the
    /// values the schema checks compare with a field's declared type.
    package var operands: [Value] {
        switch self {
        case .equals(let v), .contains(let v): return [v]
        case .in(let vs), .containsAny(let vs), .containsAll(let vs): return vs
        default: return []
        }
    }
}
