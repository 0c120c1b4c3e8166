import GavelSyntax
import GavelEngine
import GavelLint

/// `gavel evaluate` as a library call: the command line only parses flags
/// and hands them here, so the whole behaviour is testable in-process.
package struct EvaluateRun: Sendable {
    package enum Format: String, Sendable, CaseIterable { case text, json, jsonl }

    package var cases: [String]
    package var policies: String
    package var asOf: Instant?
    package var format: Format
    package var strict: Bool
    /// The evaluation date for cases without `as_of` and without `--as-of`.
    package var now: Instant

    package init(cases: [String], policies: String, asOf: Instant?, format: Format, strict: Bool, now: Instant) {
        self.cases = cases
        self.policies = policies
        self.asOf = asOf
        self.format = format
        self.strict = strict
        self.now = now
    }

    /// Exit status per SPEC §4: 0 ok, 2 when any input was bad (the good
    /// cases are still decided and printed).
    package func run(
        output: (String) -> Void, errors: (String) -> Void,
        standardInput: (Int) -> Result<[UInt8], Diagnostic> = FileAccess.readStandardInput(limit:)
    ) -> Int32 {
        let bundle: CompiledBundle
        switch BundleLoader.load(directory: policies) {
        case .failure(let error):
            errors("gavel: the policy bundle `\(policies)` cannot be evaluated:\n")
            for d in error.diagnostics { errors(d.oneLine + "\n") }
            return 2
        case .success(let b): bundle = b
        }
        let evaluator = Evaluator(bundle: bundle)
        let options = Evaluator.Options(fallbackAsOf: asOf ?? now, strict: strict)
        let documents = CaseLoader.load(cases, schema: bundle.schema, standardInput: standardInput)
        var status: Int32 = 0
        var jsonRecords: [JSON] = []
        var textCount = 0
        for document in documents {
            switch document {
            case .failure(let error):
                status = 2
                for d in error.diagnostics { errors(d.oneLine + "\n") }
            case .success(let record):
                let decision = evaluator.evaluate(record, options: options)
                if !decision.errors.isEmpty {
                    status = 2
                    for d in decision.errors { errors(d.oneLine + "\n") }
                }
                switch format {
                case .jsonl: output(DecisionRecord.json(decision, bundle: bundle).compact() + "\n")
                case .json: jsonRecords.append(DecisionRecord.json(decision, bundle: bundle))
                case .text:
                    if textCount > 0 { output("\n" + String(repeating: "─", count: 72) + "\n\n") }
                    output(AuditTrailRenderer.render(decision, bundle: bundle))
                    textCount += 1
                }
            }
        }
        if format == .json {
            if documents.count == 1, let only = jsonRecords.first {
                output(only.pretty() + "\n")
            } else if documents.count != 1 {
                output(JSON.array(jsonRecords).pretty() + "\n")
            }
        }
        return status
    }
}
