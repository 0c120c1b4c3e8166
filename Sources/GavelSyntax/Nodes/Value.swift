/// Case data as the evaluator sees it: JSON-like, order-preserving, with the
/// YAML 1.2 core-schema scalar types and no locations (`SourceNode` keeps
/// those). Dates stay strings and are read as dates by the operators that
/// expect them (SPEC §1.6).
package enum Value: Sendable, Hashable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case list([Value])
    case map(ValueMap)

    @inlinable package var typeName: String {
        switch self {
        case .null: return "null"
        case .bool: return "boolean"
        case .int: return "integer"
        case .double: return "number"
        case .string: return "string"
        case .list: return "list"
        case .map: return "mapping"
        }
    }

    @inlinable package var stringValue: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    @inlinable package var numberValue: Double? {
        switch self {
        case .int(let i): return Double(i)
        case .double(let d): return d
        default: return nil
        }
    }
}

/// A mapping of case data that keeps the order it was written in. Case
/// mappings are small, so a linear scan beats hashing every key.
///
/// A class, built once and never changed: the evaluator copies mappings out
/// of `Value` for every list element and path step it visits, and a copy
/// then costs one reference count instead of one per array.
///
/// Its look-ups are `@inlinable`: the evaluator, in another module, runs
/// them for every path step of every case.
package final class ValueMap: Sendable, Hashable {
    package let keys: [String]
    package let values: [Value]

    @inlinable package init(keys: [String], values: [Value]) {
        precondition(keys.count == values.count, "a mapping has one value per key")
        self.keys = keys
        self.values = values
    }

    package convenience init() {
        self.init(keys: [], values: [])
    }

    package convenience init(_ pairs: [(String, Value)]) {
        self.init(keys: pairs.map(\.0), values: pairs.map(\.1))
    }

    @inlinable package subscript(key: String) -> Value? {
        index(of: key).map { values[$0] }
    }

    /// Position of `key` in `keys` and `values`.
    @inlinable package func index(of key: String) -> Int? {
        // Lengths first: comparing two different strings of different
        // lengths otherwise goes through the standard library's slow path.
        let length = key.utf8.count
        for i in keys.indices where keys[i].utf8.count == length && keys[i] == key { return i }
        return nil
    }

    @inlinable package var count: Int { keys.count }

    /// Mappings are equal by content, in order, as the struct they replace was.
    package static func == (lhs: ValueMap, rhs: ValueMap) -> Bool {
        lhs === rhs || (lhs.keys == rhs.keys && lhs.values == rhs.values)
    }

    package func hash(into hasher: inout Hasher) {
        hasher.combine(keys)
        hasher.combine(values)
    }
}
