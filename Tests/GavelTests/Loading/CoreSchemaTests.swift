import Testing
@testable import GavelCLI
@testable import GavelEngine
@testable import GavelLint
@testable import GavelSyntax

/// YAML 1.2 core-schema typing, one row per spelling (SPEC §1: `NO` is Norway, not false).
@Suite("Core schema scalar typing")
struct CoreSchemaTests {
    static let plain: [(String, ScalarValue)] = [
        ("NO", .string("NO")), ("yes", .string("yes")), ("no", .string("no")), ("on", .string("on")),
        ("off", .string("off")), ("y", .string("y")), ("n", .string("n")), ("Yes", .string("Yes")),
        ("true", .bool(true)), ("True", .bool(true)), ("TRUE", .bool(true)),
        ("false", .bool(false)), ("False", .bool(false)), ("FALSE", .bool(false)), ("tRUE", .string("tRUE")),
        ("null", .null), ("Null", .null), ("NULL", .null), ("~", .null), ("", .null), ("nULL", .string("nULL")),
        ("0", .int(0)), ("42", .int(42)), ("-17", .int(-17)), ("+3", .int(3)), ("007", .int(7)),
        ("0x1F", .int(31)), ("0xff", .int(255)), ("0o17", .int(15)), ("0o8", .string("0o8")),
        ("0x", .string("0x")), ("-0x1F", .string("-0x1F")), ("0b101", .string("0b101")), ("1_000", .string("1_000")),
        ("9223372036854775807", .int(Int.max)), ("-9223372036854775808", .int(Int.min)),
        ("9223372036854775808", .float(9_223_372_036_854_775_808)), ("0x10000000000000000", .float(18_446_744_073_709_551_616)),
        ("1e3", .float(1000)), ("1.5", .float(1.5)), ("-.5", .float(-0.5)), ("1.", .float(1)), ("+1.5E-2", .float(0.015)),
        (".inf", .float(.infinity)), ("-.Inf", .float(-.infinity)), ("+.INF", .float(.infinity)),
        ("1e", .string("1e")), (".", .string(".")), ("+", .string("+")), ("1.2.3", .string("1.2.3")),
        ("inf", .string("inf")), ("nan", .string("nan")), ("-.nan", .string("-.nan")),
        ("2017-08-30", .string("2017-08-30")), ("12:30", .string("12:30")), ("0.92x", .string("0.92x")),
    ]

    @Test("a plain scalar gets its core-schema type", arguments: plain)
    func plainScalar(text: String, expected: ScalarValue) throws {
        let root = try #require(document("v: \(text)\n"))
        let scalar = try #require(root["v"]?.scalar)
        #expect(scalar.value == expected)
        #expect(scalar.style == .plain)
        #expect(scalar.text == text)
    }

    @Test("nan spellings are floats that are not a number", arguments: [".nan", ".NaN", ".NAN"])
    func notANumber(text: String) throws {
        let value = try #require(document("v: \(text)\n")?["v"]?.scalar?.value)
        guard case .float(let d) = value else {
            Issue.record("expected a float, got \(value)")
            return
        }
        #expect(d.isNaN)
    }

    static let notPlain: [(String, ScalarValue, Scalar.Style)] = [
        ("\"true\"", .string("true"), .doubleQuoted), ("'1'", .string("1"), .singleQuoted),
        ("\"\"", .string(""), .doubleQuoted), ("'~'", .string("~"), .singleQuoted),
        ("|\n  12\n", .string("12\n"), .literal), (">-\n  null\n", .string("null"), .folded),
    ]

    @Test("quoted and block scalars are always strings", arguments: notPlain)
    func quotedScalar(source: String, expected: ScalarValue, style: Scalar.Style) throws {
        let scalar = try #require(document("v: \(source)\n")?["v"]?.scalar)
        #expect(scalar.value == expected)
        #expect(scalar.style == style)
        #expect(scalar.isQuoted)
    }

    static let tagged: [(String, ScalarValue)] = [
        ("!!str 12", .string("12")), ("!!str true", .string("true")), ("! 12", .string("12")),
        ("!!int \"12\"", .int(12)), ("!!int 0x1F", .int(31)), ("!!float 1", .float(1)), ("!!float '2.5'", .float(2.5)),
        ("!!bool 'true'", .bool(true)), ("!!null ''", .null), ("!!null ~", .null),
    ]

    @Test("an explicit core-schema tag sets the type", arguments: tagged)
    func taggedScalar(source: String, expected: ScalarValue) throws {
        #expect(document("v: \(source)\n")?["v"]?.scalar?.value == expected)
    }
}
