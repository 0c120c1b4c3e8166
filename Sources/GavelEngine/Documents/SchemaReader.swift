import GavelSyntax

extension DocumentReader {
    mutating func readSchema(_ root: SourceNode) -> CaseSchema? {
        guard let f = fields(root, of: "schema", allowed: ["kind", "fields", "description"], required: ["fields"]),
            let fieldsNode = f["fields"]
        else { return nil }
        guard let entries = fieldsNode.mappingEntries else {
            wrongType("fields", expected: "a mapping of path to type", fieldsNode)
            return nil
        }
        var schema = CaseSchema(fields: [:], fieldLocations: [:], location: root.location)
        for entry in entries {
            guard let type = fieldType(entry.value) else { continue }
            schema.fields[entry.key] = type
            schema.fieldLocations[entry.key] = entry.keyLocation
        }
        return schema
    }

    /// `string`, `[string]`, `{enum: [...]}`, `[{enum: [...]}]`.
    private mutating func fieldType(_ node: SourceNode) -> FieldType? {
        switch node.content {
        case .scalar(let scalar):
            switch scalar.text {
            case "string": return .string
            case "int": return .int
            case "number": return .number
            case "bool": return .bool
            case "date": return .date
            case "object": return .object
            default:
                error(
                    .wrongType, "unknown field type `\(scalar.text)`", at: node.location,
                    help: DidYouMean.help(for: scalar.text, among: ["string", "int", "number", "bool", "date", "object"])
                        ?? "use string, int, number, bool, date, object, {enum: [...]} or [T]")
                return nil
            }
        case .sequence(let items):
            guard items.count == 1, let element = fieldType(items[0]) else {
                error(.wrongType, "a list type is written `[T]` with exactly one element type", at: node.location)
                return nil
            }
            return .list(element)
        case .mapping:
            guard let f = fields(node, of: "enum type", allowed: ["enum"], required: ["enum"]) else { return nil }
            let values = strings(f, "enum")
            if values.isEmpty {
                error(.wrongType, "`enum` needs at least one value", at: node.location)
                return nil
            }
            return .enumeration(values)
        }
    }
}
