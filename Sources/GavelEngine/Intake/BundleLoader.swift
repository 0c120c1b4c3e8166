import Foundation
import GavelSyntax

/// Loads a policy directory (SPEC §1.1): every `*.yaml`/`*.yml` below it plus
/// the files `entries_from` names, nothing outside it, then compiles it.
public enum BundleLoader {
    public static func load(directory: String, limits: LoadLimits = .default) -> Result<CompiledBundle, DiagnosticError> {
        load(directory: directory, limits: limits, screeningCache: nil)
    }

    /// The same, with each list's screening index read from `screeningCache`
    /// (or built and written there); without a cache they are built in memory.
    package static func load(
        directory: String, limits: LoadLimits = .default, screeningCache: ScreeningIndexCache?
    ) -> Result<CompiledBundle, DiagnosticError> {
        let analysis = analyze(directory: directory, limits: limits)
        // Any error refuses the bundle; a warning alone does not.
        guard !analysis.diagnostics.contains(where: { $0.severity == .error }), var compiled = analysis.compiled else {
            return .failure(DiagnosticError(analysis.diagnostics))
        }
        compiled.lists = compiled.lists.map { list in screeningCache.map { $0.indexed(list).0 } ?? list.indexed() }
        return .success(compiled)
    }

    /// Everything that could be read and compiled, with every problem found:
    /// what `lint` works on, since it must report all of them and keep going.
    package static func analyze(directory: String, limits: LoadLimits = .default) -> BundleAnalysis {
        let (documents, readProblems) = read(directory: directory, limits: limits)
        guard let documents else { return BundleAnalysis(documents: nil, compiled: nil, diagnostics: readProblems) }
        let (compiled, compileProblems) = BundleCompiler.compile(documents)
        return BundleAnalysis(documents: documents, compiled: compiled, diagnostics: (readProblems + compileProblems).sorted())
    }

    /// Reads and parses every file; returns what could be read (nil only when
    /// the directory itself cannot be) and every problem found.
    static func read(directory: String, limits: LoadLimits = .default) -> (BundleDocuments?, [Diagnostic]) {
        let root = directory.count > 1 && directory.hasSuffix("/") ? String(directory.dropLast()) : directory
        guard FileAccess.isDirectory(root), let realRoot = FileAccess.realPath(root) else {
            return (
                nil,
                [
                    .error(
                        .unreadableFile,
                        FileManager.default.fileExists(atPath: root)
                            ? "policy directory `\(root)` is a file, not a directory" : "policy directory `\(root)` does not exist",
                        at: nil, help: "pass --policies DIR, or run from a folder that has ./Policies")
                ]
            )
        }
        var diagnostics: [Diagnostic] = []
        var files: [BundleFile] = []
        var manifest: BundleManifest?
        var policies: [Policy] = []
        var lists: [DesignationList] = []
        var schema: CaseSchema?
        var contents = BundleContents()

        let listing = FileAccess.listing(under: root, extensions: [".yaml", ".yml"])
        for relative in listing.unfollowed {
            diagnostics.append(FileAccess.unfollowedProblem(relative, under: root, linkCode: .pathOutsideBundle))
            contents.unsure = true
        }
        for relative in listing.files {
            let display = root + "/" + relative
            guard let real = FileAccess.realPath(display), real.hasPrefix(realRoot + "/") else {
                diagnostics.append(
                    .error(
                        .pathOutsideBundle, "`\(relative)` is a link to a file outside the policy directory",
                        at: SourceLocation(file: display, line: 1, column: 1),
                        help: "copy the file into the bundle instead of linking to it"))
                continue
            }
            let bytes: [UInt8]
            switch FileAccess.read(display, display: display, limit: limits.maxFileBytes) {
            case .failure(let d):
                diagnostics.append(d)
                contents.unsure = true
                continue
            case .success(let b): bytes = b
            }
            files.append(BundleFile(path: relative, digest: Digest.sha256(bytes), bytes: bytes))
            let stream = YAMLComposer.compose(bytes, file: display, limits: limits)
            diagnostics += stream.errors
            if !stream.errors.isEmpty { contents.unsure = true }
            if stream.errors.isEmpty, stream.documents.isEmpty, stream.salvaged.isEmpty {
                // A file emptied or cut to its comments by a bad copy took its rules with it, silently.
                diagnostics.append(
                    .error(
                        .emptyFile, "`\(relative)` holds no document; expected a `kind: Policy`, `List`, `Schema` or `Bundle` document",
                        at: SourceLocation(file: display, line: 1, column: 1),
                        help: "an empty or comments-only file in a policy directory is most often a truncated copy: restore it, or delete it"))
                contents.unsure = true
            }
            // Salvaged documents are still read, so every other problem in them is
            // reported too; the bundle is refused anyway for what spoiled them.
            for document in stream.documents + stream.salvaged {
                var reader = DocumentReader()
                defer { diagnostics += reader.diagnostics }
                let kind = DocumentKind.of(document, reader: &reader)
                contents.saw(kind, at: document.location)
                switch kind {
                case .bundle?:
                    if relative != "bundle.yaml" && relative != "bundle.yml" {
                        reader.error(
                            .misplacedBundle, "`kind: Bundle` belongs in bundle.yaml at the root of the policy directory",
                            at: document.location)
                    } else if manifest != nil {
                        reader.error(.duplicateID, "the bundle is declared twice", at: document.location)
                    } else {
                        manifest = reader.readBundleManifest(document)
                    }
                case .policy?:
                    if let policy = reader.readPolicy(document) { policies.append(policy) }
                case .list?:
                    guard let (parsedList, entriesFrom) = reader.readList(document, digest: Digest.sha256(bytes)) else { continue }
                    var list = parsedList
                    if let (path, location) = entriesFrom {
                        let base = FileAccess.parent(of: display)
                        let baseRelative = FileAccess.parent(of: relative)
                        guard let extra = readEntries(
                            path, base: base, baseRelative: baseRelative, root: root, at: location, limits: limits,
                            diagnostics: &reader.diagnostics)
                        else {
                            // Still a list of the bundle, so that each rule naming it is not one more
                            // `unknown list` error; the reason it has no entries is reported above.
                            lists.append(list)
                            continue
                        }
                        files.append(extra.file)
                        list.entries += extra.entries
                        list.digest = Digest.sha256(bytes + extra.file.bytes)
                    }
                    lists.append(list)
                case .schema?:
                    if let earlier = schema {
                        reader.error(.duplicateID, "a bundle has at most one Schema; another is at \(earlier.location)", at: document.location)
                    } else {
                        schema = reader.readSchema(document)
                    }
                case .case?:
                    reader.error(
                        .misplacedCase, "case files do not belong in a policy directory", at: document.location,
                        help: "keep cases in their own folder, e.g. Cases/")
                case nil:
                    break
                }
            }
        }
        if let problem = contents.emptyBundleProblem(root: root) { diagnostics.append(problem) }
        let name = (realRoot as NSString).lastPathComponent
        let documents = BundleDocuments(
            manifest: manifest ?? .implicit(id: name), policies: policies, lists: lists, schema: schema,
            files: files, digest: digest(of: files), root: root)
        return (documents, diagnostics)
    }

