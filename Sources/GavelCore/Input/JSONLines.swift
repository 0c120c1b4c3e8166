/// `.jsonl` input: one document per non-empty line, each parsed on its own
/// so that one bad line costs only itself, with locations in whole-file lines.
enum JSONLines {
    static func documents(_ bytes: [UInt8], file: String, limits: LoadLimits) -> [Result<SourceNode, Diagnostic>] {
        var results: [Result<SourceNode, Diagnostic>] = []
        var lineNumber = 0
        var start = 0
        while start < bytes.count {
            var end = start
            while end < bytes.count, bytes[end] != 10 { end += 1 }
            defer {
                start = end + 1
                lineNumber += 1
            }
            var line = Array(bytes[start..<end])
            if line.last == 13 { line.removeLast() }
            if line.allSatisfy({ $0 == 32 || $0 == 9 }) { continue }
            let stream = YAMLComposer.compose(line, file: file, limits: limits)
            if let error = stream.error {
                results.append(.failure(error.shifted(byLines: lineNumber)))
            } else if stream.documents.count == 1, let node = stream.documents.first {
                results.append(.success(node.shifted(byLines: lineNumber)))
            } else {
                results.append(
                    .failure(
                        .error(
                            "jsonl-line", "expected one JSON object on this line, found \(stream.documents.count) documents",
                            at: SourceLocation(file: file, line: lineNumber + 1, column: 1))))
            }
        }
        return results
    }
}
