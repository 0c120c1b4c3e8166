import GavelSyntax

/// How enum findings name the allowed values: in the message when there are
/// few, in the help when there are many, so the message stays one short line.
package enum EnumValues {
    package static let shownInMessage = 8

    package static func expected(_ values: [String]) -> String {
        values.count <= shownInMessage
            ? "expected one of \(list(values))" : "expected one of the \(values.count) values the schema declares"
    }

    /// Did-you-mean, else the full list when the message did not give it, else `fallback`.
    package static func help(for text: String, among values: [String], fallback: String? = nil) -> String? {
        if let suggestion = DidYouMean.help(for: text, among: values) { return suggestion }
        if values.count > shownInMessage { return "declared values: \(list(values))" + (fallback.map { "; \($0)" } ?? "") }
        return fallback
    }

    package static func list(_ values: [String]) -> String { values.map { "`\($0)`" }.joined(separator: ", ") }
}
