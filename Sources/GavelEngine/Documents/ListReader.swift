import GavelSyntax

extension DocumentReader {
    static let listFields = [
        "kind", "id", "title", "description", "authority", "source", "as_of", "snapshots", "entries", "entries_from",
    ]
    static let entryFields = [
        "id", "name", "aliases", "type", "listed", "delisted", "identifiers", "programs",
        "weak_aliases", "attributes", "listed_source", "delisted_source",
    ]
    static let snapshotFields = ["date", "digest", "format", "file", "entries"]

    /// Reads a list; `entries_from` is returned for the bundle loader to
    /// resolve, since only it may touch the file system.
    mutating func readList(_ root: SourceNode, digest: String) -> (DesignationList, entriesFrom: (String, SourceLocation)?)? {
        guard let f = fields(root, of: "list", allowed: Self.listFields, required: ["id"]) else { return nil }
        var list = DesignationList(
            id: nonEmptyString(f, "id") ?? "", title: string(f, "title"), authority: string(f, "authority"),
            source: string(f, "source"), asOf: date(f, "as_of"), entries: [], digest: digest, location: root.location,
            idLocation: f["id"]?.location)
        if let entriesNode = f["entries"] {
            if let items = entriesNode.sequenceItems {
                list.entries = items.compactMap { readListEntry($0) }
            } else if entriesNode.scalar?.value != .null {
                wrongType("entries", expected: "a list of entries", entriesNode)
            }
        }
        if let snapshotsNode = f["snapshots"] {
            if let items = snapshotsNode.sequenceItems {
                list.snapshots = items.compactMap { readSnapshot($0) }
            } else if snapshotsNode.scalar?.value != .null {
                wrongType("snapshots", expected: "a list of `{date, digest}` mappings", snapshotsNode)
            }
        }
        var entriesFrom: (String, SourceLocation)?
        if let node = f["entries_from"], let path = string(node, named: "entries_from") {
            entriesFrom = (path, node.location)
        }
        return (list, entriesFrom)
    }

    mutating func readSnapshot(_ node: SourceNode) -> ListSnapshot? {
        guard let f = fields(node, of: "snapshot", allowed: Self.snapshotFields, required: ["date", "digest"]),
            let date = date(f, "date"), let digest = nonEmptyString(f, "digest")
        else { return nil }
        _ = string(f, "format")
        _ = string(f, "file")
        return ListSnapshot(date: date, digest: digest, location: node.location)
    }

    mutating func readListEntry(_ node: SourceNode) -> ListEntry? {
        let label = node.mappingEntries?.first(where: { $0.key == "id" })?.value.scalar?.text
        let what = label.map { "list entry `\($0)`" } ?? "list entry"
        guard let f = fields(node, of: what, allowed: Self.entryFields, required: ["id", "name"]),
            let id = nonEmptyString(f, "id"), let name = nonEmptyString(f, "name")
        else { return nil }
        var type = ListEntry.EntryType.organization
        if let typeNode = f["type"], let text = string(typeNode, named: "type") {
            if let t = ListEntry.EntryType(rawValue: text) {
                type = t
            } else {
                error(
                    .wrongType, "entry `type` must be one of organization, individual, vessel, other; found `\(text)`",
                    at: typeNode.location,
                    help: DidYouMean.help(for: text, among: ListEntry.EntryType.allCases.map(\.rawValue)))
            }
        }
        var identifiers: [(kind: String, values: [String])] = []
        if let idNode = f["identifiers"] {
            if let entries = idNode.mappingEntries {
                for entry in entries {
                    let values = stringsWithLocations(
                        Fields(node: idNode, what: "identifiers", byKey: [entry.key: entry]), entry.key
                    ).map(\.0)
                    identifiers.append((entry.key, values))
                }
            } else if idNode.scalar?.value != .null {
                wrongType("identifiers", expected: "a mapping of identifier kind to a list of values", idNode)
            }
        }
        var attributes: [(key: String, values: [String])] = []
        if let attributesNode = f["attributes"] {
            if let entries = attributesNode.mappingEntries {
                for entry in entries {
                    let values = strings(Fields(node: attributesNode, what: "attributes", byKey: [entry.key: entry]), entry.key)
                    attributes.append((entry.key, values))
                }
            } else if attributesNode.scalar?.value != .null {
                wrongType("attributes", expected: "a mapping of attribute name to a list of strings", attributesNode)
            }
        }
        var listEntry = ListEntry(
            id: id, name: name, aliases: strings(f, "aliases"), type: type, listed: date(f, "listed"),
            delisted: date(f, "delisted"), identifiers: identifiers, programs: strings(f, "programs"),
            location: node.location)
        listEntry.weakAliases = strings(f, "weak_aliases")
        listEntry.attributes = attributes
        listEntry.listedSource = dateSource(f, "listed_source")
        listEntry.delistedSource = dateSource(f, "delisted_source")
        return listEntry
    }

    private mutating func dateSource(_ f: Fields, _ key: String) -> ListEntry.DateSource? {
        guard let node = f[key], let text = string(node, named: key) else { return nil }
        guard let source = ListEntry.DateSource(rawValue: text) else {
            let allowed = ListEntry.DateSource.allCases.map(\.rawValue)
            error(
                .wrongType, "`\(key)` must be one of \(allowed.joined(separator: ", ")); found `\(text)`",
                at: node.location, help: DidYouMean.help(for: text, among: allowed))
            return nil
        }
        return source
    }
}
