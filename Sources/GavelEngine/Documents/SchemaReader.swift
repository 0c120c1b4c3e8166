import GavelSyntax

extension DocumentReader {
    mutating func readSchema(_ root: SourceNode) -> CaseSchema? {
        guard let f = fields(root, of: "schema", allowed: CaseSchema.documentFields, required: ["fields"]),
            let fieldsNode = f["fields"]
        else { return nil }
        guard let entries = fieldsNode.mappingEntries else {
            wrongType("fields", expected: "a mapping of path to type", fieldsNode)
            return nil
        }
        var schema = CaseSchema(fields: [:], location: root.location)
        for entry in entries {
            guard let (type, required) = fieldType(entry.value, ofField: true) else { continue }
            schema.fields[entry.key] = type
            schema.fieldLocations[entry.key] = entry.keyLocation
            if required { schema.required.insert(entry.key) }
        }
        for (path, location) in stringsWithLocations(f, "open") where openObject(path, at: location, in: schema) {
            schema.open.insert(path)
        }
        return schema
    }

    /// `string`, `[string]`, `{enum: [...]}`, `[{enum: [...]}]`, and for a
    /// field itself (not a list's element) `{enum: [...], required: true}` or
    /// `{type: T, required: true}`: being required belongs to the field, and a
    /// list element cannot be absent on its own.
    private mutating func fieldType(_ node: SourceNode, ofField: Bool) -> (FieldType, required: Bool)? {
        switch node.content {
        case .scalar(let scalar):
            guard let type = Self.scalarTypes[scalar.text] else {
                error(
                    .wrongType, "unknown field type `\(scalar.text)`", at: node.location,
                    help: DidYouMean.help(for: scalar.text, among: Self.scalarTypeNames)
                        ?? "use string, int, number, bool, date, object, {enum: [...]} or [T]")
                return nil
            }
            return (type, false)
        case .sequence(let items):
            guard items.count == 1 else {
                error(.wrongType, "a list type is written `[T]` with exactly one element type", at: node.location)
                return nil
            }
            return fieldType(items[0], ofField: false).map { (.list($0.0), false) }
        case .mapping:
            guard let f = fields(node, of: "field type", allowed: CaseSchema.fieldTypeFields) else { return nil }
            let required = bool(f, "required") ?? false
            if f["required"] != nil, !ofField {
                error(
                    .wrongType, "`required` belongs to a field, not to the element type of a list",
                    at: f["required"]?.location, help: "write `{ type: [...], required: true }` for a required list")
                return nil
            }
            switch (f["enum"], f["type"]) {
            case (let enumNode?, nil):
                let values = strings(f, "enum")
                if values.isEmpty {
                    error(.wrongType, "`enum` needs at least one value", at: enumNode.location)
                    return nil
                }
                return (.enumeration(values), required)
            case (nil, let typeNode?):
                if typeNode.mappingEntries != nil {
                    error(
                        .wrongType, "`type` names a type (`string`, `[string]`), found a mapping", at: typeNode.location,
                        help: "write `{ enum: [...], required: true }` for a required enum")
                    return nil
                }
                return fieldType(typeNode, ofField: false).map { ($0.0, required) }
            case (_?, _?):
                error(.wrongType, "a field type has `enum` or `type`, not both", at: node.location)
                return nil
            case (nil, nil):
                error(
                    .missingField, "field type is missing `type` or `enum`", at: node.location,
                    help: "e.g. `{ type: string, required: true }` or `{ enum: [a, b] }`")
                return nil
            }
        }
    }

    /// `open:` names objects: a field declared `object` or `[object]`, or a
    /// prefix of declared fields (`facts` when `facts.followers` is declared).
    private mutating func openObject(_ path: String, at location: SourceLocation, in schema: CaseSchema) -> Bool {
        switch schema.fields[path] {
        case .object?, .list(.object)?: return true
        case let type?:
            error(
                .wrongType, "`open` names `\(path)`, which is declared as \(type); only an object can be open",
                at: location, help: "open the object that holds the undeclared fields")
            return false
        case nil:
            if schema.fields.keys.contains(where: { $0.hasPrefix(path + ".") }) { return true }
            error(
                .unknownPath, "`open` names `\(path)`, which the schema does not declare as an object", at: location,
                help: DidYouMean.help(for: path, among: SchemaLookup(schema).objects)
                    ?? "declare it first, e.g. `\(path): object`")
            return false
        }
    }

    private static let scalarTypeNames = ["string", "int", "number", "bool", "date", "object"]
    private static let scalarTypes: [String: FieldType] = [
        "string": .string, "int": .int, "number": .number, "bool": .bool, "date": .date, "object": .object,
    ]
}
