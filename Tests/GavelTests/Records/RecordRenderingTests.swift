import Foundation
import Testing

@testable import GavelCLI
@testable import GavelEngine
@testable import GavelLint
@testable import GavelSyntax

/// Golden files are the contract for the JSON record and the text trail.
@Suite("Decision record renderings")
struct RecordRenderingTests {
    static let goldenCases = [
        "2017-08-hamas-shurat-hadin.yaml",
        "2017-08-14-daily-stormer-baseline.yaml",
        "2022-07-italy-resolver-order.yaml",
        "2023-10-wagner-cyrillic.yaml",
        "2019-04-internet-archive-french-iru.yaml",
    ]

    static func decision(_ file: String) throws -> (Decision, CompiledBundle) {
        let bundle = try ShippedBundle.get()
        let record = try #require(try ShippedBundle.cases(in: file).first)
        let decision = Evaluator(bundle: bundle).evaluate(record, options: .init(fallbackAsOf: ShippedBundle.fallbackAsOf))
        return (decision, bundle)
    }

    @Test("JSON record", arguments: goldenCases)
    func json(_ file: String) throws {
        let (decision, bundle) = try Self.decision(file)
        assertGolden(DecisionRecord.json(decision, bundle: bundle).pretty() + "\n", "records/\(file).json")
    }

    @Test("text audit trail", arguments: goldenCases)
    func text(_ file: String) throws {
        let (decision, bundle) = try Self.decision(file)
        assertGolden(AuditTrailRenderer.render(decision, bundle: bundle), "records/\(file).txt")
    }

    @Test("the JSON record parses as JSON and carries every SPEC §2.1 key")
    func recordShape() throws {
        let (decision, bundle) = try Self.decision(Self.goldenCases[0])
        let text = DecisionRecord.json(decision, bundle: bundle).pretty()
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        for key in [
            "id", "case", "bundle", "lists", "engine", "as_of", "decision", "determined_by", "scope", "obligations",
            "rules", "exceptions", "matches",
        ] {
            #expect(object[key] != nil, "record lacks `\(key)`")
        }
        let matches = try #require(object["matches"] as? [[String: Any]])
        #expect(!matches.isEmpty)
        #expect(Set(matches.compactMap { $0["method"] as? String }).isSubset(of: ["exact", "alias", "fuzzy", "identifier"]))
    }
}

@Suite("Determinism")
struct DeterminismTests {
    @Test("the same case, bundle and as_of give byte-identical records")
    func twice() throws {
        for file in RecordRenderingTests.goldenCases {
            let (first, bundle) = try RecordRenderingTests.decision(file)
            let (second, _) = try RecordRenderingTests.decision(file)
            #expect(DecisionRecord.json(first, bundle: bundle).pretty() == DecisionRecord.json(second, bundle: bundle).pretty())
            #expect(AuditTrailRenderer.render(first, bundle: bundle) == AuditTrailRenderer.render(second, bundle: bundle))
        }
    }

    @Test("a bundle copied in another file order has the same digest and decides the same")
    func fileOrder() throws {
        let original = try ShippedBundle.get()
        // Write the files in reverse order into a fresh directory.
        var files: [String: String] = [:]
        for file in original.files.reversed() { files[file.path] = String(decoding: file.bytes, as: UTF8.self) }
        let copy = try TemporaryBundle(files)
        let rebuilt = try copy.compile().get()
        #expect(rebuilt.digest == original.digest)
        #expect(BundleLoader.digest(of: original.files.shuffled()) == original.digest)
        let record = try #require(try ShippedBundle.cases(in: RecordRenderingTests.goldenCases[0]).first)
        let options = Evaluator.Options(fallbackAsOf: ShippedBundle.fallbackAsOf)
        let a = Evaluator(bundle: original).evaluate(record, options: options)
        let b = Evaluator(bundle: rebuilt).evaluate(record, options: options)
        #expect(DecisionRecord.json(a, bundle: original).pretty() == DecisionRecord.json(b, bundle: rebuilt).pretty())
    }

    @Test("the record id depends only on case digest, bundle digest and as_of")
    func recordID() {
        let asOf = Instant(secondsSinceEpoch: 0, isDateOnly: true)
        let a = DecisionRecord.id(caseDigest: "sha256:a", bundleDigest: "sha256:b", asOf: asOf)
        #expect(a == DecisionRecord.id(caseDigest: "sha256:a", bundleDigest: "sha256:b", asOf: asOf))
        #expect(a != DecisionRecord.id(caseDigest: "sha256:a", bundleDigest: "sha256:c", asOf: asOf))
        #expect(a != DecisionRecord.id(caseDigest: "sha256:a", bundleDigest: "sha256:b", asOf: asOf.adding(seconds: 86_400)))
    }
}
