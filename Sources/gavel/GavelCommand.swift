import ArgumentParser
import GavelCLI
import GavelEngine
import GavelLint
import GavelSyntax

@main
struct GavelCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gavel",
        abstract: "Policy decisions for content moderation at infrastructure providers, with an audit trail.",
        version: DecisionRecord.engineVersion,
        subcommands: [
            EvaluateCommand.self, TestCommand.self, DiffCommand.self, LintCommand.self, ScreenCommand.self, AuditCommand.self,
            ListsCommand.self, ServeCommand.self, BenchCommand.self, LintBenchCommand.self, ScreeningBenchCommand.self,
            QualityBenchCommand.self,
        ]
    )
}
