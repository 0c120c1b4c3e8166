import GavelSyntax

/// What a case document says, before it is digested into a `CaseRecord`.
package struct CaseContent {
    package var id: String
    package var asOf: Instant?
    package var expect: CaseExpectation?
    package var data: Value
}

extension DocumentReader {
    /// A case document, ready to evaluate and to log.
    package mutating func readCase(_ root: SourceNode) -> CaseRecord? {
        guard let content = readCaseContent(root) else { return nil }
        return CaseRecord(id: content.id, asOf: content.asOf, data: content.data, document: root, expect: content.expect, location: root.location)
    }

    /// A case document: reserved keys read and checked, everything else kept
    /// as data. Batch runs that need only the decision stop here.
    package mutating func readCaseContent(_ root: SourceNode) -> CaseContent? {
        guard let entries = root.mappingEntries else {
            error(.notAMapping, "expected a mapping for a case, found \(root.kindDescription)", at: root.location)
            return nil
        }
        let before = diagnostics.count
        var id: String?
        var asOf: Instant?
        var expect: CaseExpectation?
        var keys: [String] = []
        var values: [Value] = []
        keys.reserveCapacity(entries.count)
        values.reserveCapacity(entries.count)
        var idSeen = false
        var kindSeen = false
        for entry in entries {
            switch entry.key {
            case "kind":
                kindSeen = true
                if case .kind(.case, _) = DocumentKind.declared(byValue: entry.value) {} else {
                    error(.unknownKind, "expected `kind: Case`, found \(entry.value.kindDescription)", at: entry.value.location)
                }
            case "id":
                idSeen = true
                if let s = entry.value.scalar, case .string(let text) = s.value, !text.trimmingSpaces.isEmpty {
                    id = text
                } else if let s = entry.value.scalar, case .int = s.value {
                    id = s.text
                } else {
                    error(.wrongType, "case `id` must be a non-empty string, found \(entry.value.kindDescription)", at: entry.value.location)
                }
            case "as_of": asOf = date(entry.value, named: "as_of")
            case "expect": expect = readExpectation(entry.value)
            case "notes": break
            default:
                keys.append(entry.key)
                values.append(Value(entry.value))
            }
        }
        if !kindSeen {
            error(.missingKind, "case has no `kind: Case`", at: root.location, help: "every document says what it is: add `kind: Case`")
        }
        if !idSeen {
            error(.missingField, "case is missing the required field `id`", at: root.location)
        }
        guard diagnostics.count == before, let id else { return nil }
        return CaseContent(id: id, asOf: asOf, expect: expect, data: .map(ValueMap(keys: keys, values: values)))
    }

    private mutating func readExpectation(_ node: SourceNode) -> CaseExpectation? {
        guard let f = fields(node, of: "`expect`", allowed: CaseExpectation.fields) else { return nil }
        var e = CaseExpectation(location: node.location)
        e.decision = nonEmptyString(f, "decision")
        func list(_ key: String, _ reader: inout DocumentReader) -> [String]? {
            f[key] == nil ? nil : reader.strings(f, key)
        }
        e.determinedBy = list("determined_by", &self)
        e.obligations = list("obligations", &self)
        e.exceptionsApplied = list("exceptions_applied", &self)
        e.matchMethods = list("match_methods", &self)
        e.matched = strings(f, "matched")
        e.notMatched = strings(f, "not_matched")
        e.suspended = strings(f, "suspended")
        e.notInForce = strings(f, "not_in_force")
        for field in ["determined_by", "exceptions_applied", "matched", "not_matched", "suspended", "not_in_force"] {
            guard let items = f[field]?.sequenceItems else { continue }
            for item in items {
                guard let scalar = item.scalar else { continue }
                e.namedIDs.append(.init(field: field, id: scalar.text, location: item.location))
            }
        }
        return e
    }
}

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
