/// The names of one list, indexed so that a query finds every name that could
/// reach a threshold by touching only a small part of the list.
///
/// Losslessness, in brief (the bounds are in `ScreeningBounds`). A pair that
/// reaches θ on the whole names or on their sorted tokens does so with some
/// common prefix p (0…4) in that form, and then shares at least
/// `requiredCommon(la, lb, requiredJaro(θ, p))` scalars, that is, lacks at
/// most la − that many of the query's la scalar occurrences (the k-th `a`).
/// Names are numbered shortest first, so the names of one length are one
/// range of ids. For p ≤ 1 (the bound for p = 1 covers p = 0) each length
/// in reach is walked through the `OccurrenceBitmaps` of the query's common
/// occurrences, 64 names at a time, keeping the names that lack no more
/// than allowed. Occurrences too rare for a bitmap are posted under
/// (scalar, k, length); when the query has more of those than a name may
/// lack, the name holds one of them (pigeonhole), and those short postings
/// are read instead. For p ≥ 2 every name is also posted under its prefix
/// of p scalars in its whole form and in its sorted-token form, with its
/// length: the query's own prefixes are read when they hold few of the
/// length's names (loosest count first, each name once: a name under a
/// longer prefix is under the shorter ones too), and the bitmaps walked at
/// that level's count otherwise.
/// A length with few names is read whole. Every candidate not already
/// counted exactly is checked against the count it needs, first through
/// its `ScalarSignature` (an upper bound on the count), then exactly; each
/// name that passes
/// is then checked once by `reaches`, which recomputes `nameScore` on the
/// same scalars with the same code (`JaroWinkler.score`, whole, then tokens
/// sorted), so a name is dropped only when the scan's own score for that
/// pair of texts is below θ − margin. The entries left are scored in full by
/// `Screener`, with the code the scan uses. Within a length, names are
/// numbered by their groups of readings (`ReadingGroups`), and a case form
/// walks only the runs of ids of the groups the scorer compares it with
/// (postings it reads are cut to them): a name of another group never
/// scores against it. Within that, names are numbered by their first
/// bytes: the names under one prefix key lie together in memory.
///
/// The evasion readings (SPEC §3) keep this exact. Every form of a listed
/// name (plain, joined, skeleton, consonants: `NameForms.listed`) is indexed
/// as a name of its own, for the same entry. A query looks up each of its
/// forms: full-weight forms at θ; a form whose score is its Jaro–Winkler
/// score times a factor f < 1 (digits, consonants) at θ/f, since
/// round(f·s) ≥ θ needs s ≥ (θ − 0.00005)/f, which is above θ/f less the
/// margin. Containment has its own keys (`collectContained` gives the proof).
final class NameIndex: Sendable {
    /// Bumped whenever the keys, their layout or the bounds change: a cache
    /// written by another version is rebuilt, never read.
    static let formatVersion: UInt32 = 23
    static let longestPrefix = JaroWinkler.maxPrefix

    /// The entries (positions in `CompiledList.entries`, ascending) that list
    /// indexed name i are `owners[ownerStarts[i] ..< ownerStarts[i + 1]]`.
    /// A text is indexed once however many entries list it (with the same
    /// groups and keys): at 1,000,000 names `omar qureshi` is 1,700 entries'
    /// name, and each copy was walked, checked and aligned on its own.
    let ownerStarts: [UInt32]
    let owners: [UInt32]
    /// The indexed names (distinct texts).
    var nameCount: Int { ownerStarts.count - 1 }
    /// Name i's scalars lie at `scalarOffsets[i] ..< scalarOffsets[i + 1]` of both columns of `scalars`.
    let scalarOffsets: [UInt32]
    let scalars: ScalarColumns
    /// Name i's `ScalarSignature`: checked before its scalars are.
    let signatures: [UInt64]
    /// Names whose tokens `String.split` cuts elsewhere than at each U+0020
    /// (a space that begins a grapheme cluster with the next scalar), ascending:
    /// their sorted-token score is not recomputed here, they pass the check.
    let irregularNames: [UInt32]
    let longest: Int
    let table: PostingTable
    /// The common scalar occurrences, one bit per name: rare ones are posted in `table` instead.
    let bitmaps: OccurrenceBitmaps
    /// Each name's `ReadingGroups` (raw).
    let nameGroups: [UInt8]
    /// Names of length l whose groups have rank r (`ReadingGroups.order`)
    /// are the ids `runStarts[l·R + r] ..< runStarts[l·R + r + 1]`, R the
    /// number of ranks (names are numbered shortest first, then by rank);
    /// nil for an index whose names are not in that order, which then walks
    /// every name at every length.
    let runStarts: [UInt32]?

    init(
        ownerStarts: [UInt32], owners: [UInt32], nameGroups: [UInt8], scalarOffsets: [UInt32], scalars: ScalarColumns, signatures: [UInt64],
        irregularNames: [UInt32], longest: Int, table: PostingTable, bitmaps: OccurrenceBitmaps,
        directLength: Int = NameIndex.defaultDirectLength, prefixShare: Int = NameIndex.defaultPrefixShare,
        walkedRun: Int = NameIndex.defaultWalkedRun, checkBatch: Int = NameIndex.defaultCheckBatch
    ) {
        self.ownerStarts = ownerStarts
        self.owners = owners
        self.nameGroups = nameGroups
        self.scalarOffsets = scalarOffsets
        self.scalars = scalars
        self.signatures = signatures
        self.irregularNames = irregularNames
        self.longest = longest
        self.table = table
        self.bitmaps = bitmaps
        self.directLength = directLength
        self.prefixShare = prefixShare
        self.walkedRun = walkedRun
        self.checkBatch = max(1, checkBatch)
        runStarts = Self.runStarts(scalarOffsets, groups: nameGroups, longest: longest)
    }

    static let rankCount = ReadingGroups.order.count

    private static func runStarts(_ offsets: [UInt32], groups: [UInt8], longest: Int) -> [UInt32]? {
        let count = offsets.count - 1
        guard longest >= 0, longest < 1 << 24, groups.count == count else { return nil }
        var starts = [UInt32](repeating: 0, count: (longest + 1) * rankCount + 1)
        var next = 0, previous = 0
        for id in 0 ..< max(0, count) {
            let length = Int(offsets[id + 1]) - Int(offsets[id])
            guard length <= longest else { return nil }
            let run = length * rankCount + ReadingGroups(rawValue: groups[id]).rank
            guard run >= previous else { return nil }
            while next <= run {
                starts[next] = UInt32(truncatingIfNeeded: id)
                next += 1
            }
            previous = run
        }
        while next < starts.count {
            starts[next] = UInt32(truncatingIfNeeded: max(0, count))
            next += 1
        }
        return starts
    }

