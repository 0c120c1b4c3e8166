import Testing
@testable import GavelCLI
@testable import GavelEngine
@testable import GavelLint
@testable import GavelSyntax

/// The `.jsonl` fast path must build exactly the tree libyaml + EventComposer
/// build (nodes, scalar text/style/value, every location), and hand anything
/// else to libyaml so that errors still come from one place.
@Suite("JSON Lines fast path")
struct JSONFastPathTests {
    static let file = "batch.jsonl"

    /// The line through the fast path (nil when it declines) and through libyaml alone.
    func both(_ text: String, lineNumber: Int = 6) -> (fast: SourceNode?, libyaml: Result<SourceNode, Diagnostic>) {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { buffer in
            (
                JSONFastPath.document(buffer, file: Self.file, line: lineNumber + 1, limits: .default),
                JSONLines.composed(buffer, file: Self.file, lineNumber: lineNumber, limits: .default)
            )
        }
    }

    static let accepted: [String] = [
        #"{"kind":"Case","id":"case-0000001","customer":{"name":"Waka Network","aliases":[],"country":"GB"},"site":{"domain":"waka.org","categories":["research"]},"services":["registrar","ddos_protection"],"requests":[{"kind":"legal_demand","jurisdiction":"GB","received":"2021-04-23","binding":false}],"facts":{"imminent_threat_to_life":false,"followers":4}}"#,
        #"{"numbers":[1e3,-0,0.5,-1.25E-2,1E+3,0,-7,9223372036854775807,-9223372036854775808,123456789012345678901234,2.5e-308]}"#,
        #"{"literals":[true,false,null],"empty":{},"none":[],"nested":{"a":{"b":{"c":[[1,[2]],{"d":null}]}}}}"#,
        #"{"escapes":"q\" b\\ s\/ \b\f\n\r\t end","u":"\u00e9\u4e2d\u0041\u2028\u0085\u0000\uffff"}"#,
        #"{"raw":"é 中文 😀 ü","after":"x","é":{"中":1}}"#,
        #"  { "spaced" : [ 1 , "two" , { } ] , "k" : true }  "#,
        ##"{"":"","#":"# not a comment","colon":"a: b","dash":"- x","amp":"&a *b !t"}"##,
        #"{"a1":1,"a2":2,"a3":3,"a4":4,"a5":5,"a6":6,"a7":7,"a8":8,"a9":9,"a10":10,"a11":11,"a12":12,"a13":13,"a14":14,"a15":15,"a16":16,"a17":17,"a18":18}"#,
    ]

    @Test("valid JSON lines give libyaml's tree, node for node and location for location", arguments: accepted)
    func sameTree(_ line: String) throws {
        let (fast, libyaml) = both(line)
        let node = try #require(fast)
        let reference = try libyaml.get()
        #expect(JSONFastPath.same(node, reference))
        #expect(node.location.line == 7)
    }

    @Test("number typing follows the YAML 1.2 core schema")
    func numbers() throws {
        let node = try #require(both(#"{"n":[1e3,-0,0.5,12,123456789012345678901234]}"#).fast)
        let values = node.mappingEntries?.first?.value.sequenceItems?.compactMap { $0.scalar?.value }
        #expect(values == [.float(1000), .int(0), .float(0.5), .int(12), .float(123456789012345678901234)])
        #expect(node.mappingEntries?.first?.value.sequenceItems?.allSatisfy { $0.scalar?.style == .plain } == true)
    }

    @Test("columns count Unicode scalars, as libyaml does")
    func columns() throws {
        let node = try #require(both(#"{"é😀":"中","x":1}"#).fast)
        let entries = try #require(node.mappingEntries)
        #expect(entries[0].keyLocation.column == 2)
        #expect(entries[0].value.location.column == 7)
        #expect(entries[1].keyLocation.column == 11)
        #expect(entries[1].value.location.column == 15)
    }

    static let declined: [String] = [
        #"{"a":1,"a":2}"#,  // duplicate key: the composer's error
        "{\"a\":\t1}",  // tab
        #"{"e":"\ud83d\ude00"}"#,  // surrogate pair: libyaml reads it once rewritten (JSONSurrogatePairs)
        #"{"a":1,}"#,  // not JSON (YAML accepts it)
        #"[1,2]"#,  // not an object at the top
        #"{a: 1}"#,  // YAML flow, not JSON
        #"{"a":01}"#,
        #"{"a":1 2}"#,
        #"{"a":"x"} {"b":1}"#,
        "{\"a\":\"\u{85}\"}",  // NEL is a line break to libyaml
        "{\"a\":\"\u{FEFF}\"}",
        "{\"" + String(repeating: "k", count: 1100) + "\":1}",  // past libyaml's simple-key length
    ]

