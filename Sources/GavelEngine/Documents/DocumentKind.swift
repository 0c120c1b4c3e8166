import GavelSyntax

/// The `kind:` every document declares (SPEC §1).
package enum DocumentKind: String, Sendable, CaseIterable {
    case bundle = "Bundle", policy = "Policy", list = "List", `case` = "Case", schema = "Schema"

    /// Reads `kind:` off a document's root, reporting a root that is not a
    /// mapping, a missing kind, or an unknown one.
    static func of(_ root: SourceNode, reader: inout DocumentReader) -> DocumentKind? {
        guard let entries = root.mappingEntries else {
            reader.error(
                .notAMapping, "expected a mapping with `kind:` at the top of the document, found \(root.kindDescription)",
                at: root.location)
            return nil
        }
        guard let entry = entries.first(where: { $0.key == "kind" }) else {
            reader.error(
                .missingKind, "document has no `kind:`", at: root.location,
                help: "add `kind:` with one of \(allCases.map(\.rawValue).joined(separator: ", "))")
            return nil
        }
        guard let text = entry.value.scalar?.text, let kind = DocumentKind(rawValue: text) else {
            let found = entry.value.scalar?.text ?? ""
            reader.error(
                .unknownKind, "unknown kind `\(found)`; expected one of \(allCases.map(\.rawValue).joined(separator: ", "))",
                at: entry.value.location, help: DidYouMean.help(for: found, among: allCases.map(\.rawValue)))
            return nil
        }
        return kind
    }
}
