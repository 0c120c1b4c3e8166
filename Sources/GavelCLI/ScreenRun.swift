import Foundation
import GavelEngine
import GavelSyntax

/// `gavel screen NAME…` as a library call (SPEC §4): for each name, its
/// normalised forms and the entries of the bundle's lists it comes closest
/// to — those at or above the bundle's `min_score`, then the best near
/// misses below it — with method, score, the plain Jaro–Winkler scores
/// on the whole names and on their sorted tokens, and what the analyst's
/// identifying details (`--detail KEY=VALUE`) say against each entry's;
/// for each `--domain`, how it is read and the entries whose domains it meets.
public struct ScreenRun: Sendable {
    public enum Format: String, Sendable, CaseIterable { case text, json }

    public var names: [String]
    /// `--domain`: hosts or URLs, looked up as a screen's `identifiers: { domain: … }` looks them up.
    public var domains: [String]
    public var policies: String
    /// `--lists`: the lists to search; empty means every list of the bundle but its lists of ordinary names.
    public var lists: [String]
    /// `--as-of`: the date entries are in force on; nil means `now`.
    public var asOf: Instant?
    public var now: Instant
    public var top: Int
    public var format: Format
    /// `--detail KEY=VALUE`, as given: the identifying details to compare
    /// with each entry's attributes, keyed as a screen's `corroborate:` is.
    public var details: [String]
    /// Where screening indexes are kept between runs, as for `gavel evaluate`
    /// (`EvaluateRun.screeningCache`): a bundle with a large list is not
    /// indexed again for every run.
    package var screeningCache = ScreeningIndexCache.standard()

    public init(
        names: [String], policies: String, lists: [String] = [], asOf: Instant?, now: Instant, top: Int = 10,
        format: Format = .text, details: [String] = [], domains: [String] = []
    ) {
        self.details = details
        self.names = names
        self.domains = domains
        self.policies = policies
        self.lists = lists
        self.asOf = asOf
        self.now = now
        self.top = max(1, top)
        self.format = format
    }

    /// `KEY=VALUE` read as a detail Gavel compares, or what is wrong with it.
    package static func detail(_ text: String) -> Swift.Result<(kind: CorroborationSpec.Kind, value: String), DetailError> {
        guard let equals = text.firstIndex(of: "=") else {
            return .failure(DetailError("`--detail \(text)` is not KEY=VALUE (for example `--detail birth_date=1962-01-29`)"))
        }
        let key = String(text[..<equals]).trimmingCharacters(in: .whitespaces)
        let value = String(text[text.index(after: equals)...]).trimmingCharacters(in: .whitespaces)
        guard let kind = CorroborationSpec.Kind(rawValue: key) else {
            let known = CorroborationSpec.Kind.words
            let hint = DidYouMean.suggestion(for: key, among: known).map { "did you mean `\($0)`? " } ?? ""
            return .failure(DetailError("unknown detail `\(key)` in `--detail \(text)`: \(hint)Gavel compares \(known.joined(separator: ", "))"))
        }
        guard !value.isEmpty else { return .failure(DetailError("`--detail \(text)` gives no value")) }
        guard Corroborator.isReadable(kind, value) else {
            let expected: String
            switch kind {
            case .birthDate: expected = "a date (YYYY-MM-DD, YYYY-MM or YYYY) that the calendar has"
            case .country, .nationality: expected = "a country (an ISO 3166 code such as `DE`, or its English name)"
            case .registration, .passport, .nationalID: expected = "a number with letters or digits"
            }
            return .failure(DetailError("`--detail \(text)`: expected \(expected), found `\(value)`"))
        }
        return .success((kind, value))
    }

    package struct DetailError: Error, CustomStringConvertible {
        package var description: String
        init(_ description: String) { self.description = description }
    }

