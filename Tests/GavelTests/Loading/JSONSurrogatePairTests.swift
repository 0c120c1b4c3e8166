import Testing

@testable import GavelEngine
@testable import GavelSyntax

/// RFC 8259 §7 writes a character above U+FFFF as an escaped surrogate pair,
/// and `json.dumps` does so by default; libyaml refuses every surrogate
/// escape. A JSON case holding one was refused whole (the ninth probe: a
/// serialised `𝐇amas` left its case undecided).
@Suite("JSON surrogate pairs")
struct JSONSurrogatePairTests {
    static let line = #"{"name":"\ud835\udc07amas","emoji":"\uD83D\uDE00 x","after":true,"bad":[1,}"#

    @Test("a .json file and a JSON line read a pair as its character, in either case of hex digits")
    func read() throws {
        let text = #"{"name": "\ud835\udc07amas", "emoji": "\uD83D\uDE00", "plain": "\\ud835\\udc07"}"#
        for node in [
            try #require(CaseLoader.nodes(in: Array(text.utf8), file: "c.json", limits: .default).first).get(),
            try #require(JSONLines.documents(Array(text.utf8), file: "c.jsonl", limits: .default).first).get(),
        ] {
            #expect(node["name"]?.scalar?.text == "𝐇amas")
            #expect(node["emoji"]?.scalar?.text == "😀")
            // An escaped backslash before `u` is text, not an escape.
            #expect(node["plain"]?.scalar?.text == #"\ud835\udc07"#)
        }
    }

    @Test("columns past a pair are the file's own: errors point where the text is")
    func columns() throws {
        let text = Self.line
        let results = JSONLines.documents(Array(text.utf8), file: "c.jsonl", limits: .default)
        guard case .failure(let error)? = results.first else {
            Issue.record("the broken line was accepted")
            return
        }
        let column = Array(text.unicodeScalars).firstIndex(of: "}").map { $0 + 1 }
        #expect(error.location?.line == 1)
        #expect(error.location?.column == column, "\(error)")
        let good = #"{"a":"\ud835\udc07\ud835\udc07","b":"x","c":1}"#
        let node = try #require(JSONLines.documents(Array(good.utf8), file: "c.jsonl", limits: .default).first).get()
        let entries = try #require(node.mappingEntries)
        #expect(entries.map(\.keyLocation.column) == [2, 33, 41])
        #expect(entries[2].value.location.column == 45)
    }

    @Test("a lone or reversed surrogate is still an error, and YAML's double quotes are not rewritten", arguments: [
        (#"{"a":"\ud835"}"#, "c.json"),
        (#"{"a":"\udc07\ud835"}"#, "c.json"),
        (#"{"a":"\ud835x\udc07"}"#, "c.jsonl"),
        ("a: \"\\ud835\\udc07\"\n", "c.yaml"),
    ])
    func refused(_ text: String, _ file: String) {
        let result = file.hasSuffix(".jsonl")
            ? JSONLines.documents(Array(text.utf8), file: file, limits: .default).first
            : CaseLoader.nodes(in: Array(text.utf8), file: file, limits: .default).first
        guard case .failure(let error)? = result else {
            Issue.record("`\(text)` was accepted")
            return
        }
        #expect(error.rule == "yaml-syntax")
        #expect(error.help?.contains("in JSON a surrogate") == true)
    }
}