    /// A length with at most this many names is checked name by name: that
    /// costs less than looking up its postings.
    static let defaultDirectLength = 48
    /// This index's `defaultDirectLength` (0 in tests that read postings only).
    let directLength: Int
    /// Indexes every non-empty normalised name of `entries`. Nil when the
    /// list is too large for 32-bit positions (the scan then serves it).
    static func build(
        _ entries: [ScreeningEntry], directLength: Int = defaultDirectLength, denseMinimum: Int? = nil,
        prefixShare: Int = defaultPrefixShare, walkedRun: Int = defaultWalkedRun, checkBatch: Int = defaultCheckBatch
    ) -> NameIndex? {
        var scalarOffsets: [UInt32] = [0]
        var sortedScalars: [UInt32] = []
        var orderedScalars: [UInt32] = []
        var irregularNames: [UInt32] = []
        var signatures: [UInt64] = []
        var prefixKeys: [UInt64] = []
        var prefixOffsets: [Int] = [0]
        var longest = 0
        guard entries.count < Int(UInt32.max) else { return nil }
        // Names are numbered shortest first, so that the names of one length
        // (what a posting's key holds) lie together in memory.
        // Within a length, names that begin alike are numbered together, so
        // that a prefix posting's names, and their signatures, lie side by
        // side in memory: at 1,000,000 names reading signatures scattered
        // over a length's names was most of a query's time. Between the
        // two, names are numbered by their groups of readings
        // (`ReadingGroups.order`), so that a case form walks only the runs of
        // the groups it is compared with.
        var texts: [
            (text: String, containable: Containable, length: Int, rank: Int, opening: UInt64, order: Int, extraKeys: [UInt64])
        ] = []
        var nameGroups: [UInt8] = []
        let perEntry = Concurrently.map(entries.count) { position in
            let containable = containableTexts(entries[position])
            let group = NameScorer.readsAsGroup(entries[position].entry.type)
            let indexed = indexedTexts(entries[position])
            // A form compared by containment alone (a consonant phrase) is no name to score: its keys post the entry
            // under its first name.
            var extraKeys: [UInt64] = []
            for (text, shortest) in containable.sorted(by: { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }) where !indexed.contains(where: { $0.text == text }) {
                extraKeys += containmentKeys(text, shortestWord: shortest)
            }
            return indexed.enumerated().map { offset, form in
                (
                    text: form.text,
                    containable: Containable(shortestWord: containable[form.text], runTogether: group && containable[form.text] != nil),
                    length: form.text.unicodeScalars.count, rank: form.groups.rank, opening: Self.opening(form.text),
                    extraKeys: offset == 0 ? extraKeys : []
                )
            }
        }
        // One indexed name per distinct text with its groups and keys, whatever number of entries list it:
        // everything the index checks of a name is worked out from those alone.
        var numbers: [IndexedText: Int] = [:]
        // Each entry's texts by their numbers, in entry order.
        var listings: [(text: UInt32, entry: UInt32)] = []
        for (position, entryTexts) in perEntry.enumerated() {
            for text in entryTexts {
                let key = IndexedText(text: text.text, rank: text.rank, containable: text.containable, extraKeys: text.extraKeys)
                let number: Int
                if let known = numbers[key] {
                    number = known
                } else {
                    number = texts.count
                    numbers[key] = number
                    texts.append((text.text, text.containable, text.length, text.rank, text.opening, number, text.extraKeys))
                }
                listings.append((UInt32(truncatingIfNeeded: number), UInt32(truncatingIfNeeded: position)))
            }
        }
        numbers = [:]
        guard listings.count < Int(UInt32.max) else { return nil }
        texts.sort { ($0.length, $0.rank, $0.opening, $0.order) < ($1.length, $1.rank, $1.opening, $1.order) }
        // The owners of each name, laid out by id; listings come in entry order, so each name's ascend.
        var idOfNumber = [UInt32](repeating: 0, count: texts.count)
        for (id, text) in texts.enumerated() { idOfNumber[text.order] = UInt32(truncatingIfNeeded: id) }
        var ownerStarts = [UInt32](repeating: 0, count: texts.count + 1)
        for listing in listings { ownerStarts[Int(idOfNumber[Int(listing.text)]) + 1] += 1 }
        for id in texts.indices { ownerStarts[id + 1] += ownerStarts[id] }
        var nextOwner = Array(ownerStarts.dropLast())
        var owners = [UInt32](repeating: 0, count: listings.count)
        for listing in listings {
            let id = Int(idOfNumber[Int(listing.text)])
            owners[Int(nextOwner[id])] = listing.entry
            nextOwner[id] += 1
        }
        listings = []
        // Each name's scalars, signature and keys are its own: worked out on
        // every core, then laid out in name order, so the index is the same bytes.
        let ordered = texts
        let laidOut = Concurrently.forEach(
            ordered.count, chunk: 256, { Self.prepare(ordered[$0].text, containable: ordered[$0].containable) }
        ) { index, name in
            if !name.splitsAtSpaces { irregularNames.append(UInt32(truncatingIfNeeded: index)) }
            nameGroups.append(ReadingGroups.order[ordered[index].rank].rawValue)
            signatures.append(name.signature)
            sortedScalars += name.sortedScalars
            orderedScalars += name.scalars
            guard sortedScalars.count < Int(UInt32.max) else { return false }
            scalarOffsets.append(UInt32(sortedScalars.count))
            longest = max(longest, name.scalars.count)
            prefixKeys += name.keys
            prefixKeys += ordered[index].extraKeys
            prefixOffsets.append(prefixKeys.count)
            return true
        }
        guard laidOut else { return nil }
        texts = []
        func forEachOccurrence(_ id: Int, _ body: (UInt32, Int, Int) -> Void) {
            let sorted = sortedScalars[Int(scalarOffsets[id]) ..< Int(scalarOffsets[id + 1])]
            var previous: UInt32?
            var occurrence = 0
            for scalar in sorted {
                occurrence = scalar == previous ? occurrence + 1 : 1
                previous = scalar
                body(scalar, occurrence, sorted.count)
            }
        }
        let bitmaps = OccurrenceBitmaps.build(
            names: ordered.count, denseMinimum: denseMinimum ?? OccurrenceBitmaps.defaultDenseMinimum(names: ordered.count)
        ) { id, emit in
            forEachOccurrence(id) { scalar, occurrence, _ in emit(OccurrenceBitmaps.key(scalar, occurrence)) }
        }
        let table = PostingTable.build { post in
            for id in ordered.indices {
                let name = UInt32(id)
                forEachOccurrence(id) { scalar, occurrence, length in
                    guard bitmaps.slot(OccurrenceBitmaps.key(scalar, occurrence)) == nil else { return }
                    post(occurrenceKey(scalar, occurrence, length: length), name)
                }
                for key in prefixKeys[prefixOffsets[id] ..< prefixOffsets[id + 1]] { post(key, name) }
            }
        }
        guard let table else { return nil }
        return NameIndex(
            ownerStarts: ownerStarts, owners: owners, nameGroups: nameGroups, scalarOffsets: scalarOffsets,
            scalars: ScalarColumns(sorted: sortedScalars, ordered: orderedScalars), signatures: signatures,
            irregularNames: irregularNames, longest: longest, table: table, bitmaps: bitmaps, directLength: directLength,
            prefixShare: prefixShare, walkedRun: walkedRun, checkBatch: checkBatch)
    }

