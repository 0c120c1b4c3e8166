import ArgumentParser
import Foundation
import GavelCLI
import GavelEngine
import GavelSyntax

struct ScreenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "screen",
        abstract: "Look names (and domains) up on the bundle's designation lists: readings, best entries and near misses.",
        discussion: """
            Each entry shows what the --detail values agree and disagree with among its identifying details, and which \
            could not be compared. Each --domain shows how it is read (host, parents, look-alike skeleton, links, \
            registered name) and the entries whose domains it meets. Exit status: 0 when every name and domain was \
            looked up; 2 when the bundle cannot be loaded or --lists names an unknown list.
            """
    )

    @Argument(help: "Names to look up (quote a name with spaces).")
    var names: [String] = []

    @Option(name: .customLong("domain"), help: "A domain or URL to look up among the listed domains (repeatable).")
    var domains: [String] = []

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
        if names.isEmpty && domains.isEmpty { throw ValidationError("expected a name or a --domain to look up") }
        if let blank = domains.firstIndex(where: { $0.allSatisfy(\.isWhitespace) }) {
            throw ValidationError("--domain \(blank + 1) is empty: expected a domain or URL to look up")
        }
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
            format: ScreenRun.Format(rawValue: format.rawValue) ?? .text, details: details, domains: domains)
        let status = run.run(output: Terminal.out, errors: Terminal.err)
        if status != 0 { throw ExitCode(status) }
    }
}
