import Foundation
import Testing

@testable import GavelSyntax

/// The byte writer must give exactly the text of the `JSON` tree it replaced.
@Suite("JSON writer")
struct JSONWriterTests {
    static let pieces = ["a", "bc", "\"", "\\", "\n", "\r", "\t", "\u{01}", "\u{1F}", "\u{7F}", "\u{2028}", "\u{2029}", "\u{2027}", "é", "€", "😀", " ", "0123456789abcdef"]

    @Test("strings of every kind of character, at every offset, are escaped as JSON.quote escapes them", arguments: 0..<4)
    func strings(_ seed: Int) {
        var random = MutatedInputTests.Random(state: UInt64(seed + 11))
        for _ in 0..<2_000 {
            let text = (0..<random.below(24)).map { _ in Self.pieces[random.below(Self.pieces.count)] }.joined()
            var writer = JSONWriter()
            writer.string(text)
            #expect(String(decoding: writer.bytes, as: UTF8.self) == JSON.string(text).compact(), "\(text.debugDescription)")
        }
    }

    @Test("nested values, compact and pretty, as JSON writes them")
    func nested() {
        let value: JSON = .object([
            ("a", .array([.int(-12), .double(1.5), .null, .bool(true), .array([]), .object([])])),
            ("b", .object([("c", .string("x\u{2028}y")), ("d", .array([.object([("e", .int(0))])]))])),
        ])
        for pretty in [false, true] {
            var writer = JSONWriter(pretty: pretty)
            writer.value(value)
            #expect(String(decoding: writer.bytes, as: UTF8.self) == (pretty ? value.pretty() : value.compact()))
        }
    }

    @Test("nesting deeper than 64 levels keeps every separator", arguments: [false, true])
    func deep(_ pretty: Bool) {
        var value: JSON = .array([.int(1), .int(2)])
        for level in 0..<100 { value = level % 2 == 0 ? .object([("k", value), ("n", .int(level))]) : .array([value, .null]) }
        var writer = JSONWriter(pretty: pretty)
        writer.value(value)
        #expect(String(decoding: writer.bytes, as: UTF8.self) == (pretty ? value.pretty() : value.compact()))
    }
}
