import GavelSyntax

extension Value {
    package var json: JSON {
        switch self {
        case .null: return .null
        case .bool(let b): return .bool(b)
        case .int(let i): return .int(i)
        case .double(let d): return .double(d)
        case .string(let s): return .string(s)
        case .list(let items): return .array(items.map(\.json))
        case .map(let map): return .object(zip(map.keys, map.values).map { ($0, $1.json) })
        }
    }
}