    /// A text's first eight UTF-8 bytes as a number that sorts as they do.
    static func opening(_ text: String) -> UInt64 {
        var key: UInt64 = 0
        var taken = 0
        for byte in text.utf8.prefix(8) {
            key = key << 8 | UInt64(byte)
            taken += 1
        }
        return key << (8 * UInt64(8 - taken))
    }

    /// What the index keeps of one indexed name, worked out on its own.
    private struct PreparedText: Sendable {
        var scalars: [UInt32]
        var sortedScalars: [UInt32]
        var splitsAtSpaces: Bool
        var signature: UInt64
        /// Prefix keys, then (for a containable form) containment and word keys.
        var keys: [UInt64]
    }

    /// What makes two entries' indexed names one: the text, its groups (by
    /// their rank) and the keys it is posted under. Texts are one when their
    /// UTF-8 bytes are, since the index works on their scalars (`String`'s
    /// own equality would make one of two canonically equivalent spellings).
    private struct IndexedText: Hashable {
        var text: String
        var rank: Int
        var containable: Containable
        var extraKeys: [UInt64]

        static func == (a: IndexedText, b: IndexedText) -> Bool {
            a.rank == b.rank && a.containable == b.containable && a.extraKeys == b.extraKeys && a.text.hasSameUTF8(as: b.text)
        }

        func hash(into hasher: inout Hasher) {
            hasher.combine(rank)
            hasher.combine(containable)
            hasher.combine(extraKeys)
            var text = text
            text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        }
    }

    /// Appends the entries that list indexed name `id`.
    @inline(__always)
    func appendOwners(of id: UInt32, to entries: inout [UInt32]) {
        let start = Int(ownerStarts[Int(id)]), end = Int(ownerStarts[Int(id) + 1])
        if end - start == 1 {
            entries.append(owners[start])
        } else {
            entries.append(contentsOf: owners[start ..< end])
        }
    }

    /// Which containment a listed form takes part in: as it is written,
    /// when it may be one word of at least `shortestWord` scalars
    /// (`containmentKeys`), and (an organisation's name of several words)
    /// with its words run together (`NameScorer.runTogetherContained`).
    struct Containable: Sendable, Hashable {
        var shortestWord: Int?
        var runTogether: Bool
    }

    private static func prepare(_ text: String, containable: Containable) -> PreparedText {
        let scalars = text.unicodeScalars.map(\.value)
        let forms = QueryName.forms(text, scalars: scalars)
        var keys = prefixKeys(forms, length: scalars.count)
        // A name of several words is also found by its letters run together, which a whole run of single letters equals.
        if text.utf8.contains(0x20) {
            let spaceless = String(String.UnicodeScalarView(text.unicodeScalars.filter { $0 != " " }))
            keys.append(spacelessKey(Substring(spaceless)))
            // And as one word of a longer name: `BokoHaram Media` contains `bokoharam`.
            if containable.runTogether { keys += containmentKeys(spaceless) }
        }
        if let shortestWord = containable.shortestWord {
            keys += containmentKeys(text, shortestWord: shortestWord)
            keys += TokenAlignment.postingKeys(TokenAlignment.Words(text, listed: true))
        }
        return PreparedText(
            scalars: scalars, sortedScalars: scalars.sorted(), splitsAtSpaces: QueryName.splitsAtSpaces(scalars, forms: forms),
            signature: ScalarSignature.of(scalars), keys: keys)
    }

    /// The distinct non-empty forms of an entry's names, in a fixed order:
    /// every reading, and for an organisation's (or other entry's) names
    /// the reading without the article (`NameScorer.readsAsGroup`).
    static func indexedTexts(_ candidate: ScreeningEntry) -> [(text: String, groups: ReadingGroups)] {
        var out: [(text: String, groups: ReadingGroups)] = []
        func add(_ forms: [NameForm], _ groups: ReadingGroups) {
            for form in forms where !form.text.isEmpty {
                if let at = out.firstIndex(where: { $0.text == form.text }) {
                    out[at].groups.formUnion(groups)
                } else {
                    out.append((form.text, groups))
                }
            }
        }
        let article = NameScorer.readsAsGroup(candidate.entry.type)
        for name in candidate.names {
            let forms = name.forms
            add(forms.latin, .latin)
            add(forms.skeleton, .skeleton)
            add(forms.consonants, .consonants)
            // A listed name has no variant readings; were it given some, they are compared as Latin forms are.
            add(forms.variants, .latin)
            add(forms.skeletonVariants, .skeleton)
            if article { add(forms.article, .latin) }
            // Compared with a case's given-name reading alone (a weighted form of its own group).
            add(forms.givenNames, .givenNames)
        }
        return out
    }

    /// The forms containment compares, each with the fewest scalars it may
    /// have as one word: the Latin, skeleton and article readings and an
    /// organisation's name without its words for a group or an outlet
    /// (`EvasionScores.shortestContainedWord`), and a one-word name's
    /// consonants and those of such a name without those words
    /// (`EvasionScores.shortestContainedConsonants`,
    /// `NameScorer.consonantsContained`), and an organisation's consonant
    /// phrase (`NameScorer.consonantPhraseContained`), which has two words or more.
    /// (Its consonants run together, `NameScorer.runTogetherConsonants`, are
    /// an indexed name already, which `PreparedName.runTogetherWords` look up.)
    private static func containableTexts(_ candidate: ScreeningEntry) -> [String: Int] {
        var out: [String: Int] = [:]
        func add(_ text: String, _ shortest: Int) { out[text] = min(out[text] ?? shortest, shortest) }
        let type = candidate.entry.type
        for name in candidate.names where NameScorer.entersContainment(name.normalized, type: type) {
            for form in name.forms.latin + name.forms.skeleton { add(form.text, EvasionScores.shortestContainedWord) }
            if NameScorer.readsAsGroup(type) {
                for form in name.forms.article { add(form.text, EvasionScores.shortestContainedWord) }
                let stripped = [EvasionForms.withoutGroupWords(name.normalized), EvasionForms.withoutOutletWords(name.normalized)]
                    .compactMap { $0 }
                for text in stripped { add(text, EvasionScores.shortestContainedWord) }
                for consonants in EvasionForms.consonantsOfStripped(stripped, type: type) {
                    add(consonants, EvasionScores.shortestContainedConsonants)
                }
            }
            for form in name.forms.consonants where NameScorer.consonantContainable(form.text, normalized: name.normalized, type: type) {
                add(form.text, EvasionScores.shortestContainedConsonants)
            }
            if NameScorer.readsAsGroup(type), let phrase = EvasionForms.consonantPhrase(normalized: name.normalized) { add(phrase, 1) }
        }
        return out
    }

