import ArgumentParser
import GavelCLI
import GavelEngine
import GavelLint
import GavelSyntax

struct LintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Check policy, list, schema and case files for mistakes that would change decisions.",
        discussion: """
            With no PATH, lints ./Policies and ./Cases. Exit status: 0 clean; 1 errors (or warnings with \
            --strict), malformed YAML included; 2 a path could not be read.
            """
    )

    @Argument(help: "Policy directories, case folders or case files.")
    var paths: [String] = []

    @Option(help: "The bundle case files are checked against, when no PATH is one.")
    var policies: String?

    @Option(help: "Output format: text, json, sarif or github.")
    var format: Format = .text

    @Flag(help: "Fail on warnings too.")
    var strict = false

    @Option(help: ArgumentHelp(
        "Print the documentation of a lint rule, or of any diagnostic id Gavel prints (e.g. missing-path).", valueName: "id"))
    var explain: String?

    @Flag(help: "List every rule with its category and level.")
    var list = false

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, sarif, github
    }

    func validate() throws {
        if let explain, DiagnosticCatalog.page(explain) == nil {
            throw ValidationError(DiagnosticCatalog.unknown(explain))
        }
    }

    func run() throws {
        if let explain, let page = DiagnosticCatalog.page(explain) {
            Terminal.out(page)
            return
        }
        if list {
            Terminal.out(LintDocumentation.list())
            return
        }
        let run = LintRun(
            paths: paths, policies: policies, format: LintFormat(rawValue: format.rawValue) ?? .text, strict: strict)
        let status = run.run(output: Terminal.out, errors: Terminal.err)
        if status != 0 { throw ExitCode(status) }
    }
}
