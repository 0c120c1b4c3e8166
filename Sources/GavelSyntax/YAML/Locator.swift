/// Turns libyaml's 0-based marks into the 1-based `SourceLocation`s users see.
struct Locator {
    let file: String
    /// Added to every line, for input that is a slice of a larger file (JSON Lines).
    var lineOffset = 0

    func callAsFunction(_ mark: LibYAMLMark) -> SourceLocation {
        SourceLocation(file: file, line: mark.line + 1 + lineOffset, column: mark.column + 1)
    }
}