    /// Appends the entry of every name any reading of `query` may reach at
    /// `threshold` (a superset: `Screener` scores them exactly).
    func collect(_ query: PreparedName, threshold: Double, into entries: inout [UInt32]) {
        // A letter score that words added or replaced cap below the threshold is not reported.
        let capFloor = threshold - ScreeningBounds.roundingMargin
        for form in query.direct { collect(form, threshold: threshold, capFloor: capFloor, into: &entries) }
        for (form, factor) in query.weighted where threshold / factor - ScreeningBounds.roundingMargin <= 1.0 {
            collect(form, threshold: threshold / factor, capFloor: capFloor, into: &entries)
        }
        for key in query.wholeRunKeys {
            for slot in table.postings(key) { appendOwners(of: table.ids[slot], to: &entries) }
        }
        if EvasionScores.contained >= threshold - ScreeningBounds.roundingMargin {
            for tokens in query.containers { collectContained(tokens, into: &entries) }
            // Equal to a listed consonant form, one word: no words to cap it.
            for word in query.runTogetherWords { collect(word, threshold: 1.0, into: &entries) }
        }
        if TokenAlignment.ceiling >= threshold - ScreeningBounds.roundingMargin {
            for aligner in query.aligners {
                collectAligned(
                    aligner.words, aligner.keys, pairs: aligner.pairs, floor: threshold - ScreeningBounds.roundingMargin, into: &entries)
            }
        }
    }

    /// Appends the entry of every listed form (Latin or skeleton) that the
    /// query form whose `TokenAlignment.lookupKeys` these are may align with.
    ///
    /// An alignment holds only when each of the query's T words that need a
    /// counterpart has one with its first scalar, and at least ⌈T/2⌉ of them
    /// have one with the same `TokenAlignment.key` (T ≥ 2, one to one). So
    /// any ⌊T/2⌋ + 1 of those words include one, a, whose counterpart b has
    /// key(b) = key(a); another word a′ has a counterpart b′ ≠ b with the
    /// same first scalar. The listed form is posted under (key(b), first
    /// scalar of b′) for every two of its tokens, which is the key (key(a),
    /// first scalar of a′) that word a looks up. The ⌊T/2⌋ + 1 words whose
    /// keys hold the fewest names are read.
    ///
    /// When T ≥ 3, at least two words a1, a2 have counterparts b1 ≠ b2 with
    /// key(b1) = key(a1) and key(b2) = key(a2), and any ⌈T/2⌉ words include
    /// two of one group of `TokenAlignment.keyPairLookups`; a listed form of
    /// three tokens or more (as it must then have) is posted under
    /// {key(b), key(b′)} for every two of its tokens. So the key pairs find
    /// every such form too, and are read instead when they hold fewer names:
    /// at 1,000,000 names the words of `Hassan Hussein Hussain` each found
    /// tens of thousands of names by their initials, and three by their keys.
    ///
    /// Each name found is then aligned with the query form here, by the
    /// scorer's own `alignedScore` on the name's scalars, and its entry kept
    /// only when that reaches the floor.
    func collectAligned(
        _ words: TokenAlignment.Words, _ lookups: [[UInt64]], pairs: [UInt64], floor: Double, into entries: inout [UInt32]
    ) {
        guard lookups.count >= 2 else { return }
        let sized = lookups.map { keys in (keys: keys, names: keys.reduce(0) { $0 + table.postings($1).count }) }
        let chosen = sized.sorted(by: { $0.names < $1.names }).prefix(lookups.count / 2 + 1)
        let byInitials = chosen.reduce(0) { $0 + $1.names }
        let byPairs = pairs.isEmpty ? Int.max : pairs.reduce(0) { $0 + table.postings($1).count }
        var found: [UInt32] = []
        for keys in byPairs < byInitials ? [pairs] : chosen.map(\.keys) {
            for key in keys {
                for slot in table.postings(key) { found.append(table.ids[slot]) }
            }
        }
        found.sort()
        switch scalars {
        case .narrow(_, let ordered): keepAligned(found, words, ordered: ordered, floor: floor, into: &entries)
        case .wide(_, let ordered): keepAligned(found, words, ordered: ordered, floor: floor, into: &entries)
        }
    }

    /// Appends the entry of each name of `found` (ascending, repeats possible)
    /// whose `TokenAlignment.alignedScore` against the query form reaches
    /// `floor`, read from the names' scalars in place: at 1,000,000 names a
    /// common word finds thousands of names, and slicing the column for each
    /// one cost more than aligning it.
    private func keepAligned<S: FixedWidthInteger & UnsignedInteger>(
        _ found: [UInt32], _ words: TokenAlignment.Words, ordered: [S], floor: Double, into entries: inout [UInt32]
    ) {
        var previous: UInt32?
        var scratch = TokenAlignment.Scratch()
        ordered.withUnsafeBufferPointer { all in
            for id in found where id != previous {
                previous = id
                let name = UnsafeBufferPointer(rebasing: all[Int(scalarOffsets[Int(id)]) ..< Int(scalarOffsets[Int(id) + 1])])
                if let score = TokenAlignment.alignedScore(words, listed: name, scratch: &scratch), score >= floor {
                    appendOwners(of: id, to: &entries)
                }
            }
        }
    }

    /// Listed forms of at most this many tokens are posted under their
    /// token multiset; longer ones under their longest token.
    static let smallContainedTokens = 4
    /// Most sub-multisets a query form's tokens are looked up under; past
    /// it the form looks up each token instead (a superset).
    static let containmentLookupBudget = 2_048

    /// The containment keys of a containable listed form (see `collectContained`),
    /// one of a single word when it has at least `shortestWord` scalars.
    static func containmentKeys(_ text: String, shortestWord: Int = EvasionScores.shortestContainedWord) -> [UInt64] {
        guard NameScorer.containable(text, shortestWord: shortestWord), let longest = NameScorer.postingToken(text, shortestWord: shortestWord)
        else { return [] }
        let tokens = text.split(separator: " ").map(wordClassHash).sorted()
        let longestClass = wordClassHash(longest)
        guard tokens.count <= smallContainedTokens else { return [containedKey(hashed: longestClass, kind: 3)] }
        return [containedSetKey(tokens[...]), containedKey(hashed: longestClass, kind: 5)]
    }

