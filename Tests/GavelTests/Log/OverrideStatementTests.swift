import Foundation
import Testing

@testable import GavelCLI
@testable import GavelEngine
@testable import GavelLog
@testable import GavelSyntax

/// A DSA statement of reasons for a decision a human overrode: the ground is
/// the override's, but the category and the automated detection stay what
/// the engine's rules found, and the ground never contradicts the category.
@Suite("decision log: dsa-sor after an override")
struct OverrideStatementTests {
    struct Example: Sendable, CustomTestStringConvertible {
        var file: String
        var decision: String
        var basis: String
        var ground: String
        var category: String
        var keyword: String?
        var detection: String
        var testDescription: String { "\(file) → \(decision) on \(basis)" }
    }

    static let examples = [
        // Found by list screening: the category is the sanctions rules', detection stays automated.
        Example(
            file: "2023-10-wagner-cyrillic.yaml", decision: "suspend", basis: "Acme Terms of Service §10", ground: "DECISION_GROUND_INCOMPATIBLE_CONTENT",
            category: "STATEMENT_CATEGORY_RISK_FOR_PUBLIC_SECURITY", keyword: "KEYWORD_ILLEGAL_ORGANIZATIONS", detection: "Yes"),
        Example(
            file: "2021-08-taliban-sites.yaml", decision: "terminate", basis: "EO 13224 §2", ground: "DECISION_GROUND_ILLEGAL_CONTENT",
            category: "STATEMENT_CATEGORY_RISK_FOR_PUBLIC_SECURITY", keyword: "KEYWORD_ILLEGAL_ORGANIZATIONS", detection: "Yes"),
        // No rule decided it: nothing was detected, and a legal ground is not paired with a breach of terms.
        Example(
            file: "2017-08-14-daily-stormer-baseline.yaml", decision: "terminate", basis: "EO 13224 §2", ground: "DECISION_GROUND_ILLEGAL_CONTENT",
            category: "STATEMENT_CATEGORY_NOT_SPECIFIED_NOTICE", keyword: nil, detection: "No"),
    ]

    @Test("the override's ground with the original rules' category and detection", arguments: examples)
    func overridden(example: Example) throws {
        let folder = try LogFolder()
        #expect(try LogFixtures.evaluate([Repository.cases + "/" + example.file], policies: Repository.policies, log: folder.log).status == 0)
        var errors = ""
        #expect(
            AuditHumanDecision(log: folder.log, id: "1", action: .override(decision: example.decision, basis: example.basis), by: "T&S lead", reason: "Reviewed")
                .run(output: { _ in }, errors: { errors += $0 }) == 0, "\(errors)")
        var output = ""
        #expect(AuditExport(log: folder.log, format: .dsaSOR).run(output: { output += $0 }, errors: { errors += $0 }) == 0, "\(errors)")
        let line = try #require(output.split(separator: "\n").first)
        let statement = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        #expect(statement["decision_ground"] as? String == example.ground)
        #expect(statement["category"] as? String == example.category)
        #expect(statement["category_specification"] as? [String] == example.keyword.map { [$0] })
        #expect(statement["automated_detection"] as? String == example.detection)
        #expect(statement["automated_decision"] as? String == "AUTOMATED_DECISION_NOT_AUTOMATED")
        #expect(statement["incompatible_content_explanation"] as? String ?? statement["illegal_content_explanation"] as? String == "Reviewed")
        if example.ground == "DECISION_GROUND_ILLEGAL_CONTENT" {
            #expect(statement["category"] as? String != DSAVocabulary.otherCategory)
            #expect(statement["illegal_content_legal_ground"] as? String == example.basis)
        }
        // And the database's schema takes it.
        let schema = Repository.fixtures.appendingPathComponent("dsa-sor/statement-of-reasons.schema.json").path
        let file = try folder.write("statement.json", String(line))
        let (status, report) = try #require(
            try ExternalTools.checkJSONSchema(["--schemafile", schema, file]), "check-jsonschema not found; \(ExternalTools.installHint)")
        #expect(status == 0, "\(report)")
    }
}
