import GavelSyntax

/// The `kind:` every document declares (SPEC §1).
package enum DocumentKind: String, Sendable, CaseIterable {
    case bundle = "Bundle", policy = "Policy", list = "List", `case` = "Case", schema = "Schema"

    /// What a document's root says it is. The one place `kind:` is read:
    /// loading, case reading and lint all ask here, so `kind: "Policy"` and
    /// `kind: Policy # note` are the same document everywhere.
    package enum Declaration: Sendable, Equatable {
        case kind(DocumentKind, at: SourceLocation)
        case notAMapping
        case missing
        /// `kind:` with a value that is not a kind, and where it is written.
        case unknown(found: String, at: SourceLocation)
    }

    package static func declared(in root: SourceNode) -> Declaration {
        guard let entries = root.mappingEntries else { return .notAMapping }
        guard let entry = entries.first(where: { $0.key == "kind" }) else { return .missing }
        return declared(byValue: entry.value)
    }

    /// What the value of a `kind:` key declares, for a reader already at that key.
    package static func declared(byValue value: SourceNode) -> Declaration {
        if case .scalar(let scalar) = value.content, case .string(let text) = scalar.value {
            // Plain comparisons: every case of a batch passes here, and `init(rawValue:)` costs a string switch.
            for kind in all where kind.rawValue == text { return .kind(kind, at: value.location) }
        }
        return .unknown(found: value.scalar?.text ?? "", at: value.location)
    }

    private static let all = allCases

    /// The kinds that belong in a policy directory.
    package var belongsInBundle: Bool { self != .case }

    /// Reads `kind:` off a document's root, reporting a root that is not a
    /// mapping, a missing kind, or an unknown one.
    static func of(_ root: SourceNode, reader: inout DocumentReader) -> DocumentKind? {
        switch declared(in: root) {
        case .kind(let kind, _):
            return kind
        case .notAMapping:
            reader.error(
                .notAMapping, "expected a mapping with `kind:` at the top of the document, found \(root.kindDescription)",
                at: root.location)
        case .missing:
            reader.error(
                .missingKind, "document has no `kind:`", at: root.location,
                help: "add `kind:` with one of \(allCases.map(\.rawValue).joined(separator: ", "))")
        case .unknown(let found, let location):
            reader.error(
                .unknownKind, "unknown kind `\(found)`; expected one of \(allCases.map(\.rawValue).joined(separator: ", "))",
                at: location, help: DidYouMean.help(for: found, among: allCases.map(\.rawValue)))
        }
        return nil
    }
}