    /// Appends the entry of every listed form the query form with these
    /// tokens (their `wordClassHash`es, sorted) may contain.
    ///
    /// `NameScorer.contains(q, n)` holds only when n's tokens are a
    /// sub-multiset of q's with fewer tokens. A form n of at most
    /// `smallContainedTokens` tokens is posted under the multiset of its
    /// tokens, so it is found by looking up every sub-multiset of q's
    /// tokens with 1 … min(k − 1, smallContainedTokens) tokens (k = q's
    /// tokens). A longer form is posted under its longest token, which q
    /// then holds: it is found by looking up each of q's tokens, when
    /// k − 1 exceeds `smallContainedTokens`. When the sub-multisets would
    /// be too many, small forms are found the same way through a second
    /// posting under their longest token.
    func collectContained(_ tokens: [UInt64], into entries: inout [UInt32]) {
        let k = tokens.count
        guard k >= 2 else { return }
        let largest = min(k - 1, Self.smallContainedTokens)
        func append(_ key: UInt64) {
            for slot in table.postings(key) { appendOwners(of: table.ids[slot], to: &entries) }
        }
        var previous: UInt64?
        var unique: [UInt64] = []
        for token in tokens where token != previous {
            unique.append(token)
            previous = token
        }
        if Self.subsetCount(k, largest) <= Self.containmentLookupBudget {
            var chosen: [UInt64] = []
            chosen.reserveCapacity(largest)
            // Sub-multisets in sorted order, each once: at each depth, equal tokens start a branch only the first time.
            func extend(from start: Int) {
                if !chosen.isEmpty { append(Self.containedSetKey(chosen[...])) }
                guard chosen.count < largest else { return }
                var index = start
                while index < k {
                    if index > start, tokens[index] == tokens[index - 1] {
                        index += 1
                        continue
                    }
                    chosen.append(tokens[index])
                    extend(from: index + 1)
                    chosen.removeLast()
                    index += 1
                }
            }
            extend(from: 0)
            if k - 1 > Self.smallContainedTokens {
                for token in unique { append(Self.containedKey(hashed: token, kind: 3)) }
            }
        } else {
            for token in unique {
                append(Self.containedKey(hashed: token, kind: 3))
                append(Self.containedKey(hashed: token, kind: 5))
            }
        }
    }

    /// Σ C(k, i) for i = 1 … largest, saturating well above any budget.
    static func subsetCount(_ k: Int, _ largest: Int) -> Int {
        var total = 0, term = 1
        for i in 0 ..< largest {
            term = term * (k - i) / (i + 1)
            total += term
            if total > 1 << 40 { return total }
        }
        return total
    }

    /// Appends the entry of every name that may reach `threshold` against
    /// `query` (a superset: `Screener` scores them exactly).
    ///
    /// With a `capFloor`, a name is also dropped when `TokenAlignment.cap`
    /// of the query's words against its own caps the pair's letter score
    /// below that floor, as `NameScorer` caps it (it computes the cap when
    /// the score is above `EvasionScores.substitutedWord` and either text
    /// has a space; a capped score is the cap's). Any other way the entry
    /// may reach the threshold has lookups of its own. At 1,000,000 names a
    /// query such as `Hassan Hussein Hussain` found 1,156 entries by their
    /// letters, three of which the scorer did not cap below the threshold.
    func collect(_ query: QueryName, threshold: Double, capFloor: Double? = nil, into entries: inout [UInt32]) {
        let floor = threshold - ScreeningBounds.roundingMargin
        let la = query.sorted.count
        guard la > 0 else { return }
        let capFloor = capFloor.flatMap { $0 > EvasionScores.substitutedWord ? $0 : nil }
        switch scalars {
        case .narrow(let sorted, let ordered):
            collect(
                query, sortedScalars: sorted, orderedScalars: ordered, querySorted: ScalarColumns.narrowed(query.sorted).sorted(),
                queryForms: query.forms.map(ScalarColumns.narrowed), la: la, floor: floor, capFloor: capFloor, into: &entries)
        case .wide(let sorted, let ordered):
            collect(
                query, sortedScalars: sorted, orderedScalars: ordered, querySorted: query.sorted, queryForms: query.forms, la: la,
                floor: floor, capFloor: capFloor, into: &entries)
        }
    }

    private func collect<S: FixedWidthInteger & UnsignedInteger>(
        _ query: QueryName, sortedScalars: [S], orderedScalars: [S], querySorted: [S], queryForms: [[S]], la: Int, floor: Double,
        capFloor: Double?, into entries: inout [UInt32]
    ) {
        let loosest = ScreeningBounds.requiredJaro(floor, prefix: Self.longestPrefix)
        let required = (1 ... Self.longestPrefix).map { ScreeningBounds.requiredJaro(floor, prefix: $0) }
        var passed: [UInt32] = []
        var batch = CheckBatch(capacity: checkBatch)
        candidates(
            query, sortedScalars: sortedScalars, orderedScalars: orderedScalars, querySorted: querySorted, queryForms: queryForms, la: la,
            loosest: loosest, required: required, into: &passed, batch: &batch)
        guard !passed.isEmpty else { return }
        passed.sort()
        var previous: UInt32?
        var scratch = TokenAlignment.Scratch()
        orderedScalars.withUnsafeBufferPointer { all in
            for id in passed where id != previous {
                previous = id
                let range = Int(scalarOffsets[Int(id)]) ..< Int(scalarOffsets[Int(id) + 1])
                let irregular = irregularNames.containsSorted(id)
                guard Self.reaches(query, forms: queryForms, name: all, range, irregular: irregular, floor: floor) else { continue }
                let name = UnsafeBufferPointer(rebasing: all[range])
                if let capFloor, query.hasSpace || name.contains(0x20) {
                    scratch.load(name)
                    let words = scratch.words(listed: true)
                    if let cap = TokenAlignment.cap(query.words, words, alignment: &scratch.alignment), cap.score < capFloor { continue }
                }
                appendOwners(of: id, to: &entries)
            }
        }
    }

