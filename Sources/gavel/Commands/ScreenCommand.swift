import ArgumentParser
import Foundation
import GavelCLI
import GavelEngine
import GavelSyntax

struct ScreenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "screen",
        abstract: "Look names up on the bundle's designation lists: normalised forms, best entries and near misses.",
        discussion: """
            Each entry shows what the --detail values agree and disagree with among its identifying details, and which \
            could not be compared. Exit status: 0 when every name was looked up; 2 when the bundle cannot be loaded or \
            --lists names an unknown list.
            """
    )

    @Argument(help: "Names to look up (quote a name with spaces).")
    var names: [String]

    @Option(help: "The policy directory.")
    var policies = "./Policies"

    @Option(parsing: .upToNextOption, help: "Only these lists (ids); default: every list of the bundle.")
    var lists: [String] = []

    @Option(
        name: .customLong("as-of"), help: "The date entries must be in force on (YYYY-MM-DD or RFC 3339; default: now).",
        transform: Instant.argument)
    var asOf: Instant?

    @Option(help: "Entries shown per name, above and below min_score each.")
    var top = 10

    @Option(help: "Output format: text or json.")
    var format: Format = .text

    @Option(
        name: .customLong("detail"),
        help: "An identifying detail to compare with each entry, KEY=VALUE (repeatable); keys as in `corroborate:`: \(CorroborationSpec.Kind.words.joined(separator: ", ")).")
    var details: [String] = []

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    func validate() throws {
        if top < 1 { throw ValidationError("--top must be at least 1, found \(top)") }
        if let blank = names.firstIndex(where: { $0.allSatisfy(\.isWhitespace) }) {
            throw ValidationError("name \(blank + 1) is empty: expected a name to look up")
        }
        for detail in details {
            if case .failure(let problem) = ScreenRun.detail(detail) { throw ValidationError(problem.description) }
        }
    }

    func run() throws {
        let now = Instant(secondsSinceEpoch: Int64(Date().timeIntervalSince1970), isDateOnly: false)
        let run = ScreenRun(
            names: names, policies: policies, lists: lists, asOf: asOf, now: now, top: top,
            format: ScreenRun.Format(rawValue: format.rawValue) ?? .text, details: details)
        let status = run.run(output: Terminal.out, errors: Terminal.err)
        if status != 0 { throw ExitCode(status) }
    }
}
