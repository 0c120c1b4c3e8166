/// `.jsonl` input: one document per non-empty line, each parsed on its own
/// so that one bad line costs only itself, with locations in whole-file lines.
package enum JSONLines {
    /// A non-blank line: its bytes in the input (line break and a trailing CR
    /// excluded) and its 0-based line number.
    package struct Line: Sendable {
        package var bytes: Range<Int>
        package var number: Int
    }

    package static func documents(_ bytes: [UInt8], file: String, limits: LoadLimits) -> [Result<SourceNode, Diagnostic>] {
        bytes.withUnsafeBufferPointer { buffer in
            lines(buffer).map { line in
                document(UnsafeBufferPointer(rebasing: buffer[line.bytes]), file: file, lineNumber: line.number, limits: limits)
            }
        }
    }

    /// The non-blank lines of `buffer`, in order.
    package static func lines(_ buffer: UnsafeBufferPointer<UInt8>) -> [Line] {
        var lines: [Line] = []
        var lineNumber = 0
        var start = 0
        while start < buffer.count {
            var end = start
            while end < buffer.count, buffer[end] != 10 { end += 1 }
            defer {
                start = end + 1
                lineNumber += 1
            }
            var last = end
            if last > start, buffer[last - 1] == 13 { last -= 1 }
            if buffer[start..<last].allSatisfy({ $0 == 32 || $0 == 9 }) { continue }
            lines.append(Line(bytes: start..<last, number: lineNumber))
        }
        return lines
    }

    /// One non-blank line (`lineNumber` 0-based) as its document. Plain JSON
    /// objects take `JSONFastPath`, which builds the same tree libyaml would;
    /// everything else, and every error, comes from libyaml.
    package static func document(
        _ line: UnsafeBufferPointer<UInt8>, file: String, lineNumber: Int, limits: LoadLimits
    ) -> Result<SourceNode, Diagnostic> {
        if let node = JSONFastPath.document(line, file: file, line: lineNumber + 1, limits: limits) {
            return .success(node)
        }
        return composed(line, file: file, lineNumber: lineNumber, limits: limits)
    }

    /// The line as libyaml and `EventComposer` read it, with no fast path.
    package static func composed(
        _ line: UnsafeBufferPointer<UInt8>, file: String, lineNumber: Int, limits: LoadLimits
    ) -> Result<SourceNode, Diagnostic> {
        let stream = YAMLComposer.compose(Array(line), file: file, lineOffset: lineNumber, limits: limits, json: true)
        if var error = stream.error {
            let text = String(decoding: line, as: UTF8.self)
            // libyaml reports a line that ends too soon at the start of the next one,
            // which is another case's line here: point at the end of this one instead.
            if let location = error.location, location.line > lineNumber + 1 {
                error.location = SourceLocation(file: file, line: lineNumber + 1, column: text.unicodeScalars.count + 1)
            }
            // libyaml reads a complete first value as a whole document and fails only at what follows it
            // ("did not find expected <document start>"): that is two values on one line, not bad syntax.
            if case .success? = stream.outcomes.first, error.code == .yamlSyntax {
                return .failure(secondValue(at: error.location, in: text))
            }
            return .failure(error)
        } else if stream.documents.count == 1, let node = stream.documents.first {
            return .success(node)
        } else {
            return .failure(
                .error(
                    .jsonlLine,
                    stream.documents.isEmpty
                        ? "expected one JSON object on this line, found no document (only a comment or a `---` marker)"
                        : "expected one JSON object on this line, found \(stream.documents.count) documents",
                    at: SourceLocation(file: file, line: lineNumber + 1, column: 1)))
        }
    }

    /// What follows a line's first value, at `location` (a column in Unicode scalars).
    private static func secondValue(at location: SourceLocation?, in text: String) -> Diagnostic {
        let scalars = Array(text.unicodeScalars)
        let index = (location?.column ?? 0) - 1
        let next = scalars.indices.contains(index) ? scalars[index] : nil
        // A stray closing bracket or comma is not a second value; say what it is.
        let found: String
        if let next, "}],".unicodeScalars.contains(next) {
            found = "`\(next)` after the first value"
        } else {
            found = "a second value after the first"
        }
        return .error(
            .jsonlLine, "expected one JSON object per line, found \(found)", at: location,
            help: "put each object on a line of its own, and nothing after it")
    }
}
