/// The names of one list, indexed so that a query finds every name that could
/// reach a threshold by touching only a small part of the list.
///
/// Losslessness, in brief (the bounds are in `ScreeningBounds`). A pair that
/// reaches θ on the whole names or on their sorted tokens does so with some
/// common prefix p (0…4) in that form, and then shares at least
/// `requiredCommon(la, lb, requiredJaro(θ, p))` scalars. Every name is
/// posted under
///   - one key per scalar occurrence and its length (the k-th `a` of a name
///     of length lb), and
///   - one key per prefix of 2, 3 and 4 scalars of its whole form and of its
///     sorted-token form, with its length.
/// For p ≤ 1 (the bound for p = 1 covers p = 0), a name sharing τ scalars
/// with a query of length la shares at least one of ANY la − τ + 1 of the
/// query's scalar occurrences (pigeonhole), so the union of the postings of
/// the la − τ + 1 shortest of them holds it. For p ≥ 2 it is posted under
/// the query's own prefix of p scalars (in the form that scored), and the
/// shorter of that posting and the scalar-occurrence union is taken. Every
/// candidate is checked against the count it needs; the names left are
/// then scored in full by `Screener`, with the code the scan uses.
///
/// The evasion readings (SPEC §3) keep this exact. Every form of a listed
/// name (plain, joined, skeleton, consonants: `NameForms.listed`) is indexed
/// as a name of its own, for the same entry. A query looks up each of its
/// forms: full-weight forms at θ; a form whose score is its Jaro–Winkler
/// score times a factor f < 1 (digits, consonants) at θ/f, since
/// round(f·s) ≥ θ needs s ≥ (θ − 0.00005)/f, which is above θ/f less the
/// margin. Containment has its own key: each containable form is posted
/// under its longest token (`NameScorer.postingToken`), and a query that
/// contains the form holds that token, so the postings of the query's
/// tokens hold every form it contains.
final class NameIndex: Sendable {
    /// Bumped whenever the keys, their layout or the bounds change: a cache
    /// written by another version is rebuilt, never read.
    static let formatVersion: UInt32 = 2
    static let longestPrefix = JaroWinkler.maxPrefix

    /// The entry (position in `CompiledList.entries`) of each indexed name.
    let nameEntries: [UInt32]
    /// Name i's scalars, sorted, are `sortedScalars[scalarOffsets[i] ..< scalarOffsets[i + 1]]`.
    let scalarOffsets: [UInt32]
    let sortedScalars: [UInt32]
    let longest: Int
    let table: PostingTable

    init(nameEntries: [UInt32], scalarOffsets: [UInt32], sortedScalars: [UInt32], longest: Int, table: PostingTable) {
        self.nameEntries = nameEntries
        self.scalarOffsets = scalarOffsets
        self.sortedScalars = sortedScalars
        self.longest = longest
        self.table = table
    }

    /// Indexes every non-empty normalised name of `entries`. Nil when the
    /// list is too large for 32-bit positions (the scan then serves it).
    static func build(_ entries: [ScreeningEntry]) -> NameIndex? {
        var nameEntries: [UInt32] = []
        var scalarOffsets: [UInt32] = [0]
        var sortedScalars: [UInt32] = []
        var prefixKeys: [UInt64] = []
        var prefixOffsets: [Int] = [0]
        var longest = 0
        for (position, candidate) in entries.enumerated() {
            let containable = containableTexts(candidate)
            for text in indexedTexts(candidate) {
                let scalars = text.unicodeScalars.map(\.value)
                nameEntries.append(UInt32(truncatingIfNeeded: position))
                sortedScalars += scalars.sorted()
                guard sortedScalars.count < Int(UInt32.max) else { return nil }
                scalarOffsets.append(UInt32(sortedScalars.count))
                longest = max(longest, scalars.count)
                prefixKeys += Self.prefixKeys(QueryName.forms(text, scalars: scalars), length: scalars.count)
                if containable.contains(text), let token = NameScorer.postingToken(text) {
                    prefixKeys.append(Self.containedKey(token))
                }
                prefixOffsets.append(prefixKeys.count)
            }
        }
        guard entries.count < Int(UInt32.max) else { return nil }
        let table = PostingTable.build { post in
            for id in 0 ..< nameEntries.count {
                let name = UInt32(id)
                let sorted = sortedScalars[Int(scalarOffsets[id]) ..< Int(scalarOffsets[id + 1])]
                var previous: UInt32?
                var occurrence = 0
                for scalar in sorted {
                    occurrence = scalar == previous ? occurrence + 1 : 1
                    previous = scalar
                    post(occurrenceKey(scalar, occurrence, length: sorted.count), name)
                }
                for key in prefixKeys[prefixOffsets[id] ..< prefixOffsets[id + 1]] { post(key, name) }
            }
        }
        guard let table else { return nil }
        return NameIndex(
            nameEntries: nameEntries, scalarOffsets: scalarOffsets, sortedScalars: sortedScalars, longest: longest, table: table)
    }

