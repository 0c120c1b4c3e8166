import ArgumentParser
import Foundation
import GavelCLI
import GavelImport

struct ListsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lists",
        abstract: "Work with designation lists.",
        subcommands: [ListsImportCommand.self]
    )
}

struct ListsImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Convert official list files into a Gavel List (YAML header + entries_from JSONL).",
        discussion: """
            Several FILEs are dated snapshots of one list: each entry gets `listed`/`delisted` from the \
            snapshots it appears in and is absent from. Files that carry no date (ofac-csv, uk-csv) are \
            written FILE@YYYY-MM-DD. ofac-csv reads add.csv and alt.csv beside sdn.csv. Gzipped files are \
            read as they are. Exit status: 0 written; 2 bad input (file:line:column).
            """
    )

    @Option(help: "ofac-sdn-xml, ofac-csv, un-xml, eu-fsf-xml or uk-csv; once for every FILE, or once per FILE in order.")
    var format: [String]

    @Argument(help: "Official list files, oldest or newest first (FILE or FILE@YYYY-MM-DD).")
    var files: [String]

    @Option(help: "The list id; writes ID.yaml and ID.jsonl.")
    var id: String

    @Option(help: "The folder to write the list to.")
    var out: String

    @Option(help: "Keep entries with one of these programmes (comma-separated, e.g. FTO,SDGT).")
    var programs: String?

    @Option(help: "strong (name and aliases; weak aliases apart) or weak (only the weak aliases, for a review list).")
    var names: String = "strong"

    @Option(name: .customLong("listed-dates"), help: "A CSV `id,program,listed,note` of cited listing dates for entries the source does not date.")
    var listedDates: String?

    @Flag(name: .customLong("allow-shrink"), help: "Accept a snapshot with fewer than half the entries of the one before it (refused otherwise).")
    var allowShrink = false

    @Option(help: "The list's title.")
    var title: String?

    @Option(help: "The list's description.")
    var description: String?

    @Option(help: "The designating authority (default from the format, e.g. US-OFAC).")
    var authority: String?

    @Option(help: "Where the list comes from (default from the format).")
    var source: String?

    func validate() throws {
        for format in self.format where ImportFormat(rawValue: format) == nil {
            throw ValidationError("unknown format `\(format)`; expected one of \(ImportFormat.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        guard format.count == 1 || format.count == files.count else {
            throw ValidationError("\(format.count) `--format`s for \(files.count) files; expected one, or one per file")
        }
        guard ImportOptions.Names(rawValue: names) != nil else {
            throw ValidationError("`--names` is `\(names)`; expected strong or weak")
        }
        guard !files.isEmpty else { throw ValidationError("expected at least one FILE") }
    }

    func run() throws {
        let formats = format.compactMap(ImportFormat.init(rawValue:))
        guard let first = formats.first, let names = ImportOptions.Names(rawValue: names) else { return }
        let snapshots = files.enumerated().map { i, file in
            ImportOptions.Snapshot(argument: file, format: formats.count == files.count ? formats[i] : first)
        }
        var options = ImportOptions(format: first, snapshots: snapshots, id: id, outputDirectory: out)
        options.programs = programs.map { Set($0.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) }) }
        options.names = names
        options.curatedDates = listedDates
        options.title = title
        options.description = description
        options.authority = authority
        options.source = source
        options.allowShrink = allowShrink
        let progress: ((String) -> Void)? = isatty(2) != 0 ? { Terminal.err($0) } : nil
        let status = ListImportRun(options: options).run(
            output: { Terminal.out($0) }, errors: { Terminal.err($0) }, progress: progress)
        if status != 0 { throw ExitCode(status) }
    }
}
