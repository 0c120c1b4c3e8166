import GavelSyntax

/// What values a declared type can hold, for checking operands against it.
extension FieldType {
    /// The element type of a list, else the type itself.
    package var element: FieldType {
        if case .list(let e) = self { return e }
        return self
    }

    /// Whether an `equals`/`in`/`contains*` operand can ever equal a value of this
    /// (scalar) type. Enum membership is checked separately (`value-not-in-enum`).
    package func admits(_ value: Value) -> Bool {
        switch (self, value) {
        case (_, .null): return true
        case (.string, .string): return true
        case (.int, .int), (.number, .int), (.number, .double): return true
        case (.int, .double(let d)): return d == d.rounded()
        case (.bool, .bool): return true
        case (.date, .string(let s)): return Instant.parse(s) != nil
        case (.enumeration, .string), (.enumeration, .int), (.enumeration, .double): return true
        case (.list(let e), _): return e.admits(value)
        default: return false
        }
    }

    package var isEnumeration: Bool {
        if case .enumeration = self { return true }
        return false
    }
}
