import Testing
@testable import GavelCLI
@testable import GavelEngine
@testable import GavelLint
@testable import GavelSyntax

/// Hostile and oversized input fails fast with a named diagnostic. "Fast" is
/// checked as work, not time: the libyaml events read before composing
/// stops, which a clock on a busy machine cannot make flaky.
@Suite("Load limits and hostile input")
struct LoadLimitsTests {
    static let billionLaughs = (0..<9).map { level -> String in
        let name = String(UnicodeScalar(UInt8(ascii: "a") + UInt8(level)))
        let items = level == 0
            ? Array(repeating: "\"lol\"", count: 10)
            : Array(repeating: "*" + String(UnicodeScalar(UInt8(ascii: "a") + UInt8(level - 1))), count: 10)
        return "\(name): &\(name) [\(items.joined(separator: ","))]"
    }.joined(separator: "\n") + "\n"

    /// Composes and returns the result with the number of libyaml events read.
    func counted(_ text: String, limits: LoadLimits = .default) -> (ComposedStream, Int) {
        let stream = compose(text, limits: limits)
        return (stream, stream.eventsRead)
    }

    @Test("the default limits are the documented ones")
    func defaults() {
        let limits = LoadLimits.default
        #expect(limits.maxFileBytes == 64 * 1024 * 1024)
        #expect(limits.maxDepth == 64)
        #expect(limits.maxScalarBytes == 1024 * 1024)
        #expect(limits.maxNodes == 1_000_000)
    }

    @Test("billion laughs fails on the node budget, reading no more than its own events")
    func billionLaughsFailsFast() throws {
        let (stream, events) = counted(Self.billionLaughs)
        let error = try #require(stream.error)
        #expect(error.rule == "alias-budget")
        #expect(error.location?.line == 6)
        // 9 anchored lists of 10 items, each 2 key and value events plus collection starts and ends.
        #expect(events <= 9 * 14 + 4, "read \(events) events")
    }

    @Test("with no node budget, billion laughs still composes instantly: aliases share, never copy")
    func aliasesShareStorage() throws {
        let (stream, events) = counted(Self.billionLaughs, limits: smallLimits(maxFileBytes: .max, maxNodes: .max))
        #expect(stream.error == nil)
        #expect(stream.documents.first?["i"]?[9]?[9]?[9]?[9]?[9]?[9]?[9]?[9]?[9]?.scalar?.text == "lol")
        #expect(events <= 9 * 14 + 6, "read \(events) events")
    }

    @Test("an alias used as a key is rejected before it is expanded or hashed")
    func aliasKeyFailsFast() throws {
        let (stream, events) = counted(Self.billionLaughs + "? *i\n: boom\n", limits: smallLimits(maxFileBytes: .max, maxNodes: .max))
        let error = try #require(stream.error)
        #expect(error.rule == "complex-key")
        #expect(error.location == SourceLocation(file: "test.yaml", line: 10, column: 3))
        #expect(events <= 9 * 14 + 8, "read \(events) events")
    }

    @Test("a flow mapping used as a key is rejected at its opening brace")
    func flowKey() throws {
        let error = try #require(compose("{a: *x}: 1\n").error)
        #expect(error.rule == "complex-key")
        #expect(error.location?.column == 1)
    }

    @Test(
        "deep flow nesting fails on depth, reading no further than the limit",
        arguments: [(10_000, true), (10_000, false), (1_000_000, false)])
    func deepFlowNesting(depth: Int, closed: Bool) throws {
        // libyaml's own cost grows with the square of flow depth; stopping at the limit is what keeps this fast.
        let text = String(repeating: "[", count: depth) + (closed ? String(repeating: "]", count: depth) : "")
        let (stream, events) = counted(text)
        let error = try #require(stream.error)
        #expect(error.rule == "nesting-too-deep")
        #expect(error.location == SourceLocation(file: "test.yaml", line: 1, column: 65))
        #expect(events <= LoadLimits.default.maxDepth + 3, "read \(events) events")
    }

    @Test("10,000-deep block nesting fails on depth, reading no further than the limit")
    func deepBlockNesting() throws {
        let (stream, events) = counted(String(repeating: "- ", count: 10_000) + "x\n")
        let error = try #require(stream.error)
        #expect(error.rule == "nesting-too-deep")
        #expect(error.location?.column == 129)
        #expect(events <= LoadLimits.default.maxDepth + 3, "read \(events) events")
    }

    @Test("nesting exactly at the limit is accepted; one more level is not")
    func depthBoundary() {
        let limits = smallLimits(maxDepth: 3)
        #expect(compose("a: {b: [1]}\n", limits: limits).error == nil)
        #expect(compose("a: {b: [[1]]}\n", limits: limits).error?.rule == "nesting-too-deep")
    }

    @Test("an alias that would nest past the limit is rejected where it is used")
    func depthThroughAlias() throws {
        let limits = smallLimits(maxDepth: 3)
        let error = try #require(compose("a: &x [[1]]\nb: [*x]\n", limits: limits).error)
        #expect(error.rule == "nesting-too-deep")
        #expect(error.location == SourceLocation(file: "test.yaml", line: 2, column: 5))
        #expect(error.message.contains("`*x`"))
    }

    @Test("a scalar longer than the limit is rejected at its start")
    func scalarTooLong() throws {
        let error = try #require(compose("a: ok\nb: \"12345678901\"\n", limits: smallLimits(maxScalarBytes: 10)).error)
        #expect(error.oneLine == """
            test.yaml:2:4: error[scalar-too-long] value is 11 bytes long; expected at most 10 bytes
              help: shorten the value, or keep long text in a separate file
            """)
        #expect(compose("a: \"1234567890\"\n", limits: smallLimits(maxScalarBytes: 10)).error == nil)
    }

    @Test("a 2 MiB scalar fails with the default limits at that scalar")
    func hugeScalar() throws {
        let (stream, events) = counted("a: " + String(repeating: "x", count: 2 << 20) + "\n")
        #expect(stream.error?.rule == "scalar-too-long")
        #expect(events <= 6, "read \(events) events")
    }

    @Test("a file over the size limit is rejected before parsing")
    func fileTooLarge() throws {
        let error = try #require(compose("[[[ not even yaml", limits: smallLimits(maxFileBytes: 10)).error)
        #expect(error.oneLine == """
            test.yaml:1:1: error[file-too-large] file is 17 bytes; expected at most 10 bytes
              help: split the content into several smaller files
            """)
    }

    @Test("the node budget counts keys and plain nodes too")
    func nodeBudgetWithoutAliases() {
        let limits = smallLimits(maxNodes: 5)
        #expect(compose("a: [1, 2]\n", limits: limits).error == nil)  // mapping, key, list, 2 items
        #expect(compose("a: [1, 2, 3]\n", limits: limits).error?.rule == "too-many-nodes")
    }

    @Test("the node budget is per document")
    func nodeBudgetPerDocument() {
        let limits = smallLimits(maxNodes: 5)
        let stream = compose("a: [1, 2]\n---\na: [1, 2]\n", limits: limits)
        #expect(stream.error == nil)
        #expect(stream.documents.count == 2)
    }

    @Test("text reached through aliases is bounded even when the node count is small")
    func expandedTextBudget() throws {
        let long = String(repeating: "x", count: 1000)
        let text = "a: &t \(long)\nb: [" + Array(repeating: "*t", count: 100).joined(separator: ", ") + "]\n"
        let error = try #require(compose(text, limits: smallLimits(maxFileBytes: 50_000)).error)
        #expect(error.rule == "alias-budget")
        #expect(error.message.contains("bytes of text"))
    }
}
