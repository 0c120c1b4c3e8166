import Foundation
import Testing

@testable import GavelEngine
@testable import GavelSyntax

/// The index must give exactly the scan's matches (SPEC §3): generated lists
/// and queries, compared match for match at many thresholds and bands.
@Suite("Screening index = scan")
struct ScreeningIndexTests {
    static let thresholds = [0.5, 0.7, 0.75, 0.8, 0.85, 0.88, 0.9, 0.92, 0.95, 0.97, 1.0]
    /// Whole screens cost a scan each (slow in a debug build): fewer thresholds.
    static let screenThresholds = [0.7, 0.8, 0.85, 0.9, 0.92, 0.93, 0.95, 1.0]
    static let seeds: [UInt64] = [1, 2, 3, 4, 5, 6, 7, 8]

    @Test("same matches as the scan", arguments: seeds)
    func sameMatches(seed: UInt64) {
        var random = SeededRandom(seed: seed)
        let entries = NameGenerator.entries(count: 120, random: &random)
        let list = CompiledList(id: "generated", digest: "sha256:test", entries: entries)
        let indexed = Screener(lists: [list], mode: .indexed)
        let scan = Screener(lists: [list], mode: .scan)
        let asOf = Instant(secondsSinceEpoch: 1_600_000_000, isDateOnly: true)
        var compared = 0, matched = 0, aligned = 0
        for _ in 0 ..< 20 {
            let names = (0 ..< random.int(in: 1 ... 4)).map { _ in
                Screener.Query(text: NameGenerator.query(from: entries, random: &random), field: "name")
            }
            var identifiers: [(kind: String, query: Screener.Query)] = []
            if random.int(in: 0 ... 3) == 0, let entry = random.element(of: entries), let id = entry.identifiers.first {
                let value = NameGenerator.domainVariant(id.values.first ?? "", &random)
                identifiers.append((id.kind, Screener.Query(text: value, field: "domain")))
            }
            for threshold in Self.screenThresholds {
                for below in [nil, min(1.0, threshold + 0.05)] as [Double?] {
                    let spec = Self.spec(minScore: threshold, below: below, types: random.int(in: 0 ... 4) == 0 ? [.individual] : nil)
                    let fromIndex = indexed.screen(names: names, identifiers: identifiers, spec: spec, asOf: asOf, rule: "r")
                    let fromScan = scan.screen(names: names, identifiers: identifiers, spec: spec, asOf: asOf, rule: "r")
                    #expect(fromIndex == fromScan, "threshold \(threshold) below \(String(describing: below)) names \(names.map(\.text))")
                    compared += 1
                    matched += fromScan.count
                    aligned += fromScan.filter { $0.method == .aligned }.count
                }
            }
        }
        // A comparison of empty answers proves nothing: the generated queries must match.
        #expect(matched > compared / 4, "only \(matched) matches over \(compared) screens")
        // Word-by-word matches have keys of their own: some must be among those compared.
        #expect(aligned > 0, "no aligned match over \(compared) screens")
    }