    /// The distinct non-empty forms of an entry's names, in a fixed order.
    static func indexedTexts(_ candidate: ScreeningEntry) -> [String] {
        var out: [String] = []
        for name in candidate.names {
            for text in name.forms.allTexts where !out.contains(text) { out.append(text) }
        }
        return out
    }

    /// The forms containment compares (Latin and skeleton readings).
    private static func containableTexts(_ candidate: ScreeningEntry) -> Set<String> {
        var out: Set<String> = []
        for name in candidate.names {
            for form in name.forms.latin + name.forms.skeleton { out.insert(form.text) }
        }
        return out
    }

    /// Appends the entry of every name any reading of `query` may reach at
    /// `threshold` (a superset: `Screener` scores them exactly).
    func collect(_ query: PreparedName, threshold: Double, into entries: inout [UInt32]) {
        for form in query.direct { collect(form, threshold: threshold, into: &entries) }
        for (form, factor) in query.weighted where threshold / factor - ScreeningBounds.roundingMargin <= 1.0 {
            collect(form, threshold: threshold / factor, into: &entries)
        }
        if EvasionScores.contained >= threshold - ScreeningBounds.roundingMargin {
            for token in query.tokens {
                for slot in table.postings(Self.containedKey(token)) { entries.append(nameEntries[Int(table.ids[slot])]) }
            }
        }
    }

    /// Appends the entry of every name that may reach `threshold` against
    /// `query` (a superset: `Screener` scores them exactly).
    func collect(_ query: QueryName, threshold: Double, into entries: inout [UInt32]) {
        let floor = threshold - ScreeningBounds.roundingMargin
        let la = query.sorted.count
        guard la > 0 else { return }
        let loosest = ScreeningBounds.requiredJaro(floor, prefix: Self.longestPrefix)
        let required = (1 ... Self.longestPrefix).map { ScreeningBounds.requiredJaro(floor, prefix: $0) }
        var postings: [Range<Int>] = []
        postings.reserveCapacity(la)
        sortedScalars.withUnsafeBufferPointer { allScalars in
            query.sorted.withUnsafeBufferPointer { querySorted in
                func verify(_ range: Range<Int>, common: Int) {
                    for slot in range {
                        let id = Int(table.ids[slot])
                        let start = Int(scalarOffsets[id]), end = Int(scalarOffsets[id + 1])
                        let name = UnsafeBufferPointer(rebasing: allScalars[start ..< end])
                        if ScreeningBounds.commonCount(querySorted, name) >= common { entries.append(nameEntries[id]) }
                    }
                }
                for lb in ScreeningBounds.lengthRange(la, jaro: loosest, longest: longest) {
                    postings.removeAll(keepingCapacity: true)
                    for (scalar, occurrence) in query.occurrences {
                        postings.append(table.postings(Self.occurrenceKey(scalar, occurrence, length: lb)))
                    }
                    postings.sort { $0.count < $1.count }
                    for level in 1 ... Self.longestPrefix {
                        let common = ScreeningBounds.requiredCommon(la, lb, jaro: required[level - 1])
                        guard common <= min(la, lb) else { continue }
                        let probes = postings.prefix(la - common + 1)
                        let probeCost = probes.reduce(0) { $0 + $1.count }
                        if level >= 2 {
                            guard la >= level, lb >= level else { continue }
                            let blocks = query.prefixes(level).map { table.postings(Self.prefixKey($0, length: lb)) }
                            if blocks.reduce(0, { $0 + $1.count }) <= probeCost {
                                for block in blocks { verify(block, common: common) }
                                continue
                            }
                        }
                        for probe in probes { verify(probe, common: common) }
                    }
                }
            }
        }
    }

    static func occurrenceKey(_ scalar: UInt32, _ occurrence: Int, length: Int) -> UInt64 {
        KeyMix.mix(KeyMix.mix(KeyMix.mix(1, UInt64(scalar)), UInt64(occurrence)), UInt64(length))
    }

    static func containedKey(_ token: Substring) -> UInt64 {
        var key = KeyMix.mix(3, UInt64(token.unicodeScalars.count))
        for scalar in token.unicodeScalars { key = KeyMix.mix(key, UInt64(scalar.value)) }
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

    init(_ normalized: String) {
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
