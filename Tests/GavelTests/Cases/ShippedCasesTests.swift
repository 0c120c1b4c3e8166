import Testing

@testable import GavelCLI
@testable import GavelEngine
@testable import GavelLint
@testable import GavelSyntax

/// Cases/ doubles as the regression suite of the shipped bundle: each case
/// records a real incident and the decision the policies must reach.
@Suite("Shipped cases")
struct ShippedCasesTests {
    @Test("the shipped bundle compiles")
    func bundleCompiles() throws {
        let bundle = try ShippedBundle.get()
        #expect(bundle.rules.count >= 20)
        #expect(!bundle.lists.isEmpty)
        #expect(bundle.rules.allSatisfy { !$0.basis.isEmpty })
    }

    @Test("each case meets its expect:", arguments: ShippedBundle.caseFiles)
    func caseMeetsExpectation(_ file: String) throws {
        let bundle = try ShippedBundle.get()
        let evaluator = Evaluator(bundle: bundle)
        let records = try ShippedBundle.cases(in: file)
        #expect(!records.isEmpty)
        for record in records {
            let expect = try #require(record.expect, "case \(record.id) in \(file) has no expect:")
            #expect(expect.decision != nil, "case \(record.id) does not state the expected decision")
            let decision = evaluator.evaluate(record, options: .init(fallbackAsOf: ShippedBundle.fallbackAsOf))
            let failures = ExpectationCheck.failures(expect, decision)
            #expect(failures.isEmpty, "\(record.id): \(failures.joined(separator: "; "))")
        }
    }

    @Test("there are at least 14 case files and one multi-document batch")
    func corpusSize() throws {
        #expect(ShippedBundle.caseFiles.filter { !$0.hasSuffix(".md") }.count >= 14)
        let batches = try ShippedBundle.caseFiles.filter { try ShippedBundle.cases(in: $0).count > 1 }
        #expect(!batches.isEmpty)
    }
}
