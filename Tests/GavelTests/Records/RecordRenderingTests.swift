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
        "2024-hassan-ali-photographer.yaml",
    ]

    static func decision(_ file: String, trace: TraceLevel = .decisive) throws -> (Decision, CompiledBundle) {
        let bundle = try ShippedBundle.get()
        let record = try #require(try ShippedBundle.cases(in: file).first)
        let decision = Evaluator(bundle: bundle).evaluate(record, options: .init(fallbackAsOf: ShippedBundle.fallbackAsOf, trace: trace))
        return (decision, bundle)
    }

    /// The golden file's suffix for a level: the default has none.
    static func suffix(_ level: TraceLevel) -> String { level == .decisive ? "" : ".\(level.rawValue)" }

    @Test("JSON record at each trace level", arguments: goldenCases, TraceLevel.allCases)
    func json(_ file: String, _ level: TraceLevel) throws {
        let (decision, bundle) = try Self.decision(file, trace: level)
        assertGolden(DecisionRecord.text(decision, bundle: bundle, pretty: true) + "\n", "records/\(file)\(Self.suffix(level)).json")
    }

    @Test("text audit trail at the default and the full trace level", arguments: goldenCases, [TraceLevel.decisive, .full])
    func text(_ file: String, _ level: TraceLevel) throws {
        let (decision, bundle) = try Self.decision(file, trace: level)
        assertGolden(AuditTrailRenderer.render(decision, bundle: bundle), "records/\(file)\(Self.suffix(level)).txt")
    }

    @Test("every trace level reaches the same decision, rules, obligations, matches and scope", arguments: goldenCases)
    func levelsAgree(_ file: String) throws {
        let decisions = try TraceLevel.allCases.map { try Self.decision(file, trace: $0).0 }
        for d in decisions.dropFirst() {
            #expect(d.decision == decisions[0].decision)
            #expect(d.determinedBy == decisions[0].determinedBy)
            #expect(d.obligations == decisions[0].obligations)
            #expect(d.matches == decisions[0].matches)
            #expect(d.scope == decisions[0].scope)
            #expect(d.rules.map(\.status) == decisions[0].rules.map(\.status))
        }
        let (none, _) = try Self.decision(file, trace: .none)
        #expect(none.rules.allSatisfy { $0.trace == nil } && none.exceptions.allSatisfy { $0.trace == nil })
        let (decisive, _) = try Self.decision(file, trace: .decisive)
        #expect(decisive.rules.allSatisfy { ($0.trace != nil) == $0.status.isDecisive })
        let (full, _) = try Self.decision(file, trace: .full)
        #expect(full.rules.allSatisfy { ($0.trace != nil) == ($0.status != .notInForce) })
    }

    @Test("the JSON record parses as JSON and carries every SPEC §2.1 key")
    func recordShape() throws {
        let (decision, bundle) = try Self.decision(Self.goldenCases[0])
        let text = DecisionRecord.text(decision, bundle: bundle, pretty: true)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        for key in [
            "id", "case", "bundle", "lists", "engine", "as_of", "as_of_source", "trace_level", "decision", "determined_by",
            "scope", "obligations", "rules", "other_rules", "exceptions", "matches",
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
            #expect(DecisionRecord.text(first, bundle: bundle, pretty: true) == DecisionRecord.text(second, bundle: bundle, pretty: true))
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
        #expect(DecisionRecord.text(a, bundle: original, pretty: true) == DecisionRecord.text(b, bundle: rebuilt, pretty: true))
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