    /// Appends the names whose scalars share enough with the query's to reach
    /// the threshold, by the bounds above (repeats possible).
    private func candidates<S: FixedWidthInteger & UnsignedInteger>(
        _ query: QueryName, sortedScalars: [S], orderedScalars: [S], querySorted: [S], queryForms: [[S]], la: Int, loosest: Double,
        required: [Double], into passed: inout [UInt32], batch: inout CheckBatch
    ) {
        let levels = ScalarSignature.levels(query.sorted)
        // The query's occurrences with a bitmap, rarest first, and those posted instead.
        var dense: [(slot: Int, count: UInt32)] = []
        var sparse: [(UInt32, Int)] = []
        for (scalar, occurrence) in query.occurrences {
            if let slot = bitmaps.slot(OccurrenceBitmaps.key(scalar, occurrence)) {
                dense.append((slot, bitmaps.counts[slot]))
            } else {
                sparse.append((scalar, occurrence))
            }
        }
        dense.sort { ($0.count, $0.slot) < ($1.count, $1.slot) }
        let denseSlots = dense.map(\.slot)
        let everyName = 0 ..< nameCount
        let rankRuns = query.groups.rankRuns
        sortedScalars.withUnsafeBufferPointer { allScalars in
            querySorted.withUnsafeBufferPointer { querySorted in
                // Whether the name opens with the query's first `level` scalars, in its whole form or
                // its sorted-token form, against the query's whole or sorted-token form (as the
                // prefix postings are read). A name whose tokens `String.split` cuts elsewhere passes.
                func opens(_ id: Int, level: Int) -> Bool {
                    func begins(_ text: UnsafeBufferPointer<S>) -> Bool {
                        text.count >= level && queryForms.contains { form in form.count >= level && (0 ..< level).allSatisfy { form[$0] == text[$0] } }
                    }
                    return orderedScalars[Int(scalarOffsets[id]) ..< Int(scalarOffsets[id + 1])].withUnsafeBufferPointer { name in
                        if begins(name) { return true }
                        guard name.contains(0x20) else { return false }
                        if irregularNames.containsSorted(UInt32(truncatingIfNeeded: id)) { return true }
                        return JaroWinkler.sortingTokens(name) { begins($0) }
                    }
                }
                // `qualifier`, for a walk at a count lower than level 1's: a name holding fewer than
                // `first` must hold the count of a walking level whose prefix it shares.
                func checkScalars(_ id: Int, common: Int, qualifier: Qualifier?) {
                    let start = Int(scalarOffsets[id]), end = Int(scalarOffsets[id + 1])
                    let name = UnsafeBufferPointer(rebasing: allScalars[start ..< end])
                    let held = ScreeningBounds.commonCount(querySorted, name)
                    guard held >= common else { return }
                    if let qualifier, held < qualifier.first,
                        !qualifier.levels.contains(where: { held >= $0.common && opens(id, level: $0.level) })
                    {
                        return
                    }
                    passed.append(UInt32(truncatingIfNeeded: id))
                }
                // Most candidates lack too many of the query's scalars, which their signature tells
                // without their scalars. The names to check wait in a batch of one count and
                // qualifier, whose signatures are then read in one pass without branches, so that
                // their scattered reads overlap: read one check at a time, each was a cache miss
                // (at 1,000,000 names, 17,000 checks for `Mohammed Luis Chen`, 46,000 for
                // `Hassan Hussein Hussain`).
                // (The batch is a parameter, not a local: captured by these functions, a local was
                // boxed, and every access to it checked for exclusivity at run time.)
                func flush() {
                    guard !batch.ids.isEmpty else { return }
                    let allowed = la - batch.common
                    var kept = 0
                    signatures.withUnsafeBufferPointer { signatures in
                        batch.ids.withUnsafeMutableBufferPointer { ids in
                            for i in ids.indices {
                                let id = ids[i]
                                ids[kept] = id
                                kept &+= ScalarSignature.missing(levels, name: signatures[id]) <= allowed ? 1 : 0
                            }
                        }
                    }
                    for i in 0 ..< kept { checkScalars(batch.ids[i], common: batch.common, qualifier: batch.qualifier) }
                    batch.ids.removeAll(keepingCapacity: true)
                }
                func check(_ id: Int, common: Int, qualifier: Qualifier? = nil) {
                    if common != batch.common || qualifier != batch.qualifier {
                        flush()
                        batch.common = common
                        batch.qualifier = qualifier
                    }
                    batch.ids.append(id)
                    if batch.ids.count == checkBatch { flush() }
                }
                func verify(_ range: Range<Int>, common: Int, qualifier: Qualifier? = nil) {
                    for slot in range { check(Int(table.ids[slot]), common: common, qualifier: qualifier) }
                }
                // The names of `range` (a run of ids) holding at least `common`, 64 at a time. With
                // `lackingRare`, of the names that lack that many of the query's rare occurrences
                // (the others are read from those occurrences' postings): they may lack that many
                // fewer of the common ones.
                func walk(_ range: Range<Int>, common: Int, qualifier: Qualifier? = nil, lackingRare: Int = 0) {
                    let missing = la - common - lackingRare
                    if sparse.isEmpty, qualifier == nil {
                        bitmaps.survivors(denseSlots, missingAtMost: missing, in: range) { passed.append(UInt32(truncatingIfNeeded: $0)) }
                    } else {
                        bitmaps.survivors(denseSlots, missingAtMost: missing, in: range) { check($0, common: common, qualifier: qualifier) }
                    }
                }
                // Names of a prefix posting, ascending. Names of one length are numbered by their first
                // bytes, so those that open with the prefix in their whole form are one run of ids:
                // a long run is walked through the bitmaps, the rest checked one by one.
                func verifyRuns(_ ids: [UInt32], common: Int) {
                    var start = 0
                    while start < ids.count {
                        let first = Int(ids[start])
                        var end = start + 1
                        while end < ids.count, Int(ids[end]) == first + (end - start) { end += 1 }
                        if end - start >= walkedRun {
                            walk(first ..< first + (end - start), common: common)
                        } else {
                            for i in start ..< end { check(Int(ids[i]), common: common) }
                        }
                        start = end
                    }
                }
                // The prefix postings read for one length, loosest count first. A name under a prefix of
                // p + 1 scalars is under its prefix of p too, so most names are in several of them; a
                // count a name met or missed once, a stricter one would only decide again (a check is
                // monotone in the count), so each name is checked at the loosest count of a posting
                // that holds it. At 1,000,000 names the postings of `ha`, `has` and `hass` were checked
                // in full, one after the other, for `Hassan Hussein Hussain`.
                func verifyPostings(_ read: [(posting: Range<Int>, common: Int)]) {
                    var seen: [UInt32] = []
                    for (posting, common) in read.sorted(by: { $0.common < $1.common }) {
                        let ids = table.ids[posting]
                        var unseen: [UInt32] = []
                        unseen.reserveCapacity(ids.count)
                        var merged: [UInt32] = []
                        merged.reserveCapacity(seen.count + ids.count)
                        // Both ascending: one pass finds the new names and merges them in. (Out of order, a
                        // name would only be checked again, never left out.)
                        var at = 0
                        for id in ids {
                            while at < seen.count, seen[at] < id {
                                merged.append(seen[at])
                                at += 1
                            }
                            if at < seen.count, seen[at] == id { continue }
                            if unseen.last != id { unseen.append(id) }
                            if merged.last != id { merged.append(id) }
                        }
                        merged.append(contentsOf: seen[at...])
                        seen = merged
                        verifyRuns(unseen, common: common)
                    }
                }
                // Every name of `segments` (runs of ids of length lb) holding at least `common` of the query's
                // occurrences.
                func holding(_ common: Int, lb: Int, segments: [Range<Int>], hull: Range<Int>, qualifier: Qualifier? = nil) {
                    // When the bitmaps counted every occurrence of the query, a survivor holds `common`.
                    guard !sparse.isEmpty else {
                        for segment in segments { walk(segment, common: common, qualifier: qualifier) }
                        return
                    }
                    let allowed = la - common
                    let postings = sparse.map { table.postings(table.postings(Self.occurrenceKey($0.0, $0.1, length: lb)), within: hull) }
                    if sparse.count > allowed {
                        // A name lacking at most `allowed` occurrences holds one of any allowed + 1 of the
                        // rare ones (pigeonhole), and their postings are short.
                        for probe in postings.sorted(by: { $0.count < $1.count }).prefix(allowed + 1) {
                            verify(probe, common: common, qualifier: qualifier)
                        }
                    } else {
                        // Fewer rare occurrences than that: a name holding one of them is in its
                        // posting, and a name holding none already lacks all r of them, so it can lack
                        // only allowed − r of the common ones: the walk keeps fewer names and leaves a
                        // word sooner (`Hassan Hussein Hussain`'s fifth `s` is rare).
                        for posting in postings { verify(posting, common: common, qualifier: qualifier) }
                        for segment in segments { walk(segment, common: common, qualifier: qualifier, lackingRare: sparse.count) }
                    }
                }
                let lengths = ScreeningBounds.lengthRange(la, jaro: loosest, longest: longest)
                for lb in lengths {
                    // Per level p (1…4): the scalars a name needs in common with a common prefix of p.
                    let commons = required.map { ScreeningBounds.requiredCommon(la, lb, jaro: $0) }
                    let loosestCommon = commons.min() ?? la
                    guard loosestCommon <= min(la, lb) else { continue }
                    // Level 1 (a common prefix of at most one scalar) needs the most in common. A level needing
                    // as much finds nothing level 1 has not; one longer than either name cannot apply.
                    let first = commons[0]
                    let prefixLevels = (2 ... Self.longestPrefix).compactMap { level -> (level: Int, common: Int)? in
                        let common = commons[level - 1]
                        return common <= min(la, lb) && common < first && la >= level && lb >= level ? (level, common) : nil
                    }
                    // The names of this length in the query's groups of readings. Without names in that
                    // order, every name is walked for every length (a superset: each is still checked).
                    var segments = [everyName]
                    if let starts = runStarts, (lb + 1) * Self.rankCount < starts.count {
                        segments = rankRuns.compactMap { ranks in
                            let run = Int(starts[lb * Self.rankCount + ranks.lowerBound]) ..< Int(starts[lb * Self.rankCount + ranks.upperBound])
                            return run.isEmpty ? nil : run
                        }
                        let names = segments.reduce(0) { $0 + $1.count }
                        guard names > 0 else { continue }
                        // Every name that passes some level's count passes the loosest: a short length is
                        // checked whole, a name below level 1's count held to the prefix of a level it meets.
                        if names <= directLength {
                            let qualifier = prefixLevels.isEmpty ? nil : Qualifier(first: first, levels: prefixLevels)
                            for segment in segments {
                                for id in segment { check(id, common: loosestCommon, qualifier: qualifier) }
                            }
                            continue
                        }
                    }
                    let segmentNames = segments.reduce(0) { $0 + $1.count }
                    // Postings hold every group's names (and a key's postings may share a slot with another
                    // length's): only those from the first of the query's runs of ids to its last are read.
                    let hull = (segments.first?.lowerBound ?? 0) ..< (segments.last?.upperBound ?? 0)
                    // The levels that walk the length walk it once, at the count the loosest of them
                    // needs: every name a stricter count keeps, that one keeps too.
                    var walkCommon: Int? = first <= min(la, lb) ? first : nil
                    var walkLevels: [(level: Int, common: Int)] = []
                    var read: [(posting: Range<Int>, common: Int)] = []
                    for (level, common) in prefixLevels {
                        let blocks = query.prefixes(level).map { table.postings(table.postings(Self.prefixKey($0, length: lb)), within: hull) }
                        if blocks.reduce(0, { $0 + $1.count }) * prefixShare <= segmentNames {
                            for block in blocks { read.append((block, common)) }
                        } else {
                            walkCommon = min(walkCommon ?? common, common)
                            walkLevels.append((level, common))
                        }
                    }
                    if !read.isEmpty { verifyPostings(read) }
                    // A name the walk keeps below level 1's count must share the prefix of a level it meets.
                    if let walkCommon {
                        let qualifier = walkLevels.isEmpty ? nil : Qualifier(first: first, levels: walkLevels)
                        holding(walkCommon, lb: lb, segments: segments, hull: hull, qualifier: qualifier)
                    }
                }
                flush()
            }
        }
    }

