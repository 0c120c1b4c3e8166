import Foundation
import Testing

@testable import GavelCLI
@testable import GavelEngine
@testable import GavelLint
@testable import GavelSyntax

/// The choices `CaseSchemaCheck` makes where SPEC §1.5 leaves room: required
/// fields through lists and absent objects, and how far `open:` reaches.
@Suite("Case schema check")
struct CaseSchemaCheckTests {
    static let schemaText = """
        kind: Schema
        open: [facts]
        fields:
          customer.name: { type: string, required: true }
          requests: [object]
          requests.kind: { enum: [court_order, abuse_report], required: true }
          facts.followers: int
          facts.override: object
          facts.override.decision: { enum: [terminate, suspend] }
        """

    static func schema(_ text: String = schemaText) throws -> CaseSchema {
        let bundle = try TemporaryBundle([
            "schema.yaml": text,
            "p.yaml": "kind: Policy\nid: p\nrules:\n  - { id: r, title: R, decision: monitor, when: { path: customer.name, exists: true } }\n",
        ])
        return try #require(try BundleLoader.load(directory: bundle.path).get().schema)
    }

    /// Every problem with one case document, as `line:column message`.
    func problems(_ yaml: String) throws -> [String] {
        let results = CaseLoader.cases(in: Array(yaml.utf8), file: "c.yaml", schema: try Self.schema())
        return results.flatMap { $0.failure?.diagnostics ?? [] }.map {
            "\($0.location.map { "\($0.line):\($0.column)" } ?? "-") \($0.message)"
        }
    }

    @Test("through a list, every element there is must have a required field; no list at all lacks nothing")
    func requiredThroughList() throws {
        for requests in ["", "requests: []\n", "requests: null\n", "requests: [{ kind: court_order }]\n"] {
            #expect(try problems("kind: Case\nid: c\ncustomer: { name: X }\n" + requests) == [], "\(requests)")
        }
        #expect(try problems("kind: Case\nid: c\ncustomer: { name: X }\nrequests:\n  - { kind: court_order }\n  - {}\n  - { kind: ~ }\n") == [
            "6:5 required field `requests.kind` is missing; expected one of `court_order`, `abuse_report`",
            "7:13 required field `requests.kind` is null, which counts as missing; expected one of `court_order`, `abuse_report`",
        ])
    }

    @Test("under an absent or null object a required field is missing, located where its object should be")
    func requiredUnderAbsentObject() throws {
        #expect(try problems("kind: Case\nid: c\n") == ["1:1 required field `customer.name` is missing; expected a string"])
        #expect(try problems("kind: Case\nid: c\ncustomer: ~\n") == [
            "3:11 required field `customer.name` is null, which counts as missing; expected a string"
        ])
        #expect(try problems("kind: Case\nid: c\ncustomer:\n  nmae: X\n") == [
            "3:1 required field `customer.name` is missing; expected a string",
            "4:3 field `customer.nmae` is not declared in the schema",
        ])
    }

    @Test("`open:` allows undeclared fields directly under the object, of any shape; a declared object inside stays closed")
    func openObjects() throws {
        #expect(try problems("kind: Case\nid: c\ncustomer: { name: X }\nfacts: { followers: 3, source: press, ticket: { id: 1, tags: [a] } }\n") == [])
        #expect(try problems("kind: Case\nid: c\ncustomer: { name: X }\nfacts: { followers: many, override: { decision: terminate, by: CEO } }\n") == [
            "4:21 `facts.followers` must be an int, found the string `many`",
            "4:60 field `facts.override.by` is not declared in the schema",
        ])
        // Without `open:`, the same undeclared fact is refused.
        let closed = try Self.schema(Self.schemaText.replacingOccurrences(of: "open: [facts]\n", with: ""))
        let results = CaseLoader.cases(in: Array("kind: Case\nid: c\ncustomer: { name: X }\nfacts: { source: press }\n".utf8), file: "c.yaml", schema: closed)
        #expect(results.flatMap { $0.failure?.diagnostics ?? [] }.map(\.message) == ["field `facts.source` is not declared in the schema"])
    }

    @Test("reserved keys are not case data; the reader's own problems come with the schema's")
    func reservedKeys() throws {
        #expect(try problems("kind: Case\nid: c\nas_of: 2024-01-01\nnotes: n\nexpect: { decision: monitor }\ncustomer: { name: X }\n") == [])
        #expect(try problems("kind: Case\nid: [x]\ncustmer: { name: X }\n") == [
            "1:1 required field `customer.name` is missing; expected a string",
            "2:5 case `id` must be a non-empty string, found a list",
            "3:1 field `custmer` is not declared in the schema",
        ])
    }

    @Test("the public reader refuses what does not fit the bundle's schema; without a bundle it checks nothing")
    func publicAPI() throws {
        let bundle = try TemporaryBundle([
            "schema.yaml": Self.schemaText,
            "p.yaml": "kind: Policy\nid: p\nrules:\n  - { id: r, title: R, decision: monitor, when: { path: customer.name, exists: true } }\n",
        ])
        let compiled = try BundleLoader.load(directory: bundle.path).get()
        let bytes = Array("kind: Case\nid: c\ncustmer: { name: X }\n".utf8)
        #expect(CaseLoader.cases(in: bytes, file: "c.yaml", bundle: compiled).first?.failure?.diagnostics.count == 2)
        #expect((try? CaseLoader.cases(in: bytes, file: "c.yaml").first?.get()) != nil)
    }
}
