import Foundation
import GavelEngine
import GavelSyntax

/// `gavel lists import`: official list files in, a Gavel list out.
///
/// One file is streamed straight to the output: memory holds one record
/// (and, for OFAC CSV, the add/alt tables; for the UK CSV, the UK groups).
/// Several files are dated snapshots of one list; their entries are folded
/// by `ListHistory`, which holds one entry per distinct id.
package struct ListImporter {
    package var options: ImportOptions

    package init(options: ImportOptions) { self.options = options }

    package struct Summary: Sendable {
        package var entries: Int
        /// Per snapshot, oldest first: its date and how many entries it gave the list.
        package var snapshots: [(date: String, entries: Int)]
        package var yamlPath: String
        package var jsonlPath: String
    }

    struct ReadSnapshot {
        var path: String
        var file: String
        var format: ImportFormat
        var date: String
        var digest: String
        var entries: Int
    }

    /// Imports, writing `<out>/<id>.yaml` and `<out>/<id>.jsonl`. `warn` gets
    /// notes that do not stop the import; `progress` a sink for the bar.
    package func run(warn: (String) -> Void, progress: ((String) -> Void)?) throws(DiagnosticError) -> Summary {
        guard !options.snapshots.isEmpty else {
            throw DiagnosticError(.error(.importFormat, "no input file; expected at least one FILE", at: nil))
        }
        guard DocumentReaderIDs.isValid(options.id) else {
            throw DiagnosticError(
                .error(
                    .invalidID,
                    "list id `\(options.id)` is not a list id: expected lowercase letters, digits, `-`, `_` and `.`, beginning with a letter or digit",
                    at: nil))
        }
        if let bad = options.snapshots.first(where: { $0.invalidDate != nil }), let date = bad.invalidDate {
            throw DiagnosticError(
                .error(
                    .importFormat, "`\(date)` after `\(bad.path)@` is not a calendar date; expected YYYY-MM-DD", at: nil,
                    help: "the date the file was published, e.g. `\(bad.path)@2024-02-29`"))
        }
        let list = try officialList()
        let curated = try options.curatedDates.map { path throws(DiagnosticError) in try CuratedDates.read(path) }
        var total: Int64 = 0
        for snapshot in options.snapshots {
            for path in [snapshot.path] + (snapshot.format ?? options.format).companions(of: snapshot.path) {
                let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int64) ?? 0
                total += size
            }
        }
        let bar = progress.map { ImportProgress(totalBytes: total, sink: $0) }
        defer { bar?.finish() }

        let writer = try ListFileWriter(directory: options.outputDirectory, id: options.id)
        do {
            let read: [ReadSnapshot]
            if options.snapshots.count == 1 {
                read = [try streamOne(options.snapshots[0], into: writer, curated: curated, progress: bar, warn: warn)]
            } else {
                read = try fold(into: writer, curated: curated, progress: bar, warn: warn)
            }
            try writer.finish(header: header(read, list: list))
            if options.names == .weak && writer.count == 0 {
                warn("no entry has a weak alias, so the list `\(options.id)` is empty; `--names weak` keeps only the source's weak aliases")
            }
            return Summary(
                entries: writer.count, snapshots: read.map { ($0.date, $0.entries) },
                yamlPath: options.outputDirectory + "/\(options.id).yaml", jsonlPath: options.outputDirectory + "/\(options.id).jsonl")
        } catch {
            writer.abandon()
            throw error
        }
    }

    /// The official list every snapshot is a copy of; an error when they are
    /// copies of different ones (OFAC's CSV and XML are one list; OFAC's and
    /// the UN's are not).
    private func officialList() throws(DiagnosticError) -> OfficialList {
        let lists = options.snapshots.map { (snapshot: $0, list: OfficialList.of($0.path, format: $0.format ?? options.format)) }
        let first = lists[0]
        if let other = lists.first(where: { $0.list != first.list }) {
            func described(_ s: ImportOptions.Snapshot) -> String {
                "`\((s.path as NSString).lastPathComponent)` (\((s.format ?? options.format).rawValue))"
            }
            throw DiagnosticError(
                .error(
                    .importFormat,
                    "\(described(other.snapshot)) is a copy of \(other.list.name), but \(described(first.snapshot)) of \(first.list.name); expected every file to be a snapshot of one list",
                    at: nil, help: "import each official list on its own, with its own `--id`"))
        }
        return first.list
    }

    private func keeps(_ entry: ImportedEntry) -> Bool {
        guard let programs = options.programs else { return true }
        return entry.programs.contains { programs.contains($0) }
    }

    private func date(of snapshot: ImportOptions.Snapshot, fileDate: String?, warn: (String) -> Void) throws(DiagnosticError) -> String {
        let day = try givenOrOwnDate(of: snapshot, fileDate: fileDate, warn: warn)
        // A date after today is a typo (2042 for 2024), and would date the list and its entries from the future.
        let today = Self.today()
        if day > today { warn("\(snapshot.path): dated \(day), after today (\(today)); check the date") }
        return day
    }

    /// Today's date in UTC, `YYYY-MM-DD`.
    static func today() -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate]
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: Date())
    }

    private func givenOrOwnDate(of snapshot: ImportOptions.Snapshot, fileDate: String?, warn: (String) -> Void) throws(DiagnosticError) -> String {
        switch (snapshot.date, fileDate) {
        case (let given?, let own?):
            if given != own { warn("\(snapshot.path): the file says \(own); using the date given, \(given)") }
            return given
        case (let given?, nil): return given
        case (nil, let own?): return own
        case (nil, nil):
            throw DiagnosticError(
                .error(
                    .importFormat, "`\(snapshot.path)` does not say when it was published; expected a date after the path",
                    at: nil, help: "write the file as `\(snapshot.path)@YYYY-MM-DD`"))
        }
    }

    private func streamOne(
        _ snapshot: ImportOptions.Snapshot, into writer: ListFileWriter, curated: CuratedDates?, progress: ImportProgress?,
        warn: (String) -> Void
    ) throws(DiagnosticError) -> ReadSnapshot {
        // The date may come last (the UN's is on the root, OFAC's in a header
        // element): entries are dated by source or curated dates only, which
        // a single snapshot does not need its own date for.
        // Each entry id read so far, with where the source gives it.
        var seen: [String: SourceLocation] = [:]
        var count = 0
        var census = Census()
        // Curated dates are checked once the file's date is known.
        var datedByHand: [(id: String, applied: CuratedDates.Applied)] = []
        var known: [String: Set<String>] = [:]
        let format = snapshot.format ?? options.format
        let (fileDate, digest) = try format.read(snapshot.path, progress: progress, warn: warn) { read throws(DiagnosticError) in
            let entry = try read.validated()
            census.count(entry)
            if curated != nil { known[entry.id, default: []].formUnion(entry.programs) }
            guard keeps(entry) else { return }
            let location = entry.location ?? SourceLocation(file: snapshot.path, line: 1, column: 1)
            if let first = seen.updateValue(location, forKey: entry.id) {
                throw DiagnosticError(
                    .error(
                        .importFormat, "entry `\(entry.id)` appears twice; expected one entry per id", at: location,
                        help: "first at \(first.line):\(first.column)"))
            }
            let state = ListHistory.State(entry: entry, lastSeen: 0, firstSeen: 0)
            let dated = try ListHistory.dated(state, dates: [""], curated: curated, programs: options.programs, warn: warn)
            if let hand = dated.curated { datedByHand.append((entry.id, hand)) }
            try writer.write(dated, names: options.names)
            count += 1
        }
        try census.check(snapshot.path)
        try census.checkPrograms(options.programs)
        let day = try date(of: snapshot, fileDate: fileDate, warn: warn)
        try curated?.check(against: known)
        for (id, hand) in datedByHand { try CuratedDates.checkNotAfter(hand, id: id, firstListedIn: day) }
        return ReadSnapshot(path: snapshot.path, file: (snapshot.path as NSString).lastPathComponent, format: format, date: day, digest: digest, entries: count)
    }

    private func fold(
        into writer: ListFileWriter, curated: CuratedDates?, progress: ImportProgress?, warn: (String) -> Void
    ) throws(DiagnosticError) -> [ReadSnapshot] {
        // Each file is read once; its date may be known only at its end, so
        // entries are gathered per file and ordered by date afterwards.
        var perFile: [(snapshot: ReadSnapshot, entries: [ImportedEntry])] = []
        var all = Census()
        var known: [String: Set<String>] = [:]
        for snapshot in options.snapshots {
            var entries: [ImportedEntry] = []
            var census = Census()
            let format = snapshot.format ?? options.format
            let (fileDate, digest) = try format.read(snapshot.path, progress: progress, warn: warn) { entry in
                census.count(entry)
                if curated != nil { known[entry.id, default: []].formUnion(entry.programs) }
                if keeps(entry) { entries.append(entry) }
            }
            // An empty snapshot would read as every entry delisted on its date.
            try census.check(snapshot.path)
            all.programs.formUnion(census.programs)
            let day = try date(of: snapshot, fileDate: fileDate, warn: warn)
            perFile.append((ReadSnapshot(path: snapshot.path, file: (snapshot.path as NSString).lastPathComponent, format: format, date: day, digest: digest, entries: entries.count), entries))
        }
        try all.checkPrograms(options.programs)
        try curated?.check(against: known)
        perFile.sort { $0.snapshot.date < $1.snapshot.date }
        for (a, b) in zip(perFile, perFile.dropFirst()) where a.snapshot.date == b.snapshot.date {
            throw DiagnosticError(
                .error(
                    .importFormat, "`\(b.snapshot.path)` is dated \(b.snapshot.date), as `\(a.snapshot.path)` is; expected one snapshot per date",
                    at: SourceLocation(file: b.snapshot.path, line: 1, column: 1), help: "the same file given twice, or a wrong date after `@`?"))
        }
        try checkShrinking(perFile.map(\.snapshot), warn: warn)
        var history = ListHistory()
        for (snapshot, entries) in perFile {
            history.begin(date: snapshot.date)
            for entry in entries where !history.add(entry) {
                throw DiagnosticError(
                    .error(.importFormat, "entry `\(entry.id)` appears twice in `\(snapshot.file)`; expected one entry per id", at: nil))
            }
        }
        for dated in try history.entries(curated: curated, programs: options.programs, warn: warn) {
            try writer.write(dated, names: options.names)
        }
        return perFile.map(\.snapshot)
    }

    /// A later snapshot with far fewer entries than the one before it is
    /// most likely a cut-short or wrong file, and would delist the entries it
    /// lacks; lists do not lose half their entries between two publications.
    private func checkShrinking(_ snapshots: [ReadSnapshot], warn: (String) -> Void) throws(DiagnosticError) {
        for (before, after) in zip(snapshots, snapshots.dropFirst()) where after.entries * 2 < before.entries {
            let message =
                "`\(after.file)` (\(after.date)) gives the list \(after.entries) entries; the snapshot before it, `\(before.file)` (\(before.date)), gave \(before.entries)"
            if options.allowShrink {
                warn("\(after.path): \(message); accepted (--allow-shrink), the \(before.entries - after.entries) missing entries are delisted")
                continue
            }
            throw DiagnosticError(
                .error(
                    .importFormat, message + "; expected a later snapshot to keep at least half of them",
                    at: SourceLocation(file: after.path, line: 1, column: 1),
                    help: "a cut-short or wrong file? fetch it again; if the list really shrank so much, give `--allow-shrink`"))
        }
    }

    /// The YAML header: provenance, the dating rules and the snapshots.
    func header(_ snapshots: [ReadSnapshot], list: OfficialList) -> String {
        func quoted(_ text: String) -> String { JSON.string(text).compact() }
        var lines = [
            "# GENERATED by `gavel lists import` from the snapshots below; do not edit by hand.",
            "# Regenerate with Scripts/regenerate-lists (Policies/README.md, \"Lists\").",
        ]
        if let programs = options.programs {
            lines.append("# Entries: those with programme \(programs.sorted().joined(separator: " or ")).")
        }
        if options.names == .weak {
            lines.append("# Names: only the source's weak aliases, one entry `<id>-weak` per entry that has any.")
        }
        lines += [
            "# Dates: `listed_source: source` is the official file's own date; `curated`",
            "# a date from the table given to the importer, which cites each one;",
            "# `snapshot` the first snapshot the entry appears in (it was listed after",
            "# the snapshot before). `delisted` is the first snapshot an entry is absent",
            "# from after its last. An entry with no `listed` is known only from the",
            "# first snapshot on. An entry absent from snapshots between two that have",
            "# it stays in force in the gap; a name it had before stays as an alias",
            "# (and under `earlier_names`).",
            "kind: List",
            "id: \(options.id)",
        ]
        if let title = options.title { lines.append("title: \(quoted(title))") }
        if let description = options.description { lines.append("description: \(quoted(description))") }
        lines.append("authority: \(quoted(options.authority ?? list.authority))")
        lines.append("source: \(quoted(options.source ?? list.source))")
        if let latest = snapshots.last { lines.append("as_of: \(latest.date)") }
        lines.append("snapshots:")
        for s in snapshots {
            lines.append(
                "  - { date: \(s.date), format: \(s.format.rawValue), file: \(quoted(s.file)), digest: \"\(s.digest)\", entries: \(s.entries) }")
        }
        lines.append("entries_from: \(options.id).jsonl")
        return lines.joined(separator: "\n") + "\n"
    }
}

