import Foundation
import Testing
@testable import GavelEngine
@testable import GavelSyntax

/// A `.jsonl` case is read straight into values when it can be, and as
/// located nodes otherwise. The values must be exactly `Value(node)` of the
/// nodes, and the record read from them exactly the one the nodes give:
/// whenever the nodes find a problem, the values must have declined.
@Suite("JSON Lines read straight into values")
struct CaseLineValuesTests {
    static let file = "batch.jsonl"

    /// Every line the node fast path is tested on, and lines whose numbers print as written.
    static let lines = JSONFastPathTests.accepted + JSONFastPathTests.declined + [
        #"{"n":[1,-7,0,0.5,-1.25,9223372036854775807,1e-07,12.0]}"#,
        #"{"n":-0}"#,
        #"{"n":1E3}"#,
        #"{"n":1.50}"#,
        #"{"n":123456789012345678901234}"#,
    ]

    @Test("a line's values are Value(node) of its fast-path nodes, or it is declined", arguments: lines)
    func sameValues(_ line: String) {
        let bytes = Array(line.utf8)
        bytes.withUnsafeBufferPointer { buffer in
            let node = JSONFastPath.document(buffer, file: Self.file, line: 3, limits: .default)
            let values = JSONFastPath.value(buffer, limits: .default)
            guard let node else {
                #expect(values == nil, "the values took a line the nodes decline")
                return
            }
            if let values {
                #expect(values.value == Value(node))
                #expect(values.column == node.location.column)
            } else {
                #expect(Self.hasNumberPrintedOtherwise(node), "declined a line whose numbers all print as written")
            }
        }
    }

