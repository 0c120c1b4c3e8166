import GavelSyntax

/// How a value reads in a message, for the compiler's schema checks and for
/// lint: the same words wherever a value is named.
extension Value {
    /// Like `SourceNode.kindDescription`: "the string `x`", "the integer `5`".
    package var kindDescription: String {
        switch self {
        case .null: return "null"
        case .bool(let b): return "the boolean `\(b)`"
        case .int(let i): return "the integer `\(i)`"
        case .double(let d): return "the number `\(d)`"
        case .string(let s): return "the string `\(s)`"
        case .list: return "a list"
        case .map: return "a mapping"
        }
    }

    /// Type-tagged, so `5` and `"5"` differ; numbers by value, as `policyEquals` compares them.
    package var canonical: String {
        switch self {
        case .null: return "null"
        case .bool(let b): return "b:\(b)"
        case .int(let i): return "n:\(Double(i))"
        case .double(let d): return "n:\(d)"
        case .string(let s): return "s:" + s.debugDescription
        case .list(let items): return "[" + items.map(\.canonical).joined(separator: ",") + "]"
        case .map(let map): return "{" + zip(map.keys, map.values).map { "\($0.0):\($0.1.canonical)" }.joined(separator: ",") + "}"
        }
    }

    /// How the value reads in a message: the text a policy author wrote.
    package var displayText: String {
        switch self {
        case .null: return "null"
        case .bool(let b): return "\(b)"
        case .int(let i): return "\(i)"
        case .double(let d): return "\(d)"
        // Quoted where YAML would read it as another type, so `"3"` and `3` differ on screen.
        case .string(let s):
            let plain = Int(s) == nil && Double(s) == nil && !["true", "false", "null", "~", ""].contains(s.lowercased())
            return plain ? s : s.debugDescription
        case .list, .map: return canonical
        }
    }
}
