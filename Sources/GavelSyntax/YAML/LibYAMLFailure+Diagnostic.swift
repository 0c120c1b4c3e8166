/// libyaml's error text rewritten as a Gavel diagnostic: lowercase, no final
/// period, backticks for quoted characters, and a tab used as indentation
/// called out for what it is.
extension LibYAMLFailure {
    func diagnostic(in source: SourceText, locate: Locator) -> Diagnostic {
        switch kind {
        case .memory:
            return .error(
                .yamlSyntax, "libyaml ran out of memory while reading the file", at: locate(LibYAMLMark(line: 0, column: 0)),
                help: "the file is too large or too complex to read")
        case .reader:
            return readerDiagnostic(in: source, locate: locate)
        case .scanner, .parser, .other:
            var message = Self.readable(problem)
            // libyaml words a tab in a plain scalar's continuation differently; it is the same mistake.
            if problem.hasPrefix("found a tab character") { return .tabIndentation(at: locate(problemMark)) }
            if problem == Self.cannotStartToken, let character = character(at: problemMark, in: source) {
                if character == "\t" { return .tabIndentation(at: locate(problemMark)) }
                let shown = character == "`" ? "a backtick" : "character `\(Diagnostic.shown(String(character)))`"
                return .error(
                    .yamlSyntax, "found \(shown) that cannot start a value or key; expected plain text, a quote, `[`, `{` or `-`",
                    at: locate(problemMark), help: help)
            }
            if let context {
                message += " " + Self.readable(context)
                if contextMark != problemMark {
                    message += " started at \(contextMark.line + 1 + locate.lineOffset):\(contextMark.column + 1)"
                }
            }
            return .error(.yamlSyntax, message, at: locate(problemMark), help: help)
        }
    }

    /// Reader errors carry a byte offset, not a mark.
    private func readerDiagnostic(in source: SourceText, locate: Locator) -> Diagnostic {
        let location = locate(source.mark(ofByte: problemOffset))
        if problem == "control characters are not allowed", problemValue >= 0 {
            return .error(
                .yamlSyntax, "found control character U+\(Self.hex4(problemValue)); expected printable text",
                at: location, help: "remove it, or write it as an escape (`\\x..`) inside a double-quoted string")
        }
        return .error(
            .yamlSyntax, Self.readable(problem), at: location, help: "save the file as UTF-8 text")
    }

    /// libyaml's wording when a token starts with a character YAML reserves;
    /// in practice most often a tab where YAML wants indentation spaces.
    private static let cannotStartToken = "found character that cannot start any token"

    private func character(at mark: LibYAMLMark, in source: SourceText) -> Unicode.Scalar? {
        guard let offset = source.byteOffset(of: mark) else { return nil }
        let rest = UnsafeBufferPointer(rebasing: source.bytes[offset...])
        var iterator = rest.makeIterator()
        var decoder = UTF8()
        if case .scalarValue(let scalar) = decoder.decode(&iterator) { return scalar }
        return nil
    }

    private var help: String {
        let hints: [(String, String)] = [
            ("mapping values are not allowed", "quote the value if it contains `: `, or check this line's indentation"),
            ("did not find expected key", "check indentation: keys of one mapping must start in the same column"),
            ("did not find expected '-' indicator", "check indentation: items of one list must start in the same column"),
            ("did not find expected ',' or", "separate flow items with `,` and close every `[` and `{`"),
            ("could not find expected ':'", "follow each key with `:` and a space, or quote the text"),
            ("found unexpected end of stream", "close the quoted string or bracket that was opened"),
            ("found undefined tag handle", "remove the tag; values are typed by the YAML 1.2 core schema"),
            ("cannot start any token", "quote the value: this character cannot start plain text"),
            // A lone surrogate (`\ud800`), most often in a JSON case: the escape is well formed, its character is not.
            ("invalid Unicode character escape code", "a `\\u` escape must name a character: in JSON a surrogate (D800–DFFF) only as a pair, high then low (`\\uD83D\\uDE00`), never alone; in YAML write the character itself or `\\U0001F600`"),
            ("escape", "in double quotes write a backslash as `\\\\`, or use single quotes"),
            ("hexdecimal number", "in double quotes write a backslash as `\\\\`, or use single quotes"),
        ]
        for (needle, hint) in hints where problem.contains(needle) { return hint }
        return "check the YAML syntax at this position: indentation, quotes and brackets"
    }

    static func readable(_ text: String) -> String {
        // libyaml spells it "hexdecimal".
        var out = String(text.map { $0 == "'" ? "`" : $0 }).replacing("hexdecimal", with: "hexadecimal")
        while out.hasSuffix(".") { out.removeLast() }
        if let first = out.first, first.isUppercase { out = first.lowercased() + out.dropFirst() }
        return out
    }

    private static func hex4(_ value: Int) -> String {
        let digits = Array("0123456789ABCDEF")
        return String((0..<4).reversed().map { digits[(value >> ($0 * 4)) & 0xF] })
    }
}