    /// Per name rather than per entry: every name a query reaches at θ is
    /// among the index's candidates, so no entry is lost behind another name.
    @Test("every name at or above the threshold is a candidate", arguments: seeds)
    func candidatesCoverEveryName(seed: UInt64) throws {
        var random = SeededRandom(seed: seed &+ 100)
        let entries = NameGenerator.entries(count: 150, random: &random).map(ScreeningEntry.init)
        // Small lists check most lengths name by name: the postings and bitmaps are proven on their own too,
        // with every occurrence in a bitmap, and with none (rare occurrences go by their postings).
        let indexes: [NameIndex] = [
            try #require(NameIndex.build(entries)), try #require(NameIndex.build(entries, directLength: 0)),
            try #require(NameIndex.build(entries, directLength: 0, denseMinimum: 1)),
            try #require(NameIndex.build(entries, directLength: 0, denseMinimum: Int.max)),
            // Some of a query's occurrences rare, often no more than it may lack: their postings are read and
            // the bitmaps walked at a count lowered by as many.
            try #require(NameIndex.build(entries, directLength: 0, denseMinimum: 12)),
            try #require(NameIndex.build(entries, directLength: 0, denseMinimum: 40)),
            // Every prefix level read from its postings, once name by name and once with every run of ids walked.
            try #require(NameIndex.build(entries, directLength: 0, prefixShare: 0, walkedRun: Int.max)),
            try #require(NameIndex.build(entries, directLength: 0, prefixShare: 0, walkedRun: 1)),
            try #require(NameIndex.build(entries, directLength: 0, denseMinimum: Int.max, prefixShare: 0, walkedRun: 1)),
            // Names checked in batches of one and of three: every batch full, and most cut short by another count.
            try #require(NameIndex.build(entries, directLength: 0, denseMinimum: 12, prefixShare: 0, walkedRun: 1, checkBatch: 1)),
            try #require(NameIndex.build(entries, directLength: 0, denseMinimum: 40, checkBatch: 3)),
        ]
        #expect(indexes[1].bitmaps.keys.count > 0 && indexes[1].bitmaps.keys.count < indexes[2].bitmaps.keys.count)
        #expect(indexes[3].bitmaps.keys.isEmpty)
        var reached = 0
        for _ in 0 ..< 80 {
            let query = NameNormalizer.normalize(NameGenerator.query(from: entries.map(\.entry), random: &random))
            guard !query.isEmpty else { continue }
            let prepared = QueryName(query, comparedWith: .latin)
            let scores = entries.map { entry in
                entry.names.filter { !$0.normalized.isEmpty }.map { (Screener.rounded(JaroWinkler.nameScore(query, $0.normalized)), $0.normalized) }
            }
            for threshold in Self.thresholds {
                for index in indexes {
                    var found: [UInt32] = []
                    index.collect(prepared, threshold: threshold, into: &found)
                    let candidates = Set(found)
                    for (position, names) in scores.enumerated() {
                        for (score, name) in names {
                            guard score >= threshold else { continue }
                            reached += 1
                            #expect(
                                candidates.contains(UInt32(position)),
                                "`\(query)` reaches `\(name)` at \(score) ≥ \(threshold) but is not a candidate (direct up to \(index.directLength), \(index.bitmaps.keys.count) bitmaps)")
                        }
                    }
                }
            }
        }
        #expect(reached > 500)
    }

    /// Per group of readings: a case form compared with the listed forms of
    /// one group (Latin, skeleton, consonants) finds every entry with a form
    /// of that group at or above θ, through the group's runs of ids (the
    /// consonants' are two) and the postings cut to them.
    @Test("a form finds every listed form of its group at or above the threshold", arguments: seeds)
    func candidatesCoverEveryGroup(seed: UInt64) throws {
        var random = SeededRandom(seed: seed &+ 600)
        let entries = NameGenerator.entries(count: 150, random: &random).map(ScreeningEntry.init)
        let indexes: [NameIndex] = [
            try #require(NameIndex.build(entries)), try #require(NameIndex.build(entries, directLength: 0, prefixShare: 0)),
            try #require(NameIndex.build(entries, directLength: 0, denseMinimum: 8, walkedRun: 1, checkBatch: 3)),
            try #require(NameIndex.build(entries, directLength: 0, denseMinimum: Int.max, prefixShare: 0)),
        ]
        let listed = entries.map(NameIndex.indexedTexts)
        // Every group's forms lie in more than one rank, so the runs between ranks are crossed.
        #expect(Set(indexes[0].nameGroups).count >= 4)
        var reached: [UInt8: Int] = [:]
        for _ in 0 ..< 60 {
            let text = NameGenerator.query(from: entries.map(\.entry), random: &random)
            let normalized = NameNormalizer.normalize(text)
            let readings: [(ReadingGroups, String?)] = [
                (.latin, normalized), (.skeleton, EvasionForms.skeleton(text)), (.consonants, EvasionForms.consonants(normalized: normalized)),
            ]
            for case let (group, query?) in readings where !query.isEmpty {
                for threshold in [0.8, 0.9, 0.92, 1.0] {
                    let expected = listed.indices.filter { position in
                        listed[position].contains { $0.groups.contains(group) && Screener.rounded(JaroWinkler.nameScore(query, $0.text)) >= threshold }
                    }
                    reached[group.rawValue, default: 0] += expected.count
                    for (variant, index) in indexes.enumerated() {
                        var found: [UInt32] = []
                        index.collect(QueryName(query, comparedWith: group), threshold: threshold, into: &found)
                        let candidates = Set(found)
                        for position in expected {
                            #expect(
                                candidates.contains(UInt32(position)),
                                "`\(query)` (\(group.rawValue)) reaches entry \(position) at \(threshold) but is not a candidate of index \(variant)")
                        }
                    }
                }
            }
        }
        for group in [ReadingGroups.latin, .skeleton, .consonants] { #expect((reached[group.rawValue] ?? 0) > 50, "group \(group.rawValue)") }
    }

    /// Per entry and over every reading (plain, joined, skeleton, digits,
    /// consonants, containment): every entry `NameScorer` puts at or above θ
    /// is among the index's candidates.
    @Test("every entry the scorer reaches in any reading is a candidate", arguments: seeds)
    func candidatesCoverEveryReading(seed: UInt64) throws {
        var random = SeededRandom(seed: seed &+ 200)
        let entries = (NameGenerator.entries(count: 150, random: &random) + NameGenerator.probeEntries).map(ScreeningEntry.init)
        // Also with every length's names looked up through postings and bitmaps (the generated lists are
        // small enough to be checked name by name otherwise): each reading's group of listed forms is then
        // one or two runs of ids, walked or read from postings cut to them.
        let indexes = [
            ScreeningIndex(entries),
            ScreeningIndex(names: NameIndex.build(entries, directLength: 0, prefixShare: 0), entries: entries),
            ScreeningIndex(names: NameIndex.build(entries, directLength: 0, denseMinimum: 8, walkedRun: 1, checkBatch: 3), entries: entries),
        ]
        var reached: [ScreenMatch.Method: Int] = [:]
        var readings: Set<NameReading> = []
        var texts: [String] = []
        for _ in 0 ..< 80 { texts.append(NameGenerator.evasiveQuery(from: entries.map(\.entry), random: &random)) }
        // And one spelling per reading, so that no seed leaves a reading untried.
        for text in texts + NameGenerator.everyReading {
            let normalized = NameNormalizer.normalize(text)
            guard !normalized.isEmpty else { continue }
            let forms = NameForms.query(text, normalized: normalized)
            let hits = entries.map { NameScorer.best(forms, $0, floor: 0) }
            for threshold in [0.5, 0.8, 0.9, 0.92, 0.93, 0.95, 1.0] {
                for (variant, index) in indexes.enumerated() {
                    let candidates = Set(index.candidates(names: [PreparedName(forms)], identifiers: [], threshold: threshold).positions)
                    for (position, hit) in hits.enumerated() where hit.score >= threshold {
                        reached[hit.method, default: 0] += 1
                        readings.insert(hit.reading)
                        #expect(
                            candidates.contains(position),
                            "`\(text)` reaches `\(hit.name)` at \(hit.score) (\(hit.method), \(hit.reading)) ≥ \(threshold) but is not a candidate of index \(variant)")
                    }
                }
            }
        }
        // The generated queries must exercise every method and reading, or this proves little.
        for method in [ScreenMatch.Method.exact, .alias, .fuzzy, .contained, .variant] {
            #expect((reached[method] ?? 0) > 0, "no \(method) hit was generated")
        }
        // `linked` and `registered` are a domain's readings (a link in a URL's query, a site's name under another suffix), never a name's.
        for reading in NameReading.allCases where reading != .linked && reading != .registered { #expect(readings.contains(reading), "no \(reading) reading was generated") }
    }

    /// `NameScorer.best` skips the pairs whose signatures show they cannot
    /// reach the floor: with a floor, every entry that reaches it gets the
    /// very hit it gets with none (score, spelling, method, reading), and
    /// one that does not stays below it.
    @Test("a floor skips only pairs that cannot reach it", arguments: seeds)
    func flooredScoringIsExact(seed: UInt64) throws {
        var random = SeededRandom(seed: seed &+ 400)
        let entries = (NameGenerator.entries(count: 150, random: &random) + NameGenerator.probeEntries).map(ScreeningEntry.init)
        var reached = 0
        for _ in 0 ..< 60 {
            let text = NameGenerator.evasiveQuery(from: entries.map(\.entry), random: &random)
            let normalized = NameNormalizer.normalize(text)
            guard !normalized.isEmpty else { continue }
            let forms = NameForms.query(text, normalized: normalized)
            for entry in entries {
                let unfloored = NameScorer.best(forms, entry, floor: 0)
                for floor in [0.5, 0.8, 0.85, 0.9, 0.92, 0.95, 1.0] {
                    let floored = NameScorer.best(forms, entry, floor: floor)
                    if unfloored.score >= floor {
                        reached += 1
                        #expect(floored == unfloored, "`\(text)` against `\(entry.entry.name)` at floor \(floor)")
                    } else {
                        #expect(floored.score < floor, "`\(text)` against `\(entry.entry.name)` at floor \(floor)")
                    }
                }
            }
        }
        #expect(reached > 300)
    }

    /// Containment is looked up by the listed form's token multiset (up to
    /// `NameIndex.smallContainedTokens` tokens) or its longest token: queries
    /// of 2 to 24 tokens, with repeated tokens and listed names of 1 to 7
    /// tokens, past the sub-multiset budget and below it.
    @Test("every contained listed name is a candidate, however many tokens, respelt or not", arguments: seeds)
    func containmentCandidates(seed: UInt64) throws {
        var random = SeededRandom(seed: seed &+ 300)
        // Respellings too (`RespeltContainment`): a consonant doubled, a vowel changed, a final h.
        let words = [
            "hamas", "media", "office", "bureau", "al", "qaida", "ali", "hassan", "political", "wing", "news", "ali", "hammas", "hasan",
            "qaeda", "hizballah", "hizballa", "hezbolla", "homs", "hamad",
        ]
        let entries = (0 ..< 120).map { i in
            let name = (0 ..< random.int(in: 1 ... 7)).map { _ in random.element(of: words) ?? "x" }.joined(separator: " ")
            return ScreeningEntry(Self.entry(id: "c\(i)", name: name))
        }
        let index = ScreeningIndex(entries)
        var contained = 0, respeltOnly = 0
        for _ in 0 ..< 60 {
            let text = (0 ..< random.int(in: 2 ... 24)).map { _ in random.element(of: words) ?? "x" }.joined(separator: " ")
            let forms = NameForms.query(text, normalized: NameNormalizer.normalize(text))
            let candidates = Set(index.candidates(names: [PreparedName(forms)], identifiers: [], threshold: EvasionScores.containedRespelt).positions)
            for (position, entry) in entries.enumerated() {
                let listed = entry.names.flatMap { $0.forms.latin.map(\.text) }
                guard
                    forms.latin.contains(where: { q in
                        listed.contains { NameScorer.contains(q.text, $0) || RespeltContainment.holds(q.text, $0) }
                    })
                else { continue }
                contained += 1
                if !forms.latin.contains(where: { q in listed.contains { NameScorer.contains(q.text, $0) } }) { respeltOnly += 1 }
                #expect(candidates.contains(position), "`\(text)` contains `\(entry.entry.name)` but it is not a candidate")
            }
        }
        #expect(contained > 100)
        #expect(respeltOnly > 10, "the respelt words must be what some containments need")
    }

    /// The final check recomputes `nameScore` on scalars; where `String.split`
    /// would cut tokens elsewhere (a space joined to a combining mark) it must
    /// not drop a pair the scorer keeps.
    /// A text is indexed once however many entries list it, with the same
    /// groups and keys, and each of those entries is found through it; the
    /// same text as an organisation's and a person's name is two names (an
    /// organisation's takes part in containment run together).
    @Test("a name many entries list is indexed once and finds them all")
    func sharedNames() throws {
        let location = SourceLocation(file: "generated", line: 1, column: 1)
        func entry(_ id: Int, _ name: String, _ type: ListEntry.EntryType, aliases: [String] = []) -> ListEntry {
            ListEntry(
                id: "e\(id)", name: name, aliases: aliases, type: type, listed: nil, delisted: nil, identifiers: [], programs: [],
                location: location)
        }
        var listed = [entry(0, "Omar Qureshi", .organization), entry(1, "Hassan Ali", .individual)]
        for id in 2 ..< 40 {
            let type: ListEntry.EntryType = id % 3 == 0 ? .individual : .organization
            listed.append(entry(id, id % 2 == 0 ? "OMAR QURESHI" : "Hassan Ali", type, aliases: id % 5 == 0 ? ["Omar Al Qureshi"] : []))
        }
        let entries = listed.map(ScreeningEntry.init)
        let separate = entries.reduce(0) { $0 + NameIndex.indexedTexts($1).count }
        for index in [try #require(NameIndex.build(entries)), try #require(NameIndex.build(entries, directLength: 0))] {
            #expect(index.nameCount < separate / 4, "\(index.nameCount) names for \(separate) listed forms")
            #expect(index.owners.count == separate)
            for (query, owners) in [("omar qureshi", listed.filter { $0.name == "OMAR QURESHI" || $0.name == "Omar Qureshi" }), ("hassan ali", listed.filter { $0.name == "Hassan Ali" })] {
                var found: [UInt32] = []
                index.collect(QueryName(query, comparedWith: .latin), threshold: 1.0, into: &found)
                let expected = Set(owners.compactMap { owner in listed.firstIndex { $0.id == owner.id }.map(UInt32.init) })
                #expect(Set(found) == expected, "`\(query)`")
            }
        }
        let screener = Screener(lists: [CompiledList(id: "l", digest: "sha256:shared", entries: listed)], mode: .indexed)
        let scan = Screener(lists: [CompiledList(id: "l", digest: "sha256:shared", entries: listed)], mode: .scan)
        let asOf = Instant(secondsSinceEpoch: 1_600_000_000, isDateOnly: true)
        for text in ["Omar Qureshi", "Omar Qureshi Media Office", "Hasan Ali", "OmarQureshi Media"] {
            let spec = Self.spec(minScore: 0.85, below: nil, types: nil)
            let names = [Screener.Query(text: text, field: "name")]
            let fromIndex = screener.screen(names: names, identifiers: [], spec: spec, asOf: asOf, rule: "r")
            #expect(fromIndex == scan.screen(names: names, identifiers: [], spec: spec, asOf: asOf, rule: "r"), "`\(text)`")
            #expect(!fromIndex.isEmpty, "`\(text)`")
        }
    }

    /// Two texts whose bytes differ are two names, even when Unicode calls
    /// them equal (an accent composed or not): the index works on their scalars.
    @Test("texts equal as Unicode but not in their bytes are two names")
    func canonicallyEqualTexts() throws {
        let composed = "caf\u{E9} noir", decomposed = "cafe\u{301} noir"
        #expect(composed == decomposed)
        let location = SourceLocation(file: "generated", line: 1, column: 1)
        let entries = [composed, decomposed].enumerated().map { position, text in
            var entry = ScreeningEntry(
                ListEntry(
                    id: "e\(position)", name: text, aliases: [], type: .individual, listed: nil, delisted: nil, identifiers: [],
                    programs: [], location: location))
            entry.names = [ScreeningEntry.Name(text: text, normalized: text, isAlias: false)]
            return entry
        }
        let index = try #require(NameIndex.build(entries))
        // The owners of each indexed name whose scalars are the text's.
        func owners(of text: String) -> [[UInt32]] {
            let wanted = text.unicodeScalars.map(\.value)
            return (0 ..< index.nameCount).compactMap { id in
                let range = Int(index.scalarOffsets[id]) ..< Int(index.scalarOffsets[id + 1])
                let scalars: [UInt32]
                switch index.scalars {
                case .narrow(_, let ordered): scalars = ordered[range].map(UInt32.init)
                case .wide(_, let ordered): scalars = Array(ordered[range])
                }
                guard scalars == wanted else { return nil }
                return Array(index.owners[Int(index.ownerStarts[id]) ..< Int(index.ownerStarts[id + 1])])
            }
        }
        #expect(owners(of: composed) == [[0]])
        #expect(owners(of: decomposed) == [[1]])
    }

    @Test("names whose spaces join a combining mark are kept")
    func irregularSpaces() throws {
        // Built as normalised forms directly: the normaliser itself drops combining marks.
        let names = ["ab \u{301}cd ef", "ef ab \u{301}cd", "\u{301}cd ab ef", "zz \u{300}yy", "cd ab ef"]
        let entries = names.enumerated().map { position, name in
            var entry = ScreeningEntry(Self.entry(id: "i\(position)", name: "x"))
            entry.names = [ScreeningEntry.Name(text: name, normalized: name, isAlias: false)]
            return entry
        }
        let index = try #require(NameIndex.build(entries))
        #expect(!index.irregularNames.isEmpty)
        var reached = 0
        for normalized in names + ["ef \u{301}cd ab", "yy \u{300}zz", "ab cd ef"] {
            for (position, entry) in entries.enumerated() {
                for name in entry.names where !name.normalized.isEmpty {
                    let score = Screener.rounded(JaroWinkler.nameScore(normalized, name.normalized))
                    for threshold in Self.thresholds where score >= threshold {
                        reached += 1
                        var found: [UInt32] = []
                        index.collect(QueryName(normalized, comparedWith: .latin), threshold: threshold, into: &found)
                        #expect(found.contains(UInt32(position)), "`\(normalized)` ~ `\(name.normalized)` = \(score) at \(threshold)")
                    }
                }
            }
        }
        #expect(reached > 50)
    }

    @Test("the pigeonhole bound is tight on hand-made pairs")
    func handMadePairs() throws {
        // Pairs chosen to sit on the bounds: transpositions with no shared
        // bigram, the prefix boost carrying a weak Jaro, one-scalar names.
        let pairs = [
            ("abcd", "badc"), ("bacdfeghjikl", "abcdefghijkl"), ("ab", "ba"), ("a", "a"), ("a", "b"),
            ("martha", "marhta"), ("dwayne", "duane"), ("dixon", "dicksonx"), ("al qaida", "qaida al"),
            ("abcdxyzw", "abcdwxyz"), ("mohammed ali", "ali mohamed"), ("x", "xy"),
        ]
        for (a, b) in pairs {
            let entries = [ScreeningEntry(Self.entry(id: "e", name: b))]
            let index = try #require(NameIndex.build(entries))
            for threshold in Self.thresholds {
                let score = Screener.rounded(JaroWinkler.nameScore(a, b))
                var found: [UInt32] = []
                index.collect(QueryName(a, comparedWith: .latin), threshold: threshold, into: &found)
                if score >= threshold { #expect(found.contains(0), "\(a) ~ \(b) = \(score) at \(threshold)") }
            }
        }
    }

    @Test("identifiers are found by lookup, names not needed")
    func identifiersByLookup() {
        var entry = Self.entry(id: "site", name: "Zzzzz Qqqqq")
        entry.identifiers = [(kind: "domain", values: ["Example.ORG"])]
        let list = CompiledList(id: "l", digest: "d", entries: [entry])
        let screener = Screener(lists: [list], mode: .indexed)
        let matches = screener.screen(
            names: [Screener.Query(text: "Nothing Alike", field: "n")],
            identifiers: [(kind: "domain", query: Screener.Query(text: "https://www.example.org/path", field: "d"))],
            spec: Self.spec(minScore: 0.9, below: nil, types: nil),
            asOf: Instant(secondsSinceEpoch: 0, isDateOnly: true), rule: "r")
        #expect(matches.map(\.method) == [.identifier])
    }

    /// Gothic letters and CJK Extension B ideographs lie above U+FFFF: a list
    /// holding them keeps 32-bit scalars, any other 16-bit ones, and a query
    /// holding them must still get the scan's answer from either.
    static let beyondBMP = ["𐌷𐌰𐌼𐌰𐍃", "𐌷𐌰𐌼𐌰𐍃 𐌼𐌴𐌳𐌹𐌰", "𠀀𠀁𠀂", "Ha𐌼as", "𠀀 Wagner Group"]

    @Test("scalars above U+FFFF: 32-bit index for such a list, and queries holding them, give the scan's answer", arguments: seeds)
    func beyondTheBasicPlane(seed: UInt64) throws {
        var random = SeededRandom(seed: seed)
        let ordinary = NameGenerator.entries(count: 80, random: &random)
        let unusual = Self.beyondBMP.enumerated().map { Self.entry(id: "beyond-\($0.offset)", name: $0.element) }
        let asOf = Instant(secondsSinceEpoch: 1_600_000_000, isDateOnly: true)
        var matched = 0
        for (entries, wide) in [(ordinary, false), (ordinary + unusual, true)] {
            let list = CompiledList(id: "generated", digest: "sha256:test", entries: entries)
            let index = try #require(list.indexed().index?.names)
            switch index.scalars {
            case .narrow: #expect(!wide, "a list with scalars above U+FFFF must keep 32-bit scalars")
            case .wide: #expect(wide, "a list within U+FFFF keeps 16-bit scalars")
            }
            let indexed = Screener(lists: [list], mode: .indexed), scan = Screener(lists: [list], mode: .scan)
            for _ in 0 ..< 25 {
                var text = NameGenerator.query(from: entries, random: &random)
                if random.chance(60) {
                    var scalars = Array(text.unicodeScalars)
                    let extra = Array((random.element(of: Self.beyondBMP) ?? "𐌰").unicodeScalars)
                    scalars.insert(extra[random.int(in: 0 ... extra.count - 1)], at: random.int(in: 0 ... scalars.count))
                    text = String(String.UnicodeScalarView(scalars))
                }
                let names = [Screener.Query(text: text, field: "name")]
                for threshold in Self.screenThresholds {
                    let spec = Self.spec(minScore: threshold, below: nil, types: nil)
                    let fromIndex = indexed.screen(names: names, identifiers: [], spec: spec, asOf: asOf, rule: "r")
                    let fromScan = scan.screen(names: names, identifiers: [], spec: spec, asOf: asOf, rule: "r")
                    #expect(fromIndex == fromScan, "threshold \(threshold) query \(text)")
                    matched += fromScan.count
                }
            }
        }
        #expect(matched > 0)
    }

    @Test("a screen below the lowest indexed threshold is scanned, with the same answer")
    func lowThresholdFallsBack() throws {
        var random = SeededRandom(seed: 42)
        let entries = NameGenerator.entries(count: 60, random: &random)
        let list = CompiledList(id: "l", digest: "d", entries: entries)
        let index = try #require(list.indexed().index)
        #expect(!index.serves(ScreeningIndex.lowestThreshold - 0.01))
        #expect(index.serves(ScreeningIndex.lowestThreshold))
        let asOf = Instant(secondsSinceEpoch: 1_600_000_000, isDateOnly: true)
        let names = [Screener.Query(text: NameGenerator.query(from: entries, random: &random), field: "n")]
        let spec = Self.spec(minScore: 0.3, below: nil, types: nil)
        let a = Screener(lists: [list], mode: .indexed).screen(names: names, identifiers: [], spec: spec, asOf: asOf, rule: "r")
        let b = Screener(lists: [list], mode: .scan).screen(names: names, identifiers: [], spec: spec, asOf: asOf, rule: "r")
        #expect(a == b)
        #expect(!a.isEmpty)
    }

    static func spec(minScore: Double, below: Double?, types: [ListEntry.EntryType]?) -> ScreenSpec {
        ScreenSpec(
            lists: ["generated", "l"], names: [], identifiers: [], minScore: minScore, below: below, types: types,
            location: SourceLocation(file: "generated", line: 1, column: 1))
    }

    static func entry(id: String, name: String, aliases: [String] = []) -> ListEntry {
        ListEntry(
            id: id, name: name, aliases: aliases, type: .organization, listed: nil, delisted: nil, identifiers: [],
            programs: [], location: SourceLocation(file: "generated", line: 1, column: 1))
    }
}

