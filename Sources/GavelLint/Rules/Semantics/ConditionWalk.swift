import GavelSyntax
import GavelEngine

/// Shared by the schema and semantics rules: every compiled condition of the
/// bundle, for `ConditionWalk` to visit, and a location-free canonical form
/// for comparing conditions.
extension ConditionWalk {
    /// A rule's or an exception's condition.
    struct Item {
        var id: String
        var kind: String
        var condition: CompiledCondition
    }

    /// Every compiled rule and exception condition, in source order.
    static func items(_ context: LintContext) -> [Item] {
        guard let compiled = context.compiled else { return [] }
        let rules = compiled.rules.map { Item(id: $0.id, kind: "rule", condition: $0.condition) }
        let exceptions = compiled.exceptions.map { Item(id: $0.id, kind: "exception", condition: $0.condition) }
        return (rules + exceptions).sorted { $0.condition.location < $1.condition.location }
    }
}

/// The YAML nodes of the bundle's items, for findings that must point at a
/// field the model keeps no location for (a rule's `effective`, say). Files
/// are composed again only when a finding needs them.
struct ItemNodes {
    private var documents: [String: [SourceNode]] = [:]
    private let context: LintContext

    init(_ context: LintContext) { self.context = context }

    /// The mapping written at `location` (a rule, an exception, a policy).
    mutating func mapping(at location: SourceLocation) -> SourceNode? {
        guard let bundle = context.documents else { return nil }
        if documents[location.file] == nil {
            let file = bundle.files.first { bundle.root + "/" + $0.path == location.file }
            documents[location.file] = file.map { YAMLComposer.compose($0.bytes, file: location.file).documents } ?? []
        }
        for document in documents[location.file] ?? [] {
            if let found = Self.find(location, in: document) { return found }
        }
        return nil
    }

    /// Where `key`'s value is written in the mapping at `location`.
    mutating func valueLocation(of key: String, inMappingAt location: SourceLocation) -> SourceLocation? {
        mapping(at: location)?.mappingEntries?.first { $0.key == key }?.value.location
    }

    private static func find(_ location: SourceLocation, in node: SourceNode) -> SourceNode? {
        if node.location == location, node.mappingEntries != nil { return node }
        switch node.content {
        case .scalar: return nil
        case .sequence(let items):
            for item in items { if let found = find(location, in: item) { return found } }
        case .mapping(let entries):
            for entry in entries { if let found = find(location, in: entry.value) { return found } }
        }
        return nil
    }
}
