/// Turns libyaml's 0-based marks into the 1-based `SourceLocation`s users see.
struct Locator {
    let file: String
    /// Added to every line, for input that is a slice of a larger file (JSON Lines).
    var lineOffset = 0
    /// For JSON whose surrogate pairs were rewritten (`JSONSurrogatePairs`): the columns to add back.
    var shifts: ColumnShifts? = nil
    /// Lines of the input before the part being read (after a syntax error, reading resumes in a part).
    var partLine = 0

    func callAsFunction(_ mark: LibYAMLMark) -> SourceLocation {
        let column = shifts?.original(line: mark.line + partLine, column: mark.column) ?? mark.column
        return SourceLocation(file: file, line: mark.line + 1 + lineOffset, column: column + 1)
    }
}