/// SplitMix64: a seeded generator, so a failure names the seed that shows it.
struct SeededRandom: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func int(in range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &self) }
    mutating func element<T>(of array: [T]) -> T? { array.randomElement(using: &self) }
    mutating func chance(_ percent: Int) -> Bool { int(in: 1 ... 100) <= percent }
}

/// Names like those on designation lists, and queries made from them the way
/// screening meets them: transliterated, mistyped, reordered, cut short.
enum NameGenerator {
    static let syllables = [
        "al", "ab", "du", "ha", "mas", "mo", "ham", "med", "ra", "him", "is", "lam", "ka", "ri", "ma", "na", "sa", "lim",
        "jo", "hn", "ser", "gei", "iv", "an", "ov", "pe", "tro", "vich", "li", "wei", "zh", "ang", "ng", "uy", "en",
        "qa", "ida", "tal", "iban", "wag", "ner", "x", "q", "ö", "ß", "é", "ç",
    ]
    static let scripts = [
        "Хамас", "Вагнер", "Иван Петров", "حماس", "محمد علي", "Αλ Κάιντα", "王伟", "김정은", "שלום", "Ηamas", "Наmas",
        "H.A.M.A.S", "I.R.A.", "Al-Qa'ida Media Office", "ᎻᎪᎷᎪᏚ", "ʜᴀᴍᴀꜱ", "חמאס",
        "Muhammad Ali", "Mohamed Ali Hassan", "Abd al-Rahman Omar", "Youssef Ben Omar", "Sa'id Abdelaziz",
    ]
    static let legalForms = ["Ltd", "LLC", "GmbH", "S.A.", "Inc."]