    @Test("numbers are taken only when they print as written")
    func numbers() throws {
        func value(_ line: String) -> Value? {
            Array(line.utf8).withUnsafeBufferPointer { JSONFastPath.value($0, limits: .default)?.value }
        }
        let taken = try #require(value(#"{"n":[1,-7,0.5,1e-07]}"#))
        #expect(taken == .map(ValueMap(keys: ["n"], values: [.list([.int(1), .int(-7), .double(0.5), .double(1e-07)])])))
        for line in [#"{"n":-0}"#, #"{"n":1E3}"#, #"{"n":1.50}"#, #"{"n":1e3}"#] { #expect(value(line) == nil, "\(line)") }
    }

    static func hasNumberPrintedOtherwise(_ node: SourceNode) -> Bool {
        switch node.content {
        case .scalar(let scalar):
            switch scalar.value {
            case .int(let i): return String(i) != scalar.text
            case .float(let d): return JSON.format(d) != scalar.text
            default: return false
            }
        case .sequence(let items): return items.contains(where: hasNumberPrintedOtherwise)
        case .mapping(let entries): return entries.contains { hasNumberPrintedOtherwise($0.value) }
        }
    }

    // MARK: whole cases against the shipped schema

    /// The shipped Cases/ as JSON lines without their `expect:`, and each of
    /// them broken in the ways a batch gets wrong: a misspelt or undeclared
    /// field, a wrong type, a value outside an enum, an impossible date, a
    /// missing required field, a bad kind, id or as_of, a kept `expect:`.
    static func caseLines() throws -> [String] {
        var lines: [String] = []
        var random = SeededRandom(seed: 8)
        for file in ShippedBundle.caseFiles {
            let bytes = try #require(FileManager.default.contents(atPath: Repository.cases + "/" + file))
            for node in CaseLoader.nodes(in: [UInt8](bytes), file: file, limits: .default).compactMap({ try? $0.get() }) {
                guard case .map(let map) = Value(node) else { continue }
                let pairs = zip(map.keys, map.values).filter { $0.0 != "expect" }
                lines.append(line(pairs))
                for _ in 0..<12 { lines.append(line(mutate(pairs, &random))) }
                lines.append(line(zip(map.keys, map.values).map { ($0, $1) }))
            }
        }
        return lines
    }

    static func line(_ pairs: [(String, Value)]) -> String { Value.map(ValueMap(pairs)).json.compact() }

    static func mutate(_ pairs: [(String, Value)], _ random: inout SeededRandom) -> [(String, Value)] {
        var pairs = pairs
        let at = Int.random(in: 0..<pairs.count, using: &random)
        switch Int.random(in: 0..<9, using: &random) {
        case 0 where !pairs.contains { $0.0 == pairs[at].0 + "x" }: pairs[at].0 += "x"  // misspelt or undeclared top-level field
        case 1: pairs[at].1 = .int(7)  // wrong type (or a numeric id)
        case 2: pairs.remove(at: at)  // a required field, kind or id missing
        case 3: pairs[at].1 = .null
        case 4: pairs[at].1 = .string("2024-02-30")  // an impossible date wherever it lands
        case 5: pairs[at].1 = .string("")
        case 6: pairs[at].1 = .list([pairs[at].1])
        case 7: pairs[at].1 = deep(pairs[at].1, &random)
        default:
            let asOf = Value.string(Bool.random(using: &random) ? "2019-09-09" : "yesterday")
            if let existing = pairs.firstIndex(where: { $0.0 == "as_of" }) { pairs[existing].1 = asOf } else { pairs.append(("as_of", asOf)) }
        }
        return pairs
    }

    /// One change somewhere below: a field renamed, a scalar retyped or an enum-like string replaced.
    static func deep(_ value: Value, _ random: inout SeededRandom) -> Value {
        switch value {
        case .map(let map) where map.count > 0:
            var keys = map.keys
            var values = map.values
            let at = Int.random(in: 0..<keys.count, using: &random)
            switch Int.random(in: 0..<3, using: &random) {
            case 0: keys[at] += "_"
            case 1: values[at] = deep(values[at], &random)
            default: values[at] = .string("not-a-value")
            }
            return .map(ValueMap(keys: keys, values: values))
        case .list(let items) where !items.isEmpty:
            var items = items
            let at = Int.random(in: 0..<items.count, using: &random)
            items[at] = deep(items[at], &random)
            return .list(items)
        case .string: return Bool.random(using: &random) ? .int(3) : .string("2024-02-30")
        case .int, .double: return .string("3")
        case .bool: return .string("yes")
        default: return .bool(true)
        }
    }

    /// The shipped bundle's schema, as `gavel evaluate` checks cases against it.
    static func shippedCheck() throws -> CaseSchemaCheck {
        try #require(try ShippedBundle.get().schema.map(CaseSchemaCheck.init))
    }

    @Test("a case line read as values is the record its nodes give, and any problem sends it to the nodes")
    func sameRecords() throws {
        let check = try Self.shippedCheck()
        var taken = 0
        var refused = 0
        for (index, text) in try Self.caseLines().enumerated() {
            let bytes = Array(text.utf8)
            try bytes.withUnsafeBufferPointer { buffer in
                let fast = CaseLoader.lineRecord(buffer, file: Self.file, lineNumber: index, limits: .default, check: check)
                let node = try JSONLines.document(buffer, file: Self.file, lineNumber: index, limits: .default).get()
                let fromNodes = CaseLoader.read(node, check: check)
                switch fromNodes {
                case .failure:
                    refused += 1
                    #expect(fast == nil, "line \(index + 1) has problems but was read as values: \(text.prefix(120))")
                case .success(let record):
                    guard let fast else { return }
                    taken += 1
                    #expect(fast.id == record.id)
                    #expect(fast.asOf == record.asOf)
                    #expect(fast.data == record.data)
                    #expect(fast.document == record.document)
                    #expect(fast.expect == nil && record.expect == nil)
                    #expect(fast.location == record.location)
                    #expect(fast.digest == record.digest)
                }
                // And the batch's one entry point gives the nodes' answer either way.
                let answer = CaseLoader.readLine(buffer, file: Self.file, lineNumber: index, limits: .default, check: check)
                switch (answer, fromNodes) {
                case (.success(let a), .success(let b)): #expect(a.id == b.id && a.data == b.data && a.document == b.document)
                case (.failure(let a), .failure(let b)): #expect(a.diagnostics == b.diagnostics)
                default: Issue.record("line \(index + 1): readLine and the nodes disagree")
                }
            }
        }
        // Neither side may be empty, or the test proves nothing.
        #expect(taken >= ShippedBundle.caseFiles.count)
        #expect(refused >= 100)
    }

    @Test("the schema walk over values agrees with the walk over nodes")
    func schemaFits() throws {
        let check = try Self.shippedCheck()
        var fitting = 0
        var misfits = 0
        for text in try Self.caseLines() {
            let bytes = Array(text.utf8)
            let node = try bytes.withUnsafeBufferPointer { try JSONLines.document($0, file: Self.file, lineNumber: 0, limits: .default).get() }
            let fits = check.problems(in: node).isEmpty
            #expect(check.fits(Value(node)) == fits, "\(text.prefix(160))")
            if fits { fitting += 1 } else { misfits += 1 }
        }
        #expect(fitting > 0 && misfits > 0)
    }
}
