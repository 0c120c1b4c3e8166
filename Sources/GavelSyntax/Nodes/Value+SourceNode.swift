extension Value {
    /// Case data from YAML: core-schema scalars; dates stay strings. Index
    /// loops read the tree in place (this runs on every case of a batch).
    package init(_ node: borrowing SourceNode) {
        self.init(node.content)
    }

    /// From a node's content alone: the walk passes each child's content,
    /// since taking `.content` of a node it was handed copied the whole node
    /// (its location's file name included) for every node of every case.
    /// Borrowing, because an initialiser otherwise owns its argument.
    private init(_ content: borrowing SourceNode.Content) {
        switch content {
        case .scalar(let scalar):
            switch scalar.value {
            case .null: self = .null
            case .bool(let b): self = .bool(b)
            case .int(let i): self = .int(i)
            case .float(let d): self = .double(d)
            case .string(let s): self = .string(s)
            }
        case .sequence(let items):
            var list: [Value] = []
            list.reserveCapacity(items.count)
            for i in items.indices { list.append(Value(items[i].content)) }
            self = .list(list)
        case .mapping(let entries):
            var keys: [String] = []
            var values: [Value] = []
            keys.reserveCapacity(entries.count)
            values.reserveCapacity(entries.count)
            for i in entries.indices {
                keys.append(entries[i].key)
                values.append(Value(entries[i].value.content))
            }
            self = .map(ValueMap(keys: keys, values: values))
        }
    }
}
