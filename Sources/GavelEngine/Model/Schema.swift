import GavelSyntax

/// `kind: Schema` — declared case fields and their types (SPEC §1.5).
package struct CaseSchema: Sendable {
    package var fields: [String: FieldType]
    package var fieldLocations: [String: SourceLocation]
    package var location: SourceLocation
}

package indirect enum FieldType: Sendable, Hashable, CustomStringConvertible {
    case string, int, number, bool, date, object
    case enumeration([String])
    case list(FieldType)

    package var description: String {
        switch self {
        case .string: return "string"
        case .int: return "int"
        case .number: return "number"
        case .bool: return "bool"
        case .date: return "date"
        case .object: return "object"
        case .enumeration(let values): return "enum [\(values.joined(separator: ", "))]"
        case .list(let element): return "[\(element)]"
        }
    }

    package var isList: Bool {
        if case .list = self { return true }
        return false
    }
}
