/// One YAML node with the place it came from. The whole loaded document is a
/// tree of these; model readers walk it and never see libyaml.
package struct SourceNode: Sendable {
    package var location: SourceLocation
    package var content: Content

    package enum Content: Sendable {
        case scalar(Scalar)
        case sequence([SourceNode])
        /// Mapping order is kept; keys are unique (duplicates are rejected while composing).
        case mapping([MappingEntry])
    }

    package init(location: SourceLocation, content: Content) {
        self.location = location
        self.content = content
    }
}

package struct MappingEntry: Sendable {
    package var key: String
    package var keyLocation: SourceLocation
    package var value: SourceNode

    package init(key: String, keyLocation: SourceLocation, value: SourceNode) {
        self.key = key
        self.keyLocation = keyLocation
        self.value = value
    }
}

/// A scalar as written, plus its YAML 1.2 core-schema value.
package struct Scalar: Sendable, Hashable {
    package enum Style: Sendable, Hashable { case plain, singleQuoted, doubleQuoted, literal, folded }

    package var text: String
    package var style: Style
    /// The value the YAML 1.2 core schema gives it (explicit tags honoured).
    package var value: ScalarValue

    package init(text: String, style: Style, value: ScalarValue) {
        self.text = text
        self.style = style
        self.value = value
    }

    package var isQuoted: Bool { style != .plain }
}

/// Core-schema scalar types. Dates are not a core-schema type: a date is a
/// string read as a date where a field or operator expects one (SPEC §1).
package enum ScalarValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case int(Int)
    case float(Double)
    case string(String)
}

extension SourceNode {
    /// What this node is, in words a policy author knows ("a list", "the string `x`").
    package var kindDescription: String {
        switch content {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .scalar(let scalar):
            switch scalar.value {
            case .null: return "null"
            case .bool(let b): return "the boolean `\(b)`"
            case .int(let i): return "the integer `\(i)`"
            case .float: return "the number `\(scalar.text)`"
            case .string(let s): return "the string `\(s.count > 40 ? String(s.prefix(40)) + "…" : s)`"
            }
        }
    }

    package var scalar: Scalar? {
        if case .scalar(let s) = content { return s }
        return nil
    }

    package var mappingEntries: [MappingEntry]? {
        if case .mapping(let entries) = content { return entries }
        return nil
    }

    package var sequenceItems: [SourceNode]? {
        if case .sequence(let items) = content { return items }
        return nil
    }
}