    /// 0 when every name was looked up; 2 when the bundle cannot be loaded,
    /// `--lists` names a list it does not have or a `--detail` is not one
    /// Gavel compares.
    public func run(output: (String) -> Void, errors: (String) -> Void) -> Int32 {
        var given: [(kind: CorroborationSpec.Kind, value: String)] = []
        for text in details {
            switch Self.detail(text) {
            case .success(let detail): given.append(detail)
            case .failure(let problem):
                errors("gavel: \(problem)\n")
                return 2
            }
        }
        let bundle: CompiledBundle
        switch BundleLoader.load(directory: policies, screeningCache: screeningCache) {
        case .failure(let error):
            errors("gavel: the policy bundle `\(policies)` cannot be loaded:\n")
            for d in error.diagnostics { errors(d.oneLine + "\n") }
            return 2
        case .success(let b): bundle = b
        }
        let known = bundle.lists.map(\.id)
        let unknown = lists.filter { !known.contains($0) }
        if !unknown.isEmpty {
            errors("gavel: no list \(unknown.map { "`\($0)`" }.joined(separator: ", ")) in `\(policies)`; it has: \(known.joined(separator: ", "))\n")
            return 2
        }
        let wordLists = bundle.wordListIDs
        let selected = lists.isEmpty ? bundle.lists.filter { !wordLists.contains($0.id) } : bundle.lists.filter { lists.contains($0.id) }
        let date = asOf ?? now
        let minScore = bundle.manifest.screeningMinScore
        let results = names.map { name in
            let rows = ScreenLookup.rows(name, lists: selected, asOf: date, nearMisses: (minScore, top))
            let (matches, nearMisses) = split(rows, minScore: minScore)
            func compared(_ row: ScreenLookup.Row) -> Shown {
                let list = selected.first { $0.id == row.list }
                return Shown(row: row, corroboration: list.flatMap { ScreenLookup.corroboration(given, list: $0, entry: row.entry) })
            }
            return Result(
                name: name, forms: ScreenLookup.forms(name), matches: matches.map(compared), nearMisses: nearMisses.map(compared),
                matchesLeftOut: rows.filter { $0.score >= minScore }.count - matches.count)
        }
        let domainResults = domains.map { value in
            let rows = ScreenLookup.domainRows(value, lists: selected, asOf: date)
            return DomainResult(
                value: value, readings: ScreenLookup.domainReadings(value), matches: Array(rows.prefix(top)),
                matchesLeftOut: max(0, rows.count - top))
        }
        switch format {
        case .text: output(text(results, domains: domainResults, lists: selected, asOf: date, minScore: minScore, details: given))
        case .json: output(json(results, domains: domainResults, lists: selected, asOf: date, minScore: minScore, details: given))
        }
        return 0
    }

    struct DomainResult {
        var value: String
        var readings: ScreenLookup.DomainReadings
        var matches: [ScreenLookup.DomainRow]
        /// Matches past `--top`: an analyst must know the list goes on.
        var matchesLeftOut: Int
    }

    struct Result {
        var name: String
        var forms: NameForms
        var matches: [Shown]
        var nearMisses: [Shown]
        /// Entries at or above min_score past `--top`, which are not shown.
        var matchesLeftOut: Int
    }

    /// The line that says a section was cut at `--top`.
    func leftOutLine(_ count: Int, what: String) -> String {
        "    … and \(count) more \(what) (--top \(top) shows the first \(top))"
    }

    /// A row as shown, with what the details say about its entry.
    struct Shown {
        var row: ScreenLookup.Row
        var corroboration: Corroboration?
    }

    func split(_ rows: [ScreenLookup.Row], minScore: Double) -> (matches: [ScreenLookup.Row], nearMisses: [ScreenLookup.Row]) {
        (Array(rows.filter { $0.score >= minScore }.prefix(top)), Array(rows.filter { $0.score < minScore }.prefix(top)))
    }

