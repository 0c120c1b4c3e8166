import Foundation
import Testing

@testable import GavelEngine
@testable import GavelSyntax

/// The reference manual in `docs/` is written from the implementation; these
/// tests make it fail when either drifts: every operator, form and command
/// is documented, every marked example loads (and every condition example
/// decides its cases as the page says), every field of a real record is
/// described, and every link stays inside the repository.
@Suite("Reference manual")
struct ManualTests {
    // MARK: vocabulary

    @Test("every operator and condition form has its own heading in docs/conditions.md")
    func operatorsAndForms() throws {
        let headings = try Manual.headings(Manual.page("conditions.md"))
        let words = OperatorName.allCases.map(\.rawValue) + ConditionForm.allCases.filter { $0 != .path }.map(\.rawValue)
        for word in words {
            #expect(headings.contains { $0.contains("`\(word)`") }, "docs/conditions.md has no heading for `\(word)`")
        }
        // `path` is the predicate form, documented under Paths and Shape.
        #expect(headings.contains("Paths"))
    }

    @Test("every operator and form has a condition example whose cases are checked")
    func everyOperatorHasAnExample() throws {
        var used = Set<String>()
        let examples = try Manual.examples(in: "conditions.md")
        for (index, example) in examples.enumerated() where example.kind == "condition" {
            guard index + 1 < examples.count, examples[index + 1].kind == "outcomes" else { continue }
            let bundle = try Manual.conditionBundle(example.text, examples: examples).compile().get()
            for rule in bundle.rules { Manual.words(in: rule.condition, into: &used) }
        }
        for word in OperatorName.allCases.map(\.rawValue) + ConditionForm.allCases.map(\.rawValue) {
            #expect(used.contains(word), "no checked example in docs/conditions.md uses `\(word)`")
        }
    }

    @Test("the legal-form words in docs/screening.md are the ones the normaliser drops")
    func legalForms() throws {
        let line = LegalForms.words.map { "`\($0)`" }.joined(separator: ", ")
        #expect(try Manual.page("screening.md").contains(line), "docs/screening.md should list exactly: \(line)")
    }

    @Test("the input limits in docs/files.md are the loader's")
    func limits() throws {
        let page = try Manual.page("files.md")
        let limits = LoadLimits.default
        for text in [
            "| \(limits.maxFileBytes >> 20) MiB |", "| \(limits.maxDepth) levels |", "| \(limits.maxScalarBytes >> 20) MiB (UTF-8 bytes) |",
            "| \(Manual.grouped(limits.maxNodes)) |",
        ] {
            #expect(page.contains(text), "docs/files.md does not give the limit `\(text)`")
        }
    }

    // MARK: command line

    @Test("every command and every flag of `gavel` is documented in docs/cli.md")
    func commandsAndFlags() throws {
        let page = try Manual.page("cli.md")
        let commands = try Manual.commands()
        #expect(commands.count >= 6, "expected the commands registered in Sources/gavel, found \(commands.map(\.name))")
        let registered = try Manual.registeredCommandTypes()
        #expect(Set(registered) == Set(commands.map(\.type)), "GavelCommand's subcommands and Commands/*.swift disagree")
        for command in commands {
            guard let section = Manual.section(of: page, heading: "## `gavel \(command.name)`") else {
                Issue.record("docs/cli.md has no section `## \\`gavel \(command.name)\\``")
                continue
            }
            for flag in command.flags {
                #expect(section.contains("`--\(flag)"), "docs/cli.md does not document `gavel \(command.name) --\(flag)`")
            }
        }
    }

    // MARK: examples

