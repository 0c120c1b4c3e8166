import Testing
@testable import GavelCore

@Suite("JSON Lines input")
struct JSONLinesTests {
    func composeLines(_ text: String, limits: LoadLimits = .default) -> ComposedStream {
        YAMLComposer.composeJSONLines(Array(text.utf8), file: "batch.jsonl", limits: limits)
    }

    @Test("each line is a document located at its own line; blank lines are skipped")
    func linesAreDocuments() throws {
        let stream = composeLines("{\"id\": \"a\"}\n\n{\"id\": \"b\", \"n\": 2}\r\n{\"id\": \"c\"}")
        #expect(stream.error == nil)
        #expect(stream.documents.map { $0["id"]?.scalar?.text } == ["a", "b", "c"])
        #expect(stream.documents[1]["n"]?.at == "3:18")
        #expect(stream.documents[2].at == "4:1")
    }

    @Test("a bad line stops the batch with its own line number, keeping earlier lines")
    func badLine() throws {
        let stream = composeLines("{\"id\": \"a\"}\n{\"id\": \"b\", \"id\": \"c\"}\n{\"id\": \"d\"}\n")
        #expect(stream.documents.count == 1)
        let error = try #require(stream.error)
        #expect(error.rule == "duplicate-key")
        #expect(error.location == SourceLocation(file: "batch.jsonl", line: 2, column: 13))
    }

    @Test("a syntax error inside a line reports the line's position in the file")
    func syntaxErrorLocation() throws {
        let error = try #require(composeLines("{\"a\": 1}\n{\"a\": [1, 2}\n").error)
        #expect(error.rule == "yaml-syntax")
        #expect(error.location?.line == 2)
        #expect(error.message.contains("started at 2:7"))
    }

    @Test("encoding and size are checked for the whole input")
    func wholeInputChecks() {
        #expect(YAMLComposer.composeJSONLines([0x7B, 0x7D, 0x0A, 0xFF], file: "b.jsonl").error?.location?.line == 2)
        #expect(composeLines("{}\n{}\n", limits: smallLimits(maxFileBytes: 4)).error?.rule == "file-too-large")
    }
}
