import GavelSyntax

/// What a case document says, before it is digested into a `CaseRecord`.
package struct CaseContent {
    package var id: String
    package var asOf: Instant?
    package var expect: CaseExpectation?
    package var data: Value
    /// The whole document, reserved keys included.
    package var document: Value
}

extension DocumentReader {
    /// A case document, ready to evaluate and to log.
    package mutating func readCase(_ root: SourceNode) -> CaseRecord? {
        guard let content = readCaseContent(root) else { return nil }
        return CaseRecord(id: content.id, asOf: content.asOf, data: content.data, document: content.document, expect: content.expect, location: root.location)
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
        // The document's values, reserved keys included; case data shares them.
        var documentValues: [Value] = []
        documentValues.reserveCapacity(entries.count)
        var idSeen = false
        var kindSeen = false
        for entry in entries {
            let value = Value(entry.value)
            documentValues.append(value)
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
                values.append(value)
            }
        }
        if !kindSeen {
            error(.missingKind, "case has no `kind: Case`", at: root.location, help: "every document says what it is: add `kind: Case`")
        }
        if !idSeen {
            error(.missingField, "case is missing the required field `id`", at: root.location)
        }
        guard diagnostics.count == before, let id else { return nil }
        return CaseContent(
            id: id, asOf: asOf, expect: expect, data: .map(ValueMap(keys: keys, values: values)),
            document: .map(ValueMap(keys: entries.map(\.key), values: documentValues)))
    }

    private mutating func readExpectation(_ node: SourceNode) -> CaseExpectation? {
        guard let f = fields(node, of: "`expect`", allowed: CaseExpectation.fields) else { return nil }
        var e = CaseExpectation(location: node.location)
        e.decision = nonEmptyString(f, "decision")
        e.decisionLocation = f["decision"]?.location
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
