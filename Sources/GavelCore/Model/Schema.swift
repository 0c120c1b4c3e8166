/// `kind: Schema` — declared case fields and their types (SPEC §1.5).
public struct CaseSchema: Sendable {
    public var fields: [String: FieldType]
    public var fieldLocations: [String: SourceLocation]
    public var location: SourceLocation
}

public indirect enum FieldType: Sendable, Hashable, CustomStringConvertible {
    case string, int, number, bool, date, object
    case enumeration([String])
    case list(FieldType)

    public var description: String {
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

    public var isList: Bool {
        if case .list = self { return true }
        return false
    }
}