    static func word(_ random: inout SeededRandom) -> String {
        let parts = (0 ..< random.int(in: 1 ... 4)).map { _ in random.element(of: syllables) ?? "a" }
        let word = parts.joined()
        return word.prefix(1).uppercased() + word.dropFirst()
    }

    static func name(_ random: inout SeededRandom) -> String {
        switch random.int(in: 0 ... 19) {
        case 0: return String((0 ..< random.int(in: 1 ... 3)).map { _ in random.element(of: Array("abcxyz")) ?? "a" })
        case 1: return (0 ..< random.int(in: 8 ... 30)).map { _ in word(&random) }.joined(separator: " ")
        case 2, 3: return random.element(of: scripts) ?? "x"
        case 4: return word(&random) + " " + (random.element(of: legalForms) ?? "")
        default: return (0 ..< random.int(in: 1 ... 4)).map { _ in word(&random) }.joined(separator: " ")
        }
    }

    static func entries(count: Int, random: inout SeededRandom) -> [ListEntry] {
        var entries: [ListEntry] = []
        for i in 0 ..< count {
            // Duplicates: some entries share a name with an earlier one.
            let primary = random.chance(8) ? (random.element(of: entries)?.name ?? name(&random)) : name(&random)
            let aliases = (0 ..< random.int(in: 0 ... 3)).map { _ in
                random.chance(50) ? perturb(primary, &random) : name(&random)
            }
            let listed = random.chance(10) ? Instant(secondsSinceEpoch: 1_700_000_000, isDateOnly: true) : nil
            let delisted = random.chance(5) ? Instant(secondsSinceEpoch: 1_500_000_000, isDateOnly: true) : nil
            let identifiers: [(kind: String, values: [String])] =
                random.chance(15) ? [(kind: "domain", values: ["site\(i).example"])] : []
            entries.append(
                ListEntry(
                    id: "e\(i)", name: primary, aliases: aliases, type: random.chance(30) ? .individual : .organization,
                    listed: listed, delisted: delisted, identifiers: identifiers, programs: [],
                    location: SourceLocation(file: "generated", line: i + 1, column: 1)))
        }
        return entries
    }

