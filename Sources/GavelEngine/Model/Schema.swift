import GavelSyntax

/// `kind: Schema` — declared case fields and their types (SPEC §1.5). When a
/// bundle has one, every case is checked against it before it is decided.
package struct CaseSchema: Sendable {
    package var fields: [String: FieldType]
    package var fieldLocations: [String: SourceLocation]
    /// Fields declared `required: true` (v1.1): a case must give each one a
    /// value; absent and `null` are both missing.
    package var required: Set<String> = []
    /// Objects named in `open:` (v1.1), whose undeclared sub-fields are case
    /// data the schema does not describe, rather than misspellings.
    package var open: Set<String> = []
    package var location: SourceLocation

    package init(
        fields: [String: FieldType], fieldLocations: [String: SourceLocation] = [:], required: Set<String> = [],
        open: Set<String> = [], location: SourceLocation
    ) {
        self.fields = fields
        self.fieldLocations = fieldLocations
        self.required = required
        self.open = open
        self.location = location
    }

    /// The fields of a Schema document and of a field declared as a mapping.
    package static let documentFields = ["kind", "fields", "open", "description"]
    package static let fieldTypeFields = ["enum", "type", "required"]
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
