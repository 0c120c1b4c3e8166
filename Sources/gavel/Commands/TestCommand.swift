import ArgumentParser
import Foundation
import GavelCLI
import GavelEngine

struct TestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Decide every case that carries `expect:` and compare the decision with it.",
        discussion: """
            Ends with `N passed, N failed`. Exit status: 0 when every case passes, 1 when any fails, \
            2 when an input cannot be tested (unreadable, breaks the schema, or its `expect:` names an id the bundle lacks).
            """
    )

    @Argument(help: "Case files or directories (default: Cases).")
    var cases: [String] = []

    @Option(help: "The policy directory.")
    var policies = "./Policies"

    @Option(
        name: .customLong("as-of"), help: "Evaluation date for cases without `as_of` (YYYY-MM-DD or RFC 3339).",
        transform: Instant.argument)
    var asOf: Instant?

    @Flag(help: "Report, per rule and exception, the cases that matched it and the condition nodes no case exercised.")
    var coverage = false

    @Option(help: "Output format: text, json or junit.")
    var format: Format = .text

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, junit
    }

    func run() throws {
        let now = Instant(secondsSinceEpoch: Int64(Date().timeIntervalSince1970), isDateOnly: false)
        let run = TestRun(
            cases: cases, policies: policies, asOf: asOf, now: now, format: TestRun.Format(rawValue: format.rawValue) ?? .text,
            coverage: coverage)
        let status = run.run(output: Terminal.out, errors: Terminal.err)
        if status != 0 { throw ExitCode(status) }
    }
}