    static func query(from entries: [ListEntry], random: inout SeededRandom) -> String {
        guard random.chance(85), let entry = random.element(of: entries) else { return name(&random) }
        let base = random.chance(70) ? entry.name : (random.element(of: entry.aliases) ?? entry.name)
        return random.chance(20) ? base : perturb(base, &random)
    }

    /// Listed names the probes' spellings are meant to meet, added to the
    /// generated ones where evasive queries are drawn: Arabic and Hebrew
    /// spellings of Wagner and Boko Haram, al-Qaida without its article,
    /// a possessive of al-Shabaab must find these as the index and as the scan.
    static let probeEntries: [ListEntry] = [
        ("HAMAS", [String]()), ("BOKO HARAM", []), ("WAGNER GROUP", ["Vagner"]), ("HIZBALLAH", []),
        ("KURDISTAN WORKERS' PARTY", ["PKK"]), ("AL-QA'IDA", ["AL QAEDA", "AL-QAIDA"]), ("AL-SHABAAB", []),
        ("AL-MASRI, Abu Hafs", []), ("AL MANAR TV", []), ("Muhammad SARUR", []), ("Abd al-Rahman Khalaf AL-ANIZI", ["Usama BIN MUHAMMAD"]),
    ].enumerated().map { position, name in
        ListEntry(
            id: "probe\(position)", name: name.0, aliases: name.1, type: position == 7 || position >= 9 ? .individual : .organization,
            listed: nil,
            delisted: nil, identifiers: [], programs: [], location: SourceLocation(file: "generated", line: position + 1, column: 1))
    }

