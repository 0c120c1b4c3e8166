import Testing
@testable import GavelCLI
@testable import GavelEngine
@testable import GavelLint
@testable import GavelSyntax

@Suite("JSON Lines input")
struct JSONLinesTests {
    func lines(_ text: String, limits: LoadLimits = .default) -> [Result<SourceNode, Diagnostic>] {
        JSONLines.documents(Array(text.utf8), file: "batch.jsonl", limits: limits)
    }

    @Test("each line is a document located at its own line; blank lines are skipped")
    func linesAreDocuments() throws {
        let documents = try lines("{\"id\": \"a\"}\n\n{\"id\": \"b\", \"n\": 2}\r\n{\"id\": \"c\"}").map { try $0.get() }
        #expect(documents.map { $0["id"]?.scalar?.text } == ["a", "b", "c"])
        #expect(documents[1]["n"]?.at == "3:18")
        #expect(documents[2].at == "4:1")
    }

    @Test("a bad line costs only itself and is located at its own line")
    func badLine() throws {
        let results = lines("{\"id\": \"a\"}\n{\"id\": \"b\", \"id\": \"c\"}\n{\"id\": \"d\"}\n")
        #expect(results.count == 3)
        #expect((try? results[2].get())?["id"]?.scalar?.text == "d")
        guard case .failure(let error) = results[1] else {
            Issue.record("the duplicate key was accepted")
            return
        }
        #expect(error.rule == "duplicate-key")
        #expect(error.location == SourceLocation(file: "batch.jsonl", line: 2, column: 13))
    }

    @Test("a syntax error inside a line reports the line's position in the file")
    func syntaxErrorLocation() throws {
        guard case .failure(let error)? = lines("{\"a\": 1}\n{\"a\": [1, 2}\n").last else {
            Issue.record("the syntax error was accepted")
            return
        }
        #expect(error.rule == "yaml-syntax")
        #expect(error.location?.line == 2)
        #expect(error.message.contains("started at 2:7"))
    }

    @Test("invalid UTF-8 is located on its line")
    func encoding() {
        guard case .failure(let error)? = JSONLines.documents([0x7B, 0x7D, 0x0A, 0xFF], file: "b.jsonl", limits: .default).last else {
            Issue.record("invalid UTF-8 was accepted")
            return
        }
        #expect(error.rule == "invalid-utf8")
        #expect(error.location?.line == 2)
    }

    @Test("a line holding two JSON values is jsonl-line at the second, not a YAML syntax error")
    func twoValuesOnALine() throws {
        let results = lines("{\"id\": \"a\"}\n{\"a\":1} {\"b\":2}\n[1] [2]\n{\"id\": \"d\"}\n")
        #expect(results.count == 4)
        #expect((try? results[3].get())?["id"]?.scalar?.text == "d")
        for (index, column) in [(1, 9), (2, 5)] {
            guard case .failure(let error) = results[index] else {
                Issue.record("line \(index + 1) was accepted")
                continue
            }
            #expect(error.rule == "jsonl-line")
            #expect(error.location == SourceLocation(file: "batch.jsonl", line: index + 1, column: column))
            #expect(error.message == "expected one JSON object per line, found a second value after the first")
        }
    }

    @Test("a line holding no document is refused, not skipped")
    func noDocument() {
        guard case .failure(let error)? = lines("{}\n# only a comment\n").last else {
            Issue.record("a line without a document was accepted")
            return
        }
        #expect(error.rule == "jsonl-line")
        #expect(error.location?.line == 2)
    }
}

@Suite("Composing a slice of a larger file")
struct LineOffsetTests {
    @Test("lineOffset shifts node locations and the positions inside messages")
    func shifted() throws {
        let ok = YAMLComposer.compose(Array("{\"a\": [1]}".utf8), file: "b.jsonl", lineOffset: 41)
        #expect(ok.documents.first?["a"]?[0]?.location == SourceLocation(file: "b.jsonl", line: 42, column: 8))
        let bad = try #require(YAMLComposer.compose(Array("{\"a\": [1}".utf8), file: "b.jsonl", lineOffset: 41).error)
        #expect(bad.location?.line == 42)
        #expect(bad.message.hasSuffix("started at 42:7"))
    }
}