    func text(
        _ results: [Result], domains: [DomainResult], lists: [CompiledList], asOf: Instant, minScore: Double,
        details: [(kind: CorroborationSpec.Kind, value: String)]
    ) -> String {
        var out: [String] = []
        out.append("lists       \(lists.map(\.id).joined(separator: ", "))")
        out.append("as of       \(asOf)")
        out.append("min_score   \(JSON.format(minScore)) (the bundle's screening.min_score; rules may set their own)")
        out.append("details     \(details.isEmpty ? "none given (--detail KEY=VALUE): every comparison is unknown" : details.map { "\($0.kind.rawValue)=\($0.value.shown)" }.joined(separator: ", "))")
        for result in results {
            out.append("")
            out.append("NAME  `\(result.name.shown)`")
            for (label, value) in Self.formLines(result.forms) { out.append("  \(label.padding(12))\(value)") }
            // Entries out of force are shown apart: under the same heading a skim read them as catches, where no rule acts on them.
            let inForce = result.matches.filter(\.row.inForce)
            let outOfForce = result.matches.filter { !$0.row.inForce }
            out.append("  AT OR ABOVE \(JSON.format(minScore))")
            if inForce.isEmpty { out.append("    none") }
            for shown in inForce { out.append(contentsOf: Self.lines(shown, asOf: asOf)) }
            if result.matchesLeftOut > 0 { out.append(leftOutLine(result.matchesLeftOut, what: "at or above \(JSON.format(minScore))")) }
            if !outOfForce.isEmpty {
                out.append("  AT OR ABOVE \(JSON.format(minScore)), NOT IN FORCE on \(asOf) (no rule acts on these)")
                for shown in outOfForce { out.append(contentsOf: Self.lines(shown, asOf: asOf)) }
            }
            out.append("  NEAR MISSES (below \(JSON.format(minScore)))")
            if result.nearMisses.isEmpty { out.append("    none") }
            for shown in result.nearMisses { out.append(contentsOf: Self.lines(shown, asOf: asOf)) }
        }
        for domain in domains {
            out.append("")
            out.append("DOMAIN  `\(domain.value.shown)`")
            for (label, value) in Self.readingLines(domain.readings) { out.append("  \(label.padding(12))\(value)") }
            out.append("  MATCHES")
            if domain.matches.isEmpty { out.append("    none") }
            for row in domain.matches { out.append("    " + Self.line(row, asOf: asOf)) }
            if domain.matchesLeftOut > 0 { out.append(leftOutLine(domain.matchesLeftOut, what: "matches")) }
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// A domain's readings as `label value` pairs; `—` where it has none.
    static func readingLines(_ r: ScreenLookup.DomainReadings) -> [(String, String)] {
        func shown(_ hosts: [String]) -> String { hosts.isEmpty ? "—" : hosts.map { "`\($0.shown)`" }.joined(separator: ", ") }
        return [
            ("host", r.host.isEmpty ? "— (no host in it)" : "`\(r.host.shown)`"),
            ("hosts", shown(r.hosts)),
            ("parents", shown(r.parents)),
            ("skeleton", shown(r.skeleton)),
            ("linked", shown(r.linked)),
            (
                "registered",
                r.registered.isEmpty ? "—" : r.registered.map { "`\($0.domain.shown)`, its name compared as `\($0.key.shown)`" }.joined(separator: "; ")
            ),
        ]
    }

    /// `0.95   variant (registered)   us-sdgt/ofac-11911 `AL-AQSA TV`  listed host aqsatv.ps  no listing date, in force`
    static func line(_ row: ScreenLookup.DomainRow, asOf: Instant) -> String {
        var method = row.method.rawValue
        if let reading = row.reading { method += " (\(reading.rawValue))" }
        let listedHost = row.matchedSuffix.map { "  listed host `\($0.shown)`" } ?? ""
        let listing = Self.listing(listed: row.listed, source: row.listedSource, delisted: row.delisted, inForce: row.inForce, asOf: asOf)
        return "\(JSON.format(row.score).padding(7))\(method.padding(24))\(row.list)/\(row.entry.shown) `\(row.entryName.shown)`"
            + "\(listedHost)  \(listing)"
    }

    /// The digit readings, those of the skeleton reading among them.
    static func digitForms(_ forms: NameForms) -> [NameForm] {
        forms.variants.filter { $0.reading == .digits } + forms.skeletonVariants
    }

    /// The forms as `label value` pairs; a reading the name does not have is `—`.
    static func formLines(_ forms: NameForms) -> [(String, String)] {
        func shown(_ forms: [NameForm]) -> String {
            forms.isEmpty ? "—" : forms.map { "`\($0.text.shown)`" }.joined(separator: ", ")
        }
        return [
            ("plain", shown(forms.latin.filter { $0.reading == .plain })),
            ("joined", shown(forms.latin.filter { $0.reading == .joined })),
            ("romanised", shown(forms.latin.filter { $0.reading == .romanised })),
            ("suffix", shown(forms.latin.filter { $0.reading == .suffix })),
            ("skeleton", shown(forms.skeleton)),
            ("consonants", shown(forms.consonants + forms.consonantRespellings)),
            ("digits", shown(digitForms(forms))),
            ("repeats", shown(forms.variants.filter { $0.reading == .repeats })),
            ("fillers", shown(forms.variants.filter { $0.reading == .fillers })),
            ("translated", shown(forms.variants.filter { $0.reading == .translated })),
            ("given names", shown(forms.givenNames)),
        ]
    }

    /// The row's line, then what the details say about its entry (as the
    /// trail words it) and the identifying details the entry lists.
    static func lines(_ shown: Shown, asOf: Instant) -> [String] {
        var lines = ["    " + line(shown.row, asOf: asOf)]
        if let corroboration = shown.corroboration {
            lines.append("           " + AuditTrailRenderer.corroboration(corroboration, absent: "no --detail"))
            let listed = corroboration.agree + corroboration.disagree + corroboration.unknown
            let values = listed.filter { !$0.entryValues.isEmpty }.sorted { $0.attribute < $1.attribute }
                .map { "\($0.attribute) \($0.entryValues.joined(separator: ", ").shown)" }
            lines.append("           entry lists: " + (values.isEmpty ? "no identifying details" : values.joined(separator: "; ")))
        }
        return lines
    }

    /// `0.91  contained  us-fto/ofac-4695 `HAMAS`  whole 0.7 tokens 0.6  listed 1997-10-08, in force`
    static func line(_ row: ScreenLookup.Row, asOf: Instant) -> String {
        var method = row.method.rawValue
        if row.reading != .plain { method += " (\(row.reading.rawValue))" }
        var spelling = "`\(row.name.shown)`"
        if row.name != row.entryName { spelling += " (entry `\(row.entryName.shown)`)" }
        let listing = Self.listing(listed: row.listed, source: row.listedSource, delisted: row.delisted, inForce: row.inForce, asOf: asOf)
        return "\(JSON.format(row.score).padding(7))\(method.padding(24))\(row.list)/\(row.entry.shown) \(spelling)"
            + "  whole \(JSON.format(row.whole)), tokens \(JSON.format(row.sortedTokens))"
            + (row.capped.map { " (capped: \($0.rawValue))" } ?? "") + "  \(listing)"
    }

    func json(
        _ results: [Result], domains: [DomainResult], lists: [CompiledList], asOf: Instant, minScore: Double,
        details: [(kind: CorroborationSpec.Kind, value: String)]
    ) -> String {
        var w = JSONWriter(pretty: true)
        w.beginObject()
        w.field("lists")
        w.strings(lists.map(\.id))
        w.field("as_of")
        w.string(asOf.description)
        w.field("min_score")
        w.double(minScore)
        w.field("details")
        w.beginObject()
        for kind in CorroborationSpec.Kind.allCases {
            let values = details.filter { $0.kind == kind }.map(\.value)
            if values.isEmpty { continue }
            w.key(kind.rawValue)
            w.strings(values)
        }
        w.endObject()
        w.field("names")
        w.beginArray()
        for result in results {
            w.beginObject()
            w.field("query")
            w.string(result.name)
            w.field("forms")
            w.beginObject()
            w.field("plain")
            w.string(result.forms.latin[0].text)
            w.field("joined")
            if let joined = result.forms.latin.first(where: { $0.reading == .joined }) { w.string(joined.text) } else { w.null() }
            w.field("romanised")
            w.strings(result.forms.latin.filter { $0.reading == .romanised }.map(\.text))
            w.field("suffix")
            w.strings(result.forms.latin.filter { $0.reading == .suffix }.map(\.text))
            w.field("skeleton")
            w.strings(result.forms.skeleton.map(\.text))
            w.field("consonants")
            // The first consonant reading: the schema's field holds one (the second, without a final heh, is shown in the table).
            if let consonants = result.forms.consonants.first { w.string(consonants.text) } else { w.null() }
            w.field("digits")
            w.strings(Self.digitForms(result.forms).map(\.text))
            let fields: [(StaticString, NameReading)] = [("repeats", .repeats), ("fillers", .fillers), ("translated", .translated)]
            for (field, reading) in fields {
                w.field(field)
                w.strings(result.forms.variants.filter { $0.reading == reading }.map(\.text))
            }
            w.field("given_names")
            w.strings(result.forms.givenNames.map(\.text))
            w.endObject()
            w.field("matches")
            rows(result.matches, into: &w)
            w.field("matches_left_out")
            w.int(result.matchesLeftOut)
            w.field("near_misses")
            rows(result.nearMisses, into: &w)
            w.endObject()
        }
        w.endArray()
        w.field("domains")
        w.beginArray()
        for domain in domains { Self.domain(domain, into: &w) }
        w.endArray()
        w.endObject()
        return String(decoding: w.bytes, as: UTF8.self) + "\n"
    }

    private static func domain(_ domain: DomainResult, into w: inout JSONWriter) {
        let r = domain.readings
        w.beginObject()
        w.field("query")
        w.string(domain.value)
        w.field("readings")
        w.beginObject()
        w.field("host")
        if r.host.isEmpty { w.null() } else { w.string(r.host) }
        w.field("hosts")
        w.strings(r.hosts)
        w.field("parents")
        w.strings(r.parents)
        w.field("skeleton")
        w.strings(r.skeleton)
        w.field("linked")
        w.strings(r.linked)
        w.field("registered")
        w.beginArray()
        for name in r.registered {
            w.beginObject()
            w.field("domain")
            w.string(name.domain)
            w.field("compared_as")
            w.string(name.key)
            w.endObject()
        }
        w.endArray()
        w.endObject()
        w.field("matches")
        w.beginArray()
        for row in domain.matches {
            w.beginObject()
            w.field("list")
            w.string(row.list)
            w.field("entry")
            w.string(row.entry)
            w.field("entry_name")
            w.string(row.entryName)
            w.field("method")
            w.string(row.method.rawValue)
            w.field("reading")
            if let reading = row.reading { w.string(reading.rawValue) } else { w.null() }
            w.field("score")
            w.double(row.score)
            w.field("matched_suffix")
            if let suffix = row.matchedSuffix { w.string(suffix) } else { w.null() }
            Self.listing(listed: row.listed, source: row.listedSource, delisted: row.delisted, inForce: row.inForce, into: &w)
            w.endObject()
        }
        w.endArray()
        w.field("matches_left_out")
        w.int(domain.matchesLeftOut)
        w.endObject()
    }

    /// An entry's listing as a row shows it: `listed 1997-10-08, in force`;
    /// a date an importer derived says so (`listed by 2024-05-07 (first seen
    /// in a snapshot)`), since the designation may be older than that snapshot.
    static func listing(listed: Instant?, source: ListEntry.DateSource?, delisted: Instant?, inForce: Bool, asOf: Instant) -> String {
        (ListEntry.listingText(listed, source: source) ?? "no listing date") + (delisted.map { ", delisted \($0)" } ?? "")
            + (inForce ? ", in force" : ", NOT in force on \(asOf)")
    }

    /// An entry's `listed`, `listed_source`, `delisted` and `in_force` fields.
    private static func listing(listed: Instant?, source: ListEntry.DateSource?, delisted: Instant?, inForce: Bool, into w: inout JSONWriter) {
        w.field("listed")
        if let listed { w.string(listed.description) } else { w.null() }
        w.field("listed_source")
        if let source { w.string(source.rawValue) } else { w.null() }
        w.field("delisted")
        if let delisted { w.string(delisted.description) } else { w.null() }
        w.field("in_force")
        w.bool(inForce)
    }

    private func rows(_ rows: [Shown], into w: inout JSONWriter) {
        w.beginArray()
        for shown in rows {
            let row = shown.row
            w.beginObject()
            w.field("list")
            w.string(row.list)
            w.field("entry")
            w.string(row.entry)
            w.field("entry_name")
            w.string(row.entryName)
            w.field("name")
            w.string(row.name)
            w.field("method")
            w.string(row.method.rawValue)
            w.field("reading")
            w.string(row.reading.rawValue)
            w.field("score")
            w.double(row.score)
            w.field("whole")
            w.double(row.whole)
            w.field("sorted_tokens")
            w.double(row.sortedTokens)
            w.field("capped")
            if let capped = row.capped { w.string(capped.rawValue) } else { w.null() }
            Self.listing(listed: row.listed, source: row.listedSource, delisted: row.delisted, inForce: row.inForce, into: &w)
            w.field("corroboration")
            if let corroboration = shown.corroboration {
                DecisionRecord.corroboration(corroboration, into: &w)
            } else {
                w.null()
            }
            w.endObject()
        }
        w.endArray()
    }
}

extension String {
    fileprivate func padding(_ width: Int) -> String {
        let count = self.count
        return count >= width ? self + " " : self + String(repeating: " ", count: width - count)
    }
}