    /// One spelling for each name reading, against `probeEntries`: plain,
    /// joined, skeleton, consonants, digits, repeats, fillers, romanised, suffix, article, respelt, translated,
    /// groupless, given names; then the
    /// readings combined (`CombinedReadingTests`).
    static let everyReading = [
        "Hamas", "H.A.M.A.S", "Наmas", "حماس", "H4mas", "HHaammaass", "H1A1M1A1S", "Гамас", "Hamas’s", "Qaeda", "Hammas Media Office",
        "HAMAS™", "H4mmas Media", "Наmmas Media Office", "HammasOfficial", "HamasJihad", "תנועת חמאס", "Gruppe Wagner", "瓦格纳集团", "Wagner Movement",
        "Al Manar Television", "قناة المنار", "Mohamed Sarur", "Abdelrahman Khalaf al-Anizi", "Osama Ben Mohammed",
    ]
    /// Given names as other romanisations spell them (`EvasionForms.givenNamesRead`).
    static let otherSpellings: [String: String] = [
        "muhammad": "Mohamed", "mohamed": "Muhammad", "ali": "Aly", "hassan": "Hasan", "omar": "Umar", "bin": "Ben", "ben": "Ibn",
        "usama": "Osama", "abd": "Abdel", "youssef": "Yusuf", "abdelaziz": "Abd al-Aziz",
    ]
    /// `name` with one word of four letters or more respelt as evaders and
    /// transliterators do: a consonant doubled, a vowel changed, a final h
    /// dropped or added (`RespeltContainment`).
    static func respelt(_ name: String, _ random: inout SeededRandom) -> String {
        var words = name.split(separator: " ").map { Array($0.unicodeScalars) }
        let long = words.indices.filter { words[$0].count >= 4 }
        guard let w = random.element(of: long) else { return name }
        var word = words[w]
        let at = random.int(in: 1 ... word.count - 1)
        switch random.int(in: 0 ... 3) {
        case 0: word.insert(word[at], at: at)
        case 1:
            let vowels: [Unicode.Scalar] = ["a", "e", "i", "o", "u"]
            if let v = word.indices.dropFirst().first(where: { vowels.contains(word[$0]) }) {
                word[v] = random.element(of: vowels.filter { $0 != word[v] }) ?? "a"
            }
        case 2: if word.last == "h" || word.last == "H" { word.removeLast() } else { word.append("h") }
        default: word.remove(at: at)
        }
        words[w] = word
        return words.map { String(String.UnicodeScalarView($0)) }.joined(separator: " ")
    }
    /// The listed name without a leading article (`Al-Qa'ida` → `Qa'ida`), or nil.
    static func withoutArticle(_ name: String) -> String? {
        for article in ["Al-", "AL-", "Al ", "AL ", "al-", "El-", "EL "] where name.hasPrefix(article) && name.count > article.count {
            return String(name.dropFirst(article.count))
        }
        return nil
    }

