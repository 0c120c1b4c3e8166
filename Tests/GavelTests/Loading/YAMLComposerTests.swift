import Testing
@testable import GavelCLI
@testable import GavelEngine
@testable import GavelLint
@testable import GavelSyntax

@Suite("YAML composer: structure and locations")
struct YAMLComposerTests {
    @Test("block style keys and values carry 1-based line and column")
    func blockLocations() throws {
        let root = try #require(document("kind: Policy\nrules:\n  - id: a\n    when:\n      path: site.domain\n"))
        let entries = try #require(root.mappingEntries)
        #expect(entries.map(\.key) == ["kind", "rules"])
        #expect(entries.map { "\($0.keyLocation.line):\($0.keyLocation.column)" } == ["1:1", "2:1"])
        #expect(root["kind"]?.at == "1:7")
        #expect(root["rules"]?.at == "3:3")
        let rule = try #require(root["rules"]?[0])
        #expect(rule.at == "3:5")
        #expect(rule["when"]?["path"]?.at == "5:13")
        #expect(rule["when"]?.mappingEntries?.first?.keyLocation == SourceLocation(file: "test.yaml", line: 5, column: 7))
    }

    @Test("flow style keys and values carry their own columns")
    func flowLocations() throws {
        let root = try #require(document("a: 1\nwhen: { path: site.categories, contains_any: [x, \"y\"] }\n"))
        let when = try #require(root["when"])
        #expect(when.at == "2:7")
        let keys = try #require(when.mappingEntries).map { "\($0.key)@\($0.keyLocation.line):\($0.keyLocation.column)" }
        #expect(keys == ["path@2:9", "contains_any@2:32"])
        #expect(when["path"]?.at == "2:15")
        #expect(when["contains_any"]?[1]?.at == "2:50")
        #expect(when["contains_any"]?[1]?.scalar?.style == .doubleQuoted)
    }

    @Test("columns count Unicode scalars, not bytes, and a UTF-8 BOM is not a column")
    func unicodeColumns() throws {
        let root = try #require(document("\u{FEFF}name: \"Zürich — Genève\"\nnote: 🙂 x\nafter: é\n"))
        #expect(root.mappingEntries?.first?.keyLocation.column == 1)
        #expect(root["name"]?.at == "1:7")
        #expect(root["after"]?.at == "3:8")
        #expect(root["note"]?.scalar?.text == "🙂 x")
    }

    @Test("mapping order is kept")
    func mappingOrder() throws {
        let keys = try #require(document("z: 1\na: 2\nm: 3\nb: 4\n")?.mappingEntries).map(\.key)
        #expect(keys == ["z", "a", "m", "b"])
    }

    @Test("an empty file, or one with only comments, has no documents")
    func emptyStream() {
        for text in ["", "# just a comment\n", "\n\n"] {
            let stream = compose(text)
            #expect(stream.documents.isEmpty)
            #expect(stream.error == nil)
        }
    }

    @Test("each --- starts a new document; anchors do not cross documents")
    func multipleDocuments() throws {
        let stream = compose("kind: Policy\n---\nkind: List\n...\n---\n- 1\n- 2\n")
        #expect(stream.error == nil)
        #expect(stream.documents.count == 3)
        #expect(stream.documents[1]["kind"]?.scalar?.text == "List")
        #expect(stream.documents[2].at == "6:1")
    }

    @Test("a syntax error in document 3 costs document 3 alone: 1 and 2 are kept, 4 is read from its `---`")
    func errorKeepsEarlierDocuments() throws {
        let stream = compose("kind: Policy\n---\nkind: List\n---\nkind: Case\n  bad: indent\n---\nkind: Bundle\n")
        #expect(stream.documents.count == 3)
        #expect(stream.documents.map { $0["kind"]?.scalar?.text } == ["Policy", "List", "Bundle"])
        #expect(stream.documents.last?["kind"]?.at == "8:7")
        let error = try #require(stream.error)
        #expect(error.rule == "yaml-syntax")
        #expect(error.location == SourceLocation(file: "test.yaml", line: 6, column: 6))
    }

