/// One element of a list file's record (an `sdnEntry`, a UN `INDIVIDUAL`),
/// built only for the record being read and dropped when it has been mapped.
package struct XMLNode: Sendable {
    package var name: String
    package var attributes: [String: String]
    package var children: [XMLNode] = []
    package var text = ""
    /// Where the element starts, for errors about the record.
    package var line: Int
    package var column: Int

    package func child(_ name: String) -> XMLNode? { children.first { $0.name == name } }
    package func children(_ name: String) -> [XMLNode] { children.filter { $0.name == name } }

    /// The trimmed text of the first child called `name`; "" when there is none.
    package func text(_ name: String) -> String { child(name)?.trimmedText ?? "" }

    package var trimmedText: String { text.trimmingWhitespace() }

    /// A trimmed attribute; "" when absent.
    package func attribute(_ name: String) -> String { (attributes[name] ?? "").trimmingWhitespace() }
}

extension String {
    /// Without leading and trailing whitespace and newlines (no Foundation needed).
    package func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(scalars[first...last])
    }
}