    /// A query shaped like the evasion probe (SPEC §3 "Evasion"): a listed
    /// name respelt with look-alikes, dots, digits, extra words, or written
    /// in Arabic or Hebrew; otherwise an ordinary query.
    static func evasiveQuery(from entries: [ListEntry], random: inout SeededRandom) -> String {
        guard let entry = random.element(of: entries) else { return name(&random) }
        let base = random.chance(70) ? entry.name : (random.element(of: entry.aliases) ?? entry.name)
        switch random.int(in: 0 ... 15) {
        case 0: return String(String.UnicodeScalarView(base.unicodeScalars.map { ["a": "\u{430}", "o": "\u{43E}", "e": "\u{435}", "H": "\u{397}", "c": "\u{441}"][$0] ?? $0 }))
        case 1: return base.uppercased().unicodeScalars.filter { $0 != " " }.map { String($0) }.joined(separator: random.chance(50) ? "." : " ")
        case 2: return String(String.UnicodeScalarView(base.unicodeScalars.map { ["a": "4", "o": "0", "e": "3", "s": "5", "i": "1"][$0] ?? $0 }))
        case 3:
            // A name of several words run together, inside a longer name (`BokoHaram Media`, `BokoHaramOfficial`).
            if random.chance(30), base.contains(" ") {
                let runTogether = base.replacingOccurrences(of: " ", with: "")
                return random.chance(50) ? runTogether + " Media" : runTogether + "Official"
            }
            // Extra words, and a quarter of the time a word respelt as well (`Hammas Media Office`).
            let words = random.chance(25) ? respelt(base, &random) : base
            // A fifth of the time the words another language names a group with (`Gruppe Hamas`): a translated reading.
            if random.chance(20) {
                return (random.element(of: ["Gruppe", "Grupo de", "Partido", "Estado", "集团"]) ?? "Gruppe") + " " + words
            }
            return words + " " + (random.element(of: ["Media Office", "Political Bureau", "Ltd", "News"]) ?? "x")
        case 4, 14:
            // The fourth probe's spellings too: Cyrillic м, hooked capitals, letters as dashes, an M apart
            // in a skeleton, `!` for i, Arabizi, Turkish ş.
            // What the report still listed, a quarter of the time: a look-alike with a digit, faux Cyrillic,
            // tatweel, ß Þ ς, /-\ and 1<.
            if random.chance(25) {
                return random.element(of: [
                    "Н4МА5", "ß0k0 H4r4m", "HДMДS", "ШAGИEЯ GЯФЦP", "H\u{640}A\u{640}M\u{640}A\u{640}S", "ßoko Haram", "ÞKK", "Ηαμας",
                    "H/-\\M/-\\S", "P1<1<", "В.О.К.О Н.А.R.А.М",
                ]) ?? "x"
            }
            // The rest of the fourth probe's report, a third of the time: Wagner, al-Qaida, Boko Haram and the PKK in Arabic and Hebrew,
            // the article left out, endings after an apostrophe, ь for b, Greek capitals.
            if random.chance(33) {
                return random.element(of: [
                    "فاجنر", "واغنر", "واگنر", "مجموعة فاجنر", "ואגנר", "קבוצת וגנר", "אל קאעדה", "בוקו חראם", "بوكو حرام", "פ.ק.ק",
                    "Qaeda", "Qaida Organization", "Hamas’s", "Al-Shabaab’s", "PKK'nın", "Hamas'ın", "IŞİD'e", "Hizьallah",
                    "Al-Shaьaab", "ΗΙΖΒΑΛΛΑΗ", "Masri", "Wagner Network", "Movimiento Wagner", "Boko Movement",
                ]) ?? "x"
            }
            return random.element(of: [
                "حماس", "חמאס", "حزب الله", "القاعدة", "ᎻᎪᎷᎪᏚ", "ʜᴀᴍᴀꜱ", "sɐɯɐɥ", "⠓⠁⠍⠁⠎", "Гамас", "Βάγκνερ", "Намаѕ", "Ɗaesh",
                "HーAーMーAーS", "Н.А.М.А.Ѕ", "H!zba!!ah", "7amas", "DEAŞ",
            ]) ?? "x"
        case 5, 10:
            // Letters doubled (`HHaammaass`), some or all.
            let every = random.chance(50)
            return String(base.map { every || random.chance(50) ? "\($0)\($0)" : "\($0)" }.joined())
        case 6, 11:
            // A digit between every two letters (`H1A1M1A1S`), in one word or all.
            let filler = random.element(of: Array("0123456789")) ?? "1"
            let words = base.split(separator: " ").map { word in word.map(String.init).joined(separator: String(filler)) }
            return random.chance(50) ? words.joined(separator: " ") : ([words[0]] + base.split(separator: " ").dropFirst().map(String.init)).joined(separator: " ")
        case 12:
            // An ending after an apostrophe: an English possessive, a Turkish case ending.
            return base + (random.element(of: ["’s", "'s", "'ın", "'e", "’nin"]) ?? "'s")
        case 15:
            // Given names as another romanisation spells them (`Mohamed` for `Muhammad`), and a typo beside them.
            let respelt = base.split(separator: " ").map { otherSpellings[$0.lowercased()] ?? String($0) }.joined(separator: " ")
            return random.chance(30) ? perturb(respelt, &random) : respelt
        case 13:
            // A listed name whose first word is an article, written without it.
            let articled = entries.flatMap { [$0.name] + $0.aliases }.compactMap(withoutArticle)
            return random.element(of: articled).map { random.chance(30) ? $0 + " Organization" : $0 } ?? base
        default: return query(from: entries, random: &random)
        }
    }