    @Test("anything else is declined, and JSONLines then answers exactly as libyaml", arguments: declined)
    func declinedLines(_ line: String) {
        let (fast, libyaml) = both(line)
        #expect(fast == nil)
        let bytes = Array(line.utf8)
        let answer = bytes.withUnsafeBufferPointer {
            JSONLines.document($0, file: Self.file, lineNumber: 6, limits: .default)
        }
        switch (answer, libyaml) {
        case (.success(let a), .success(let b)): #expect(JSONFastPath.same(a, b))
        case (.failure(let a), .failure(let b)): #expect(a == b)
        default: Issue.record("JSONLines and libyaml disagree on `\(line.prefix(40))`")
        }
    }

    @Test("limits are left to libyaml: too deep, too long, too many nodes")
    func limits() {
        let line = Array(#"{"a":{"b":{"c":"long text"}},"d":[1,2,3]}"#.utf8)
        for limits in [smallLimits(maxDepth: 2), smallLimits(maxScalarBytes: 4), smallLimits(maxNodes: 5), smallLimits(maxFileBytes: 10)] {
            line.withUnsafeBufferPointer { buffer in
                #expect(JSONFastPath.document(buffer, file: Self.file, line: 1, limits: limits) == nil)
                if case .success = JSONLines.document(buffer, file: Self.file, lineNumber: 0, limits: limits) {
                    Issue.record("a limit was not enforced")
                }
            }
        }
    }

    @Test("a whole file reads the same with and without the fast path")
    func wholeFile() throws {
        let text = Self.accepted.joined(separator: "\n") + "\n\n" + Self.declined.joined(separator: "\r\n") + "\n"
        let bytes = Array(text.utf8)
        let documents = JSONLines.documents(bytes, file: Self.file, limits: .default)
        let reference = bytes.withUnsafeBufferPointer { buffer in
            JSONLines.lines(buffer).map {
                JSONLines.composed(UnsafeBufferPointer(rebasing: buffer[$0.bytes]), file: Self.file, lineNumber: $0.number, limits: .default)
            }
        }
        #expect(documents.count == Self.accepted.count + Self.declined.count)
        for (a, b) in zip(documents, reference) {
            switch (a, b) {
            case (.success(let x), .success(let y)): #expect(JSONFastPath.same(x, y))
            case (.failure(let x), .failure(let y)): #expect(x == y)
            default: Issue.record("fast path and libyaml disagree")
            }
        }
    }

    /// Pieces a string is made of: plain ASCII, and what must stop the
    /// eight-bytes-at-a-time scan (escapes, multi-byte characters), at every
    /// offset from a word boundary.
    static let stringPieces: [[UInt8]] = [
        Array("a".utf8), Array("Waka Network".utf8), Array("0123456".utf8), Array(" ".utf8), Array("~".utf8),
        Array(#"\""#.utf8), Array(#"\\"#.utf8), Array(#"\n"#.utf8), Array(#"\u00e9"#.utf8), Array(#"\/"#.utf8),
        [0x20], [0x21], [0x5B], [0x5D], Array("é".utf8), Array("中".utf8), Array("😀".utf8),
    ]
    /// Bytes the fast path must decline at any offset (libyaml then reads or refuses the line).
    static let refusedPieces: [[UInt8]] = [[0x09], [0x1F], [0x7F], Array("\u{85}".utf8), Array("\u{2028}".utf8), [0xC3], [0xFF]]

    static func piece(_ random: inout SeededRandom) -> [UInt8] {
        (random.chance(3) ? random.element(of: refusedPieces) : random.element(of: stringPieces)) ?? []
    }

    @Test("strings of every kind at every offset: the fast path gives libyaml's tree or declines")
    func randomStrings() throws {
        var random = SeededRandom(seed: 31)
        var taken = 0
        var declined = 0
        for round in 0..<3_000 {
            var line: [UInt8] = Array(#"{"k":""#.utf8)
            for _ in 0..<random.int(in: 0...6) { line.append(UInt8(ascii: "x")) }  // shifts the string against the word
            for _ in 0..<random.int(in: 0...12) { line += Self.piece(&random) }
            line += Array(#"",""#.utf8)
            for _ in 0..<random.int(in: 0...20) { line += Self.piece(&random) }
            line += Array(#"":1}"#.utf8)
            try line.withUnsafeBufferPointer { buffer in
                guard let fast = JSONFastPath.document(buffer, file: Self.file, line: 1, limits: .default) else {
                    declined += 1
                    return
                }
                taken += 1
                let reference = try JSONLines.composed(buffer, file: Self.file, lineNumber: 0, limits: .default).get()
                #expect(JSONFastPath.same(fast, reference), "round \(round): \(String(decoding: line, as: UTF8.self))")
                #expect(JSONFastPath.value(buffer, limits: .default)?.value == Value(fast), "round \(round)")
            }
        }
        #expect(taken > 1_000 && declined > 300, "taken \(taken), declined \(declined)")
    }
}
