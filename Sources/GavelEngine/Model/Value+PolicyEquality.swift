import GavelSyntax

extension Value {
    /// Equality as the policy language means it: numbers compare by value
    /// (1 equals 1.0), everything else is type-strict (true is not 1).
    package func policyEquals(_ other: Value) -> Bool {
        // Nested rather than over a tuple, which would copy both values.
        switch self {
        case .string(let a):
            if case .string(let b) = other { return a == b }
            return false
        case .int(let a):
            switch other {
            case .int(let b): return a == b
            case .double(let b): return Double(a) == b
            default: return false
            }
        case .double(let a):
            switch other {
            case .int(let b): return a == Double(b)
            case .double(let b): return a == b
            default: return false
            }
        case .bool(let a):
            if case .bool(let b) = other { return a == b }
            return false
        case .null:
            if case .null = other { return true }
            return false
        // Lists and mappings compare whole; the synthesised equality is in another module, so not for scalars.
        case .list, .map: return self == other
        }
    }
}