/// List ids as the loader accepts them.
enum DocumentReaderIDs {
    static func isValid(_ id: String) -> Bool {
        // A leading dot would name a hidden file (`..yaml`), and `.` or `..` a folder; a leading `-` a file
        // that reads as an option (`-.yaml`).
        !id.isEmpty && !id.hasPrefix(".") && !id.hasPrefix("-") && !id.hasPrefix("_") && id.utf8.allSatisfy { ($0 >= 97 && $0 <= 122) || ($0 >= 48 && $0 <= 57) || $0 == 45 || $0 == 95 || $0 == 46 }
    }
}

/// What a snapshot held before `--programs` chose from it: an official list
/// is never empty, and a programme no entry carries is a misspelling, so
/// either would otherwise import as an empty list (or, as a later
/// snapshot, delist every entry), and screening would find nothing.
private struct Census {
    var records = 0
    var programs: Set<String> = []

    mutating func count(_ entry: ImportedEntry) {
        records += 1
        programs.formUnion(entry.programs)
    }

    func check(_ path: String) throws(DiagnosticError) {
        guard records == 0 else { return }
        throw DiagnosticError(
            .error(
                .importFormat, "`\((path as NSString).lastPathComponent)` holds no entries; expected the list's records",
                at: SourceLocation(file: path, line: 1, column: 1), help: "an empty or cut-short download? fetch the file again"))
    }

    func checkPrograms(_ wanted: Set<String>?) throws(DiagnosticError) {
        guard let wanted else { return }
        let missing = wanted.subtracting(programs).sorted()
        guard let first = missing.first else { return }
        throw DiagnosticError(
            .error(
                .importFormat,
                "no entry carries programme `\(first)`\(missing.count > 1 ? " (nor \(missing.dropFirst().map { "`\($0)`" }.joined(separator: ", ")))" : ""); expected one of the programmes the files name",
                at: nil, help: DidYouMean.help(for: first, among: programs.sorted()) ?? "programmes in the files: \(programs.sorted().prefix(12).joined(separator: ", "))"))
    }
}