    /// A listed domain as an evader gives it: a subdomain, percent-encoded,
    /// a look-alike IDN, upper case, a URL, or its registered name under
    /// another suffix or hyphenated.
    static func domainVariant(_ domain: String, _ random: inout SeededRandom) -> String {
        switch random.int(in: 0 ... 9) {
        case 7:
            let name = domain.prefix { $0 != "." }
            return name + (random.element(of: [".com", ".co.uk", ".business.site", ".ps"]) ?? ".com")
        case 9:
            let name = domain.prefix { $0 != "." }
            return "https://google.com/url?q=https://" + (random.chance(50) ? name + ".net" : domain.replacingOccurrences(of: "e", with: "\u{435}"))
        case 8: return domain.count > 3 ? domain.prefix(2) + "-" + domain.dropFirst(2) : domain
        case 0: return "live." + domain
        case 1: return "https://%" + String(domain.utf8.first ?? 0x61, radix: 16) + domain.dropFirst() + "/x"
        case 2: return domain.replacingOccurrences(of: "e", with: "\u{435}")
        case 3: return "WWW." + domain.uppercased()
        case 4: return "a.b." + domain.replacingOccurrences(of: "s", with: "\u{455}")
        case 5: return random.chance(50) ? "<https://" + domain + ">" : domain.replacingOccurrences(of: ".", with: " dot ")
        default: return domain.uppercased()
        }
    }

    /// One to three edits of the kinds screening is meant to survive.
    static func perturb(_ text: String, _ random: inout SeededRandom) -> String {
        var scalars = Array(text.unicodeScalars)
        for _ in 0 ..< random.int(in: 1 ... 3) {
            guard !scalars.isEmpty else { break }
            let at = random.int(in: 0 ... scalars.count - 1)
            switch random.int(in: 0 ... 15) {
            case 0: scalars.remove(at: at)
            case 1: scalars.insert(random.element(of: Array("aeiouhnrstxy".unicodeScalars)) ?? "a", at: at)
            case 2: scalars[at] = random.element(of: Array("aeiouhnrstkq".unicodeScalars)) ?? "a"
            case 3 where at + 1 < scalars.count: scalars.swapAt(at, at + 1)
            case 4:
                // Token swap.
                let tokens = String(String.UnicodeScalarView(scalars)).split(separator: " ")
                if tokens.count > 1 { scalars = Array((tokens.dropFirst() + [tokens[0]]).joined(separator: " ").unicodeScalars) }
            case 5: scalars.insert(contentsOf: Array(" ".unicodeScalars), at: at)
            case 7:
                // Confusables from other scripts (Cyrillic а о е р с, Greek Η).
                let map: [Unicode.Scalar: Unicode.Scalar] = [
                    "a": "\u{430}", "o": "\u{43E}", "e": "\u{435}", "p": "\u{440}", "c": "\u{441}", "H": "\u{397}",
                ]
                if let swapped = map[scalars[at]] { scalars[at] = swapped }
            case 8:
                // Letters separated by dots.
                let letters = String(String.UnicodeScalarView(scalars)).split(separator: " ").first.map(Array.init) ?? []
                scalars = Array(letters.map(String.init).joined(separator: ".").unicodeScalars)
            case 9:
                // Digits for letters.
                let map: [Unicode.Scalar: Unicode.Scalar] = ["a": "4", "o": "0", "e": "3", "s": "5", "i": "1", "t": "7"]
                if let swapped = map[scalars[at]] { scalars[at] = swapped }
            case 10:
                scalars += Array(" Media Office".unicodeScalars)
            case 11, 12, 13, 14, 15:
                // Word by word (`TokenAlignment`): a word left out, cut to its initial, cut short, without its
                // vowels, replaced, or a title added.
                var words = String(String.UnicodeScalarView(scalars)).split(separator: " ").map(String.init)
                guard !words.isEmpty else { break }
                let w = random.int(in: 0 ... words.count - 1)
                switch random.int(in: 0 ... 5) {
                case 0 where words.count > 1: words.remove(at: w)
                case 1: words[w] = String(words[w].prefix(1)) + "."
                case 2: words[w] = String(words[w].prefix(random.int(in: 2 ... 4)))
                case 3: words[w] = String(words[w].prefix(1)) + words[w].dropFirst().filter { !"aeiouyAEIOUY".contains($0) }
                case 4: words[w] = NameGenerator.word(&random)
                default: words.insert(random.element(of: ["Mr.", "Sheikh", "Col.", "Dr", "Limoted"]) ?? "Mr", at: 0)
                }
                scalars = Array(words.joined(separator: " ").unicodeScalars)
            default:
                // Transliteration-like respelling of a few letters.
                let map: [Unicode.Scalar: Unicode.Scalar] = ["k": "q", "q": "k", "w": "v", "v": "w", "i": "y", "y": "i", "u": "o", "e": "a"]
                scalars = scalars.map { map[$0] ?? $0 }
            }
        }
        return String(String.UnicodeScalarView(scalars))
    }
}