    /// SPEC §1.1: one line `<relative path>\t<sha256 hex>\n` per file, sorted
    /// by path, hashed. Independent of the order files were found in.
    static func digest(of files: [BundleFile]) -> String {
        let lines = files.sorted { Array($0.path.utf8).lexicographicallyPrecedes(Array($1.path.utf8)) }
            .map { "\($0.path)\t\($0.digest.dropFirst("sha256:".count))\n" }
        return Digest.sha256(lines.joined())
    }

    private static func readEntries(
        _ path: String, base: String, baseRelative: String, root: String, at location: SourceLocation,
        limits: LoadLimits, diagnostics: inout [Diagnostic]
    ) -> (file: BundleFile, entries: [ListEntry])? {
        if path.hasPrefix("/") || path.split(separator: "/").contains("..") {
            diagnostics.append(
                .error(
                    .pathOutsideBundle, "`entries_from: \(path)` leaves the policy directory", at: location,
                    help: "name a file inside the bundle, relative to this list file, without `..`"))
            return nil
        }
        let display = base + "/" + path
        guard FileAccess.realPath(display) != nil else {
            diagnostics.append(.error(.unreadableFile, "`entries_from` file `\(path)` does not exist", at: location))
            return nil
        }
        guard FileAccess.confined(path, base: base, root: root) != nil else {
            diagnostics.append(
                .error(.pathOutsideBundle, "`entries_from: \(path)` links to a file outside the policy directory", at: location))
            return nil
        }
        // A folder has no lines, and a named pipe with no writer would block the load for good.
        guard FileAccess.isRegularFile(display) else {
            diagnostics.append(
                .error(
                    .unreadableFile, "`entries_from: \(path)` is not a regular file", at: location,
                    help: "name the list's JSON Lines file, e.g. `entries_from: us-sdgt.jsonl`"))
            return nil
        }
        let bytes: [UInt8]
        switch FileAccess.read(display, display: display, limit: limits.maxFileBytes) {
        case .failure(let d):
            diagnostics.append(d)
            return nil
        case .success(let b): bytes = b
        }
        // Lines stand alone, so they are read on every core (a list can hold
        // a million names); entries and problems are gathered in line order.
        let lines = bytes.withUnsafeBufferPointer { JSONLines.lines($0) }
        let read = Concurrently.map(lines.count, chunk: 256) { index -> (entry: ListEntry?, problems: [Diagnostic]) in
            let line = lines[index]
            let document = bytes.withUnsafeBufferPointer { buffer in
                JSONLines.document(UnsafeBufferPointer(rebasing: buffer[line.bytes]), file: display, lineNumber: line.number, limits: limits)
            }
            switch document {
            case .failure(let problem): return (nil, [problem])
            case .success(let node):
                var reader = DocumentReader()
                let entry = reader.readListEntry(node)
                return (entry, reader.diagnostics)
            }
        }
        var entries: [ListEntry] = []
        entries.reserveCapacity(read.count)
        for (entry, problems) in read {
            if let entry { entries.append(entry) }
            diagnostics += problems
        }
        let relative = baseRelative.isEmpty ? path : baseRelative + "/" + path
        return (BundleFile(path: relative, digest: Digest.sha256(bytes), bytes: bytes), entries)
    }
}
