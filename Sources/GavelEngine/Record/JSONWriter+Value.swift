import GavelSyntax

extension JSONWriter {
    /// Case data written as it was read, without a JSON tree in between.
    package mutating func value(_ value: Value) {
        switch value {
        case .null: null()
        case .bool(let b): bool(b)
        case .int(let i): int(i)
        case .double(let d): double(d)
        case .string(let s): string(s)
        case .list(let items):
            beginArray()
            for item in items { self.value(item) }
            endArray()
        case .map(let map):
            beginObject()
            for index in map.keys.indices {
                key(map.keys[index])
                self.value(map.values[index])
            }
            endObject()
        }
    }
}

extension Value {
    /// One line, no spaces: how the trail shows a value.
    package var compactJSON: String {
        var writer = JSONWriter(capacity: 64)
        writer.value(self)
        return String(decoding: writer.bytes, as: UTF8.self)
    }
}