    @Test("every example marked in docs/ loads, and every condition decides its cases as the page says", arguments: Manual.pages)
    func examples(page: String) throws {
        let examples = try Manual.examples(in: page)
        let trivialPolicy = "kind: Policy\nid: manual-support\nrules: []\n"
        var condition: CompiledBundle?
        for (index, example) in examples.enumerated() {
            let place = "docs/\(page):\(example.line)"
            switch example.kind {
            case "bundle", "schema":
                let file = example.kind == "bundle" ? "bundle.yaml" : "schema.yaml"
                let bundle = try TemporaryBundle([file: example.text, "policy.yaml": trivialPolicy])
                #expect(bundle.problems().isEmpty, "\(place): \(bundle.problems())")
            case "policy", "list":
                var files = Manual.supportFiles(examples)
                if example.kind == "list" {
                    // The page's lists include this one: load it on its own, beside the files it may name.
                    files["list-\(index)-example.yaml"] = nil
                    files["policy.yaml"] = trivialPolicy
                }
                files["example-\(example.kind).yaml"] = example.text
                let bundle = try TemporaryBundle(files)
                #expect(bundle.problems().isEmpty, "\(place): \(bundle.problems())")
            case "case":
                let file = example.fence == "json" ? "example.json" : "example.yaml"
                let cases = CaseLoader.cases(in: Array(example.text.utf8), file: file)
                #expect(!cases.isEmpty && cases.allSatisfy { (try? $0.get()) != nil }, "\(place): \(cases)")
            case "file":
                break
            case "condition":
                let bundle = try Manual.conditionBundle(example.text, examples: examples)
                let problems = bundle.problems()
                #expect(problems.isEmpty, "\(place): \(problems)")
                condition = try? bundle.compile().get()
            case "rejected-condition":
                let problems = try Manual.conditionBundle(example.text, examples: examples).problems()
                #expect(
                    problems.contains { $0.contains("error[\(example.argument)]") },
                    "\(place): expected the compiler to refuse this with `\(example.argument)`, got \(problems)")
            case "outcomes":
                guard index > 0, examples[index - 1].kind == "condition", let bundle = condition else {
                    Issue.record("\(place): outcomes must follow a condition example that compiles")
                    continue
                }
                try Manual.checkOutcomes(example, bundle: bundle, place: place)
            case "record":
                try Manual.checkRecord(example, place: place)
            case "normalise", "identifiers", "scores", "evasion", "domains":
                try Manual.checkScreeningTable(example, place: place)
            default:
                Issue.record("\(place): unknown example kind `\(example.kind)`")
            }
        }
    }

    @Test("every key of a decision record is described in docs/record.md")
    func recordFields() throws {
        let page = try Manual.page("record.md")
        var keys = Set<String>()
        let bundle = try BundleLoader.load(directory: Repository.policies).get()
        let evaluator = Evaluator(bundle: bundle)
        for result in CaseLoader.load([Repository.cases], schema: bundle.schema) {
            let record = try result.get()
            for level in TraceLevel.allCases {
                let decision = evaluator.evaluate(record, options: .init(fallbackAsOf: try #require(Instant.parse("2024-01-01")), trace: level))
                let text = DecisionRecord.text(decision, bundle: bundle, pretty: false)
                Manual.keys(of: try JSONSerialization.jsonObject(with: Data(text.utf8)), into: &keys)
            }
        }
        #expect(keys.count > 30, "expected the shipped cases to exercise most record fields, found \(keys.sorted())")
        for key in keys.sorted() {
            #expect(page.contains("`\(key)`"), "docs/record.md does not describe the record field `\(key)`")
        }
    }

    // MARK: links

    @Test("every relative link in the README files and docs/ resolves to a file inside the repository")
    func links() throws {
        let root = Repository.root.standardizedFileURL.path
        var checked = 0
        for document in Manual.linkedDocuments() {
            let text = try String(contentsOf: document, encoding: .utf8)
            let name = String(document.path.dropFirst(root.count + 1))
            #expect(!text.contains("/work/") && !text.contains("../shared"), "\(name) names a path outside the repository")
            for link in Manual.links(in: text) {
                checked += 1
                let target = link.target
                if target.hasPrefix("https://") || target.hasPrefix("http://") || target.hasPrefix("mailto:") { continue }
                #expect(!target.hasPrefix("/") && !target.contains("://") && !target.hasPrefix("file:"), "\(name):\(link.line): `\(target)` is not a relative link")
                let parts = target.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
                let file = parts[0].isEmpty
                    ? document : document.deletingLastPathComponent().appendingPathComponent(parts[0]).standardizedFileURL
                guard file.path == root || file.path.hasPrefix(root + "/") else {
                    Issue.record("\(name):\(link.line): `\(target)` leads outside the repository")
                    continue
                }
                guard FileManager.default.fileExists(atPath: file.path) else {
                    Issue.record("\(name):\(link.line): `\(target)` does not exist")
                    continue
                }
                if parts.count == 2, file.pathExtension == "md" {
                    let anchors = Manual.anchors(try String(contentsOf: file, encoding: .utf8))
                    #expect(anchors.contains(parts[1]), "\(name):\(link.line): `\(target)`: no heading with the anchor `#\(parts[1])`")
                }
            }
        }
        #expect(checked > 50, "expected the manual's many links to be checked, found \(checked)")
    }

    @Test("the README links the manual near the top")
    func readmeLinksManual() throws {
        let readme = try String(contentsOf: Repository.root.appendingPathComponent("README.md"), encoding: .utf8)
        let top = readme.split(separator: "\n", omittingEmptySubsequences: false).prefix(25).joined(separator: "\n")
        #expect(top.contains("](docs/README.md)"))
    }
}

/// Reading the manual: its pages, their headings, links and marked examples.
enum Manual {
    static let docs = Repository.root.appendingPathComponent("docs")

    /// Every page of the manual; `lint-rules.md` is generated and tested on its own.
    static let pages: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: docs.path)) ?? []
        return names.filter { $0.hasSuffix(".md") && $0 != "lint-rules.md" }.sorted()
    }()

    static func page(_ name: String) throws -> String {
        try String(contentsOf: docs.appendingPathComponent(name), encoding: .utf8)
    }

    /// The Markdown files whose links must stay inside the repository.
    static func linkedDocuments() -> [URL] {
        let root = Repository.root
        let docs = ((try? FileManager.default.contentsOfDirectory(atPath: self.docs.path)) ?? [])
            .filter { $0.hasSuffix(".md") }.sorted().map { self.docs.appendingPathComponent($0) }
        return [root.appendingPathComponent("README.md"), root.appendingPathComponent("Cases/README.md"),
            root.appendingPathComponent("Policies/README.md")] + docs
    }

    // MARK: headings and anchors

    /// Heading texts, outside fenced code.
    static func headings(_ text: String) -> [String] {
        var out: [String] = []
        var fenced = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("```") { fenced.toggle() }
            guard !fenced, line.hasPrefix("#") else { continue }
            out.append(String(line.drop { $0 == "#" }.drop { $0 == " " }))
        }
        return out
    }

    /// The anchors GitHub gives a page's headings: lowercased, everything but
    /// letters, marks, digits, `_`, `-` and spaces removed, spaces as hyphens,
    /// `-1`, `-2` … for repeats.
    static func anchors(_ text: String) -> Set<String> {
        var seen: [String: Int] = [:]
        var out = Set<String>()
        for heading in headings(text) {
            var slug = ""
            for scalar in heading.lowercased().unicodeScalars {
                switch scalar.properties.generalCategory {
                case .lowercaseLetter, .uppercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
                    .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .letterNumber, .otherNumber,
                    .connectorPunctuation:
                    slug.unicodeScalars.append(scalar)
                default:
                    if scalar == " " { slug += "-" } else if scalar == "-" { slug += "-" }
                }
            }
            let count = seen[slug, default: 0]
            seen[slug] = count + 1
            out.insert(count == 0 ? slug : "\(slug)-\(count)")
        }
        return out
    }

    /// The text from `heading` up to the next heading of the same level.
    static func section(of page: String, heading: String) -> String? {
        let lines = page.split(separator: "\n", omittingEmptySubsequences: false)
        guard let start = lines.firstIndex(where: { $0 == heading }) else { return nil }
        let level = heading.prefix { $0 == "#" }
        let rest = lines[(start + 1)...]
        let end = rest.firstIndex { $0.hasPrefix(level + " ") } ?? lines.endIndex
        return lines[start..<end].joined(separator: "\n")
    }

    // MARK: links

    struct Link {
        var target: String
        var line: Int
    }

    /// Inline links `[text](target)` and reference definitions `[x]: target`, outside fenced code and code spans.
    static func links(in text: String) -> [Link] {
        var out: [Link] = []
        var fenced = false
        for (number, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if rawLine.hasPrefix("```") {
                fenced.toggle()
                continue
            }
            guard !fenced else { continue }
            // Code spans may show link syntax without being links.
            var line = ""
            var inCode = false
            for ch in rawLine {
                if ch == "`" { inCode.toggle() } else if !inCode { line.append(ch) }
            }
            if line.hasPrefix("["), let close = line.range(of: "]: ") {
                let target = line[close.upperBound...].split(separator: " ").first.map(String.init) ?? ""
                out.append(Link(target: target, line: number + 1))
            }
            var rest = Substring(line)
            while let open = rest.range(of: "](") {
                let after = rest[open.upperBound...]
                guard let close = after.firstIndex(of: ")") else { break }
                let target = after[..<close].split(separator: " ").first.map(String.init) ?? ""
                out.append(Link(target: target, line: number + 1))
                rest = after[after.index(after: close)...]
            }
        }
        return out
    }

    // MARK: examples

    struct Example {
        var kind: String
        var argument: String
        var fence: String
        var text: String
        var line: Int
    }

    /// Fenced blocks preceded by `<!-- example: KIND [ARGUMENT] -->`.
    static func examples(in page: String) throws -> [Example] {
        let lines = try self.page(page).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var out: [Example] = []
        var index = 0
        while index < lines.count {
            let line = lines[index].trimmingCharacters(in: .whitespaces)
            index += 1
            guard line.hasPrefix("<!-- example:"), line.hasSuffix("-->") else { continue }
            let words = line.dropFirst("<!-- example:".count).dropLast(3).split(separator: " ").map(String.init)
            guard let kind = words.first else { continue }
            while index < lines.count, lines[index].trimmingCharacters(in: .whitespaces).isEmpty { index += 1 }
            guard index < lines.count, lines[index].hasPrefix("```") else {
                Issue.record("docs/\(page):\(index): `<!-- example: \(kind) -->` is not followed by a fenced block")
                continue
            }
            let fence = String(lines[index].dropFirst(3))
            let start = index + 1
            var end = start
            while end < lines.count, !lines[end].hasPrefix("```") { end += 1 }
            out.append(
                Example(
                    kind: kind, argument: words.dropFirst().joined(separator: " "), fence: fence,
                    text: lines[start..<end].joined(separator: "\n") + "\n", line: start))
            index = end + 1
        }
        return out
    }

    /// The page's lists (`list-N-….yaml`) and files (`<!-- example: file NAME -->`), for examples that need them.
    static func supportFiles(_ examples: [Example]) -> [String: String] {
        var files: [String: String] = [:]
        for (index, example) in examples.enumerated() {
            if example.kind == "list" { files["list-\(index)-example.yaml"] = example.text }
            if example.kind == "file" { files[example.argument] = example.text }
        }
        return files
    }

    /// A bundle with one rule, `example`, whose `when:` is `condition`, beside the page's lists.
    static func conditionBundle(_ condition: String, examples: [Example]) throws -> TemporaryBundle {
        let indented = condition.split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty ? "" : "      " + $0 }
        var files = supportFiles(examples)
        files["policy.yaml"] = """
            kind: Policy
            id: manual
            rules:
              - id: example
                title: The example
                decision: terminate
                when:
            \(indented.joined(separator: "\n"))
            """
        return try TemporaryBundle(files)
    }

    /// Each item of an outcomes block: `case:` (case data), `as_of:` (default
    /// 2024-01-01), `holds:`, `note:` (the one note the trace carries; none
    /// when absent), and for screens the best match's `method:` and `score:`.
    static func checkOutcomes(_ example: Example, bundle: CompiledBundle, place: String) throws {
        let stream = YAMLComposer.compose(Array(example.text.utf8), file: place)
        guard let root = stream.documents.first, let items = root.sequenceItems, stream.errors.isEmpty else {
            Issue.record("\(place): outcomes must be a YAML list: \(stream.errors)")
            return
        }
        let evaluator = Evaluator(bundle: bundle)
        for item in items {
            guard let entries = item.mappingEntries, let data = entries.first(where: { $0.key == "case" })?.value,
                case .bool(let holds)? = entries.first(where: { $0.key == "holds" })?.value.scalar?.value
            else {
                Issue.record("\(item.location): an outcome needs `case:` and `holds:`")
                continue
            }
            func text(_ key: String) -> String? { entries.first { $0.key == key }?.value.scalar?.text }
            let allowed: Set<String> = ["case", "holds", "note", "as_of", "method", "score"]
            #expect(entries.allSatisfy { allowed.contains($0.key) }, "\(item.location): outcome keys are \(allowed.sorted())")
            guard let asOf = Instant.parse(text("as_of") ?? "2024-01-01") else {
                Issue.record("\(item.location): bad as_of")
                continue
            }
            let record = CaseRecord(id: "example", asOf: asOf, data: Value(data), document: Value(data), expect: nil, location: data.location)
            let decision = evaluator.evaluate(record, options: .init(fallbackAsOf: asOf, trace: .full))
            guard let outcome = decision.rules.first(where: { $0.rule.id == "example" }), let trace = outcome.trace else {
                Issue.record("\(item.location): the example rule was not traced")
                continue
            }
            #expect((outcome.status == .matched) == holds, "\(item.location): expected holds: \(holds), got \(outcome.status)")
            let notes = Set(trace.problems.compactMap(\.note?.rawValue))
            #expect(notes == Set([text("note")].compactMap { $0 }), "\(item.location): expected note \(text("note") ?? "none"), got \(notes.sorted())")
            if text("method") != nil || text("score") != nil {
                let best = decision.matches.min(by: ScreenMatch.preferred)
                #expect(best?.method.rawValue == text("method"), "\(item.location): best match \(String(describing: best))")
                #expect(best.map { JSON.format($0.score) } == text("score"), "\(item.location): best match \(String(describing: best))")
            }
        }
    }

    /// A YAML list of mappings, each checked against the screening code:
    /// `normalise` ({name, normalised}), `identifiers` ({kind, value,
    /// normalised}) and `scores` ({query, name, score}: the rounded name score
    /// of the two normalised names).
    static func checkScreeningTable(_ example: Example, place: String) throws {
        let stream = YAMLComposer.compose(Array(example.text.utf8), file: place)
        guard let items = stream.documents.first?.sequenceItems, stream.errors.isEmpty else {
            Issue.record("\(place): expected a YAML list: \(stream.errors)")
            return
        }
        #expect(!items.isEmpty)
        for item in items {
            var fields: [String: String] = [:]
            for entry in item.mappingEntries ?? [] { fields[entry.key] = entry.value.scalar?.text }
            switch example.kind {
            case "normalise":
                let name = fields["name"] ?? ""
                #expect(NameNormalizer.normalize(name) == fields["normalised"], "\(item.location): `\(name)` normalises to `\(NameNormalizer.normalize(name))`")
            case "identifiers":
                let value = fields["value"] ?? ""
                let normalised = IdentifierNormalizer.normalize(value, kind: fields["kind"] ?? "")
                #expect(normalised == fields["normalised"], "\(item.location): `\(value)` normalises to `\(normalised)`")
            case "evasion":
                // {query, name, method, reading, score}: the scorer's best hit on an entry of that one name.
                let query = fields["query"] ?? ""
                let entry = ScreeningEntry(ListEntry(
                    id: "e", name: fields["name"] ?? "", aliases: [], type: .organization, listed: nil, delisted: nil,
                    identifiers: [], programs: [], location: item.location))
                let hit = NameScorer.best(NameForms.query(query, normalized: NameNormalizer.normalize(query)), entry, floor: 0)
                let got = "\(hit.method.rawValue) \(hit.reading.rawValue) \(JSON.format(hit.score))"
                #expect(got == "\(fields["method"] ?? "") \(fields["reading"] ?? "") \(fields["score"] ?? "")", "\(item.location): `\(query)` gives \(got)")
            case "domains":
                // {value, listed, method, score, matched_suffix}: method `none` means no hit.
                let entry = ScreeningEntry(ListEntry(
                    id: "e", name: "E", aliases: [], type: .organization, listed: nil, delisted: nil,
                    identifiers: [(kind: "domain", values: [fields["listed"] ?? ""])], programs: [], location: item.location))
                let hit = IdentifierMatcher.match(IdentifierMatcher.Prepared(kind: "domain", text: fields["value"] ?? ""), entry)
                // {…, reading}: checked when the example gives one.
                let reading = fields["reading"]
                let got = hit.map {
                    "\($0.method.rawValue) \(JSON.format($0.score)) \($0.suffix ?? "-")" + (reading == nil ? "" : " \($0.reading?.rawValue ?? "-")")
                } ?? "none"
                let want = fields["method"] == "none"
                    ? "none" : "\(fields["method"] ?? "") \(fields["score"] ?? "") \(fields["matched_suffix"] ?? "-")" + (reading.map { " \($0)" } ?? "")
                #expect(got == want, "\(item.location): `\(fields["value"] ?? "")` gives \(got)")
            default:
                let score = Screener.rounded(
                    JaroWinkler.nameScore(NameNormalizer.normalize(fields["query"] ?? ""), NameNormalizer.normalize(fields["name"] ?? "")))
                #expect(fields["score"].flatMap(Double.init) == score, "\(item.location): the score is \(score)")
            }
        }
    }

    /// `<!-- example: record CASE-FILE [N] -->`: the JSON block has exactly the
    /// keys, at the same places, of the record `gavel evaluate --format json`
    /// writes for the N-th case of that file (default the first).
    static func checkRecord(_ example: Example, place: String) throws {
        let words = example.argument.split(separator: " ").map(String.init)
        guard let file = words.first else {
            Issue.record("\(place): a record example names its case file")
            return
        }
        let index = words.count > 1 ? Int(words[1]) ?? 0 : 0
        let bundle = try BundleLoader.load(directory: Repository.policies).get()
        let bytes = try [UInt8](Data(contentsOf: Repository.root.appendingPathComponent(file)))
        let record = try CaseLoader.cases(in: bytes, file: file, bundle: bundle)[index].get()
        let decision = Evaluator(bundle: bundle).evaluate(record, options: .init(fallbackAsOf: try #require(Instant.parse("2024-01-01"))))
        let actual = try JSONSerialization.jsonObject(with: Data(DecisionRecord.text(decision, bundle: bundle, pretty: true).utf8))
        let shown = try JSONSerialization.jsonObject(with: Data(example.text.utf8))
        var actualPaths = Set<String>()
        var shownPaths = Set<String>()
        keyPaths(actual, "", into: &actualPaths)
        keyPaths(shown, "", into: &shownPaths)
        #expect(shownPaths == actualPaths, "\(place): missing \(actualPaths.subtracting(shownPaths).sorted()); extra \(shownPaths.subtracting(actualPaths).sorted())")
    }

    /// `a.b[].c` for every key, below arrays too.
    static func keyPaths(_ json: Any, _ prefix: String, into paths: inout Set<String>) {
        if let object = json as? [String: Any] {
            for (key, value) in object {
                let path = prefix.isEmpty ? key : prefix + "." + key
                paths.insert(path)
                keyPaths(value, path, into: &paths)
            }
        } else if let array = json as? [Any] {
            for item in array { keyPaths(item, prefix + "[]", into: &paths) }
        }
    }

    /// Record keys, not descending into case data (`expected`, `actual`).
    static func keys(of json: Any, into keys: inout Set<String>) {
        if let object = json as? [String: Any] {
            for (key, value) in object {
                keys.insert(key)
                if key == "actual", let count = value as? [String: Any], count["matching"] != nil {
                    keys.formUnion(count.keys)
                } else if key != "expected" && key != "actual" {
                    Self.keys(of: value, into: &keys)
                }
            }
        } else if let array = json as? [Any] {
            for item in array { Self.keys(of: item, into: &keys) }
        }
    }

    /// The operator and form words a compiled condition uses.
    static func words(in condition: CompiledCondition, into words: inout Set<String>) {
        switch condition {
        case .all(let items, _):
            words.insert("all")
            for item in items { self.words(in: item, into: &words) }
        case .any(let items, _):
            words.insert("any")
            for item in items { self.words(in: item, into: &words) }
        case .not(let inner, _):
            words.insert("not")
            self.words(in: inner, into: &words)
        case .predicate(let p):
            words.insert("path")
            words.insert(p.op.name.rawValue)
        case .quantifier(let q):
            words.insert(q.form.rawValue)
            if case .count(.equals, _) = q.kind {} else if case .count(let c, _) = q.kind { words.insert(c.rawValue) }
            self.words(in: q.condition, into: &words)
        case .screen:
            words.insert("screen")
        }
    }

    // MARK: commands

    struct Command {
        var type: String
        var name: String
        var flags: [String]
    }

    static let commandSources = Repository.root.appendingPathComponent("Sources/gavel")

    /// The subcommand types `GavelCommand` registers.
    static func registeredCommandTypes() throws -> [String] {
        let text = try String(contentsOf: commandSources.appendingPathComponent("GavelCommand.swift"), encoding: .utf8)
        guard let start = text.range(of: "subcommands: [") else { return [] }
        let list = text[start.upperBound...].prefix { $0 != "]" }
        return list.split(separator: ",").map { $0.trimmingCharacters(in: .whitespacesAndNewlines).replacingOccurrences(of: ".self", with: "") }
            .filter { !$0.isEmpty }
    }

    /// Every `ParsableCommand` in `Sources/gavel/Commands/`, with its
    /// `commandName:` and the long names of its options and flags (ArgumentParser
    /// writes `fooBar` as `--foo-bar` unless `.customLong` says otherwise).
    static func commands() throws -> [Command] {
        let folder = commandSources.appendingPathComponent("Commands")
        var out: [Command] = []
        for file in try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() where file.hasSuffix(".swift") {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            guard let typeStart = text.range(of: "struct "),
                let nameStart = text.range(of: "commandName: \"")
            else { continue }
            let type = String(text[typeStart.upperBound...].prefix { $0.isLetter || $0.isNumber })
            let name = String(text[nameStart.upperBound...].prefix { $0 != "\"" })
            var flags: [String] = []
            var rest = text[...]
            while let attribute = rest.range(of: #"@(Option|Flag)\b"#, options: .regularExpression) {
                guard let variable = rest[attribute.upperBound...].range(of: "var ") else { break }
                let between = rest[attribute.upperBound..<variable.lowerBound]
                let property = String(rest[variable.upperBound...].prefix { $0.isLetter || $0.isNumber })
                if let custom = between.range(of: ".customLong(\"") {
                    flags.append(String(between[custom.upperBound...].prefix { $0 != "\"" }))
                } else {
                    flags.append(kebab(property))
                }
                rest = rest[variable.upperBound...]
            }
            out.append(Command(type: type, name: name, flags: flags))
        }
        return out
    }

    /// `1,000,000`.
    static func grouped(_ number: Int) -> String {
        var digits = Array(String(number))
        var out = ""
        while digits.count > 3 {
            out = "," + String(digits.suffix(3)) + out
            digits.removeLast(3)
        }
        return String(digits) + out
    }

    static func kebab(_ camel: String) -> String {
        var out = ""
        for ch in camel {
            if ch.isUppercase {
                out += "-" + ch.lowercased()
            } else {
                out.append(ch)
            }
        }
        return out
    }
}