    /// What a name kept by a walk at a prefix level's count must also meet:
    /// level 1's count, or the count of a walking level `p` together with a
    /// common prefix of `p` scalars (the bound of that level assumes one).
    private struct Qualifier: Equatable {
        let first: Int
        let levels: [(level: Int, common: Int)]

        static func == (a: Qualifier, b: Qualifier) -> Bool {
            a.first == b.first && a.levels.elementsEqual(b.levels) { $0.level == $1.level && $0.common == $1.common }
        }
    }

    /// Names whose signatures are read together (`candidates`): enough for
    /// their reads to overlap, few enough to stay in the first-level cache.
    static let defaultCheckBatch = 256
    /// This index's `defaultCheckBatch` (a few in tests, so that full batches are checked too).
    let checkBatch: Int

    /// Names waiting for their signature test, all at one count and qualifier.
    private struct CheckBatch {
        var ids: [Int] = []
        var common = 0
        var qualifier: Qualifier?

        init(capacity: Int) { ids.reserveCapacity(capacity) }
    }

    /// The names of a length that open with the query's are read from their
    /// postings when they are at most one in this many of that length's
    /// names; otherwise the bitmaps are cheaper.
    static let defaultPrefixShare = 16
    /// This index's `defaultPrefixShare` (0 in tests: postings whenever a level has them).
    let prefixShare: Int
    /// A run of at least this many consecutive ids in a prefix posting is
    /// walked through the bitmaps rather than checked name by name.
    static let defaultWalkedRun = 32
    /// This index's `defaultWalkedRun` (1 in tests: every run walked).
    let walkedRun: Int

    /// Whether `nameScore(query, name) ≥ floor` for the name at `range` of
    /// `all`, computed as `JaroWinkler.nameScore`
    /// does on the same scalars: the whole names, then (when either has a
    /// space) their tokens sorted. A name or query whose tokens `String.split`
    /// would cut elsewhere passes unchecked.
    private static func reaches<S: FixedWidthInteger & UnsignedInteger>(
        _ query: QueryName, forms: [[S]], name all: UnsafeBufferPointer<S>, _ range: Range<Int>, irregular: Bool, floor: Double
    ) -> Bool {
        do {
            let name = UnsafeBufferPointer(rebasing: all[range])
            let whole = forms[0].withUnsafeBufferPointer { JaroWinkler.score($0, name) }
            if whole >= floor { return true }
            let nameHasSpace = name.contains(0x20)
            guard query.hasSpace || nameHasSpace else { return false }
            guard query.splitsAtSpaces, !irregular else { return true }
            let sortedQuery = forms.count > 1 ? forms[1] : forms[0]
            let sorted = sortedQuery.withUnsafeBufferPointer { q in
                nameHasSpace ? JaroWinkler.sortingTokens(name) { JaroWinkler.score(q, $0) } : JaroWinkler.score(q, name)
            }
            return sorted >= floor
        }
    }