    @Test("JSON input is read as YAML flow")
    func jsonInput() throws {
        let json = #"{"kind": "Case", "customer": {"name": "Acme", "score": 0.92, "tags": [1, true, null, "x"]}}"#
        let root = try #require(document(json))
        #expect(root["kind"]?.scalar?.value == .string("Case"))
        let tags = try #require(root["customer"]?["tags"]?.sequenceItems).map { $0.scalar?.value }
        #expect(tags == [.int(1), .bool(true), .null, .string("x")])
        #expect(root["customer"]?["score"]?.scalar?.value == .float(0.92))
        #expect(root["customer"]?["name"]?.at == "1:39")
    }

    @Test("an alias shares the anchored node and is located where it is used")
    func aliases() throws {
        let root = try #require(document("base: &b {decision: monitor}\nuse: *b\n"))
        #expect(root["use"]?["decision"]?.scalar?.text == "monitor")
        #expect(root["use"]?.at == "2:6")
        #expect(root["use"]?["decision"]?.at == "1:21")
    }

    @Test("a key quoted or not is the same key, and a quoted << is an ordinary key")
    func keyTexts() throws {
        let root = try #require(document("\"<<\": 1\n'null': 2\n~: 3\n"))
        #expect(root.mappingEntries?.map(\.key) == ["<<", "null", "~"])
    }

    @Test("an empty value is null at the place its key ends")
    func emptyValue() throws {
        let root = try #require(document("a:\nb: 1\n"))
        #expect(root["a"]?.scalar?.value == .null)
    }

    @Test("CRLF line ends count as one line break")
    func crlf() throws {
        let root = try #require(document("a: 1\r\nb: 2\r\n"))
        #expect(root["b"]?.at == "2:4")
    }

    @Test("a duplicate in a large mapping is found through the key index, at its second place")
    func duplicateInLargeMapping() throws {
        let keys = (0..<40).map { "k\($0): \($0)" }.joined(separator: "\n")
        #expect(compose(keys + "\n").error == nil)
        let error = try #require(compose(keys + "\nk7: again\n").error)
        #expect(error.rule == "duplicate-key")
        #expect(error.location == SourceLocation(file: "test.yaml", line: 41, column: 1))
        #expect(error.message.contains("first defined at 8:1"))
    }

    @Test("keys compare by text: a quoted and a plain spelling are the same key")
    func quotedDuplicate() {
        #expect(compose("1: a\n\"1\": b\n").error?.rule == "duplicate-key")
        #expect(compose("null: a\n~: b\n").error == nil)
    }

    @Test("a key shown in a message has its line breaks escaped")
    func keyShownOnOneLine() throws {
        let error = try #require(compose("\"a\\nb\": 1\n\"a\\nb\": 2\n").error)
        #expect(error.message.hasPrefix("duplicate key `a\\nb`"))
    }

    @Test("an anchor on a key can be used as a value")
    func anchoredKey() throws {
        let root = try #require(document("&k name: x\ncopy: *k\n"))
        #expect(root["copy"]?.scalar?.text == "name")
    }

    @Test("collection tags that fit are accepted")
    func collectionTags() throws {
        let root = try #require(document("a: !!map {x: 1}\nb: !!seq [1]\nc: ! {y: 2}\n"))
        #expect(root["a"]?["x"]?.scalar?.value == .int(1))
        #expect(root["b"]?[0] != nil)
        #expect(compose("a: !!seq {x: 1}\n").error?.rule == "unknown-tag")
        #expect(compose("a: !!str [1]\n").error?.rule == "unknown-tag")
    }

    @Test("a %YAML 1.2 directive is accepted; the schema is always YAML 1.2 core")
    func yamlDirective() throws {
        let stream = compose("%YAML 1.2\n---\ncountry: NO\n")
        #expect(stream.documents.first?["country"]?.scalar?.value == .string("NO"))
    }
}