    static func occurrenceKey(_ scalar: UInt32, _ occurrence: Int, length: Int) -> UInt64 {
        KeyMix.mix(KeyMix.mix(KeyMix.mix(1, UInt64(scalar)), UInt64(occurrence)), UInt64(length))
    }

    /// A token's scalars, hashed: what the spaceless key is made of.
    static func tokenHash(_ token: Substring) -> UInt64 {
        var key = KeyMix.mix(3, UInt64(token.unicodeScalars.count))
        for scalar in token.unicodeScalars { key = KeyMix.mix(key, UInt64(scalar.value)) }
        return key
    }

    /// A token's `RespeltContainment.wordClass`, hashed: what containment
    /// keys are made of. Equal tokens have equal classes, so the keys find
    /// exact containment and containment with respelt words alike.
    static func wordClassHash(_ token: Substring) -> UInt64 {
        let word = RespeltContainment.wordClass(token.unicodeScalars.map(\.value))
        var key = KeyMix.mix(5, UInt64(word.count))
        for scalar in word { key = KeyMix.mix(key, UInt64(scalar)) }
        return key
    }

    static func containedKey(_ token: Substring, kind: UInt64) -> UInt64 { containedKey(hashed: tokenHash(token), kind: kind) }

    /// The key a listed text of several words is posted under with its
    /// spaces removed, and a whole run of single letters looked up under
    /// (`NameForms.wholeRun`): the joined run equals the name's letters.
    static func spacelessKey(_ letters: Substring) -> UInt64 { containedKey(letters, kind: 9) }

    static func containedKey(hashed token: UInt64, kind: UInt64) -> UInt64 { KeyMix.mix(kind, token) }

    /// A multiset of token hashes, sorted.
    static func containedSetKey(_ tokens: ArraySlice<UInt64>) -> UInt64 {
        var key = KeyMix.mix(4, UInt64(tokens.count))
        for token in tokens { key = KeyMix.mix(key, token) }
        return key
    }

    static func prefixKey(_ prefix: ArraySlice<UInt32>, length: Int) -> UInt64 {
        var key = KeyMix.mix(KeyMix.mix(2, UInt64(prefix.count)), UInt64(length))
        for scalar in prefix { key = KeyMix.mix(key, UInt64(scalar)) }
        return key
    }

    /// The prefix keys of a name whose forms are `forms` (whole first).
    private static func prefixKeys(_ forms: [[UInt32]], length: Int) -> [UInt64] {
        var keys: [UInt64] = []
        for level in 2 ... longestPrefix where length >= level {
            var seen: [ArraySlice<UInt32>] = []
            for form in forms {
                let prefix = form.prefix(level)
                if seen.contains(prefix) { continue }
                seen.append(prefix)
                keys.append(prefixKey(prefix, length: length))
            }
        }
        return keys
    }
}

/// A normalised case name, taken apart once for every list it is screened against.
struct QueryName: Sendable {
    /// Its scalars, sorted: the multiset every bound counts on.
    let sorted: [UInt32]
    /// (scalar, k) for the k-th occurrence of each scalar.
    let occurrences: [(UInt32, Int)]
    /// The whole form, then the sorted-token form when it differs.
    let forms: [[UInt32]]
    let hasSpace: Bool
    /// Whether `String.split` cuts it into tokens exactly at each U+0020.
    let splitsAtSpaces: Bool
    /// Its words, as `NameScorer` reads a case's form for `TokenAlignment.cap`.
    let words: TokenAlignment.Words
    /// The groups of listed readings it is compared with: the only names walked.
    let groups: ReadingGroups

    init(_ normalized: String, comparedWith groups: ReadingGroups) {
        self.groups = groups
        let scalars = normalized.unicodeScalars.map(\.value)
        sorted = scalars.sorted()
        var occurrences: [(UInt32, Int)] = []
        occurrences.reserveCapacity(sorted.count)
        var previous: UInt32?
        var occurrence = 0
        for scalar in sorted {
            occurrence = scalar == previous ? occurrence + 1 : 1
            previous = scalar
            occurrences.append((scalar, occurrence))
        }
        self.occurrences = occurrences
        forms = Self.forms(normalized, scalars: scalars)
        hasSpace = scalars.contains(0x20)
        words = TokenAlignment.Words(normalized)
        splitsAtSpaces = Self.splitsAtSpaces(scalars, forms: forms)
    }

    /// Whether sorting the tokens cut at each U+0020 gives the sorted-token
    /// form `JaroWinkler.nameScore` compares (it cuts with `String.split`,
    /// at grapheme clusters, which differ only when a space joins the next scalar).
    static func splitsAtSpaces(_ scalars: [UInt32], forms: [[UInt32]]) -> Bool {
        guard scalars.contains(0x20) else { return true }
        return sortedTokens(scalars[...]) == (forms.count > 1 ? forms[1] : forms[0])
    }

    /// The tokens (cut at U+0020, empty ones dropped) in scalar order, joined by single spaces.
    static func sortedTokens<S: FixedWidthInteger, C: Collection<S>>(_ scalars: C) -> [S] {
        Array(scalars).withUnsafeBufferPointer { JaroWinkler.sortingTokens($0) { Array($0) } }
    }

    /// The distinct prefixes of `level` scalars over the forms.
    func prefixes(_ level: Int) -> [ArraySlice<UInt32>] {
        var out: [ArraySlice<UInt32>] = []
        for form in forms where form.count >= level {
            let prefix = form.prefix(level)
            if !out.contains(prefix) { out.append(prefix) }
        }
        return out
    }

    /// The forms `JaroWinkler.nameScore` compares: the whole name and, when
    /// it has several tokens, its tokens sorted (which only moves its prefix).
    static func forms(_ normalized: String, scalars: [UInt32]) -> [[UInt32]] {
        guard normalized.utf8.contains(0x20) else { return [scalars] }
        let sorted = JaroWinkler.sortedTokens(normalized).unicodeScalars.map(\.value)
        return sorted == scalars ? [scalars] : [scalars, sorted]
    }
}

extension Array where Element == UInt32 {
    /// Binary search in an ascending array.
    func containsSorted(_ value: UInt32) -> Bool {
        var low = 0, high = count
        while low < high {
            let middle = (low + high) / 2
            if self[middle] < value { low = middle + 1 } else { high = middle }
        }
        return low < count && self[low] == value
    }
}
