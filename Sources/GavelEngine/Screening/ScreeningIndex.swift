/// What `Screener` asks instead of visiting every entry of a list: the
/// entries a case's names and identifiers could match, a superset of those
/// the scan would report (see `NameIndex` for why nothing is lost).
package final class ScreeningIndex: Sendable {
    /// The lowest `min_score` the index serves. The bounds hold for any
    /// threshold above 1/3 (where they still demand one common scalar), but
    /// below 0.5 they pass most of a list and the scan is as quick; a screen
    /// with a lower `min_score` is scanned.
    package static let lowestThreshold = 0.5

    let names: NameIndex?
    /// Identifier kind → normalised value → entries (positions) that carry it.
    let identifiers: [String: [String: [UInt32]]]
    /// Identifier kind → confusable skeleton of a listed host → entries.
    let identifierSkeletons: [String: [String: [UInt32]]]
    /// Identifier kind → key of a listed host's registered name → entries.
    let registeredNames: [String: [String: [UInt32]]]

    init(names: NameIndex?, entries: [ScreeningEntry]) {
        self.names = names
        var identifiers: [String: [String: [UInt32]]] = [:]
        var identifierSkeletons: [String: [String: [UInt32]]] = [:]
        var registeredNames: [String: [String: [UInt32]]] = [:]
        for (position, candidate) in entries.enumerated() {
            for (kind, values) in candidate.identifiers {
                for value in values where !value.isEmpty {
                    identifiers[kind, default: [:]][value, default: []].append(UInt32(truncatingIfNeeded: position))
                }
            }
            for (kind, values) in candidate.identifierSkeletons {
                for value in values where !value.isEmpty {
                    identifierSkeletons[kind, default: [:]][value, default: []].append(UInt32(truncatingIfNeeded: position))
                }
            }
            for (kind, names) in candidate.registeredNames {
                for key in names.keys { registeredNames[kind, default: [:]][key, default: []].append(UInt32(truncatingIfNeeded: position)) }
            }
        }
        self.identifiers = identifiers
        self.identifierSkeletons = identifierSkeletons
        self.registeredNames = registeredNames
    }

    /// Builds the whole index in memory.
    convenience init(_ entries: [ScreeningEntry]) {
        self.init(names: NameIndex.build(entries), entries: entries)
    }

    /// Whether this index can answer a screen at `threshold`; otherwise scan.
    func serves(_ threshold: Double) -> Bool {
        names != nil && threshold >= Self.lowestThreshold
    }

    /// Every entry that any of `names` may reach at `threshold` (in any
    /// reading) or that carries one of `identifiers`, a parent of one, or
    /// (for a non-ASCII host) a host with its skeleton: the lookups
    /// `IdentifierMatcher.match` makes, by value instead of by entry. Each
    /// entry comes with the names that may reach it, since each name's
    /// lookups are a superset of the entries that name reaches.
    func candidates(names queries: [PreparedName], identifiers ids: [IdentifierMatcher.Prepared], threshold: Double) -> ScreeningCandidates {
        var pairs: [UInt64] = []
        if let names {
            var entries: [UInt32] = []
            for (name, query) in queries.enumerated() {
                entries.removeAll(keepingCapacity: true)
                names.collect(query, threshold: threshold, into: &entries)
                for position in entries { pairs.append(ScreeningCandidates.pair(position, UInt32(truncatingIfNeeded: name))) }
            }
        }
        for id in ids {
            // A linked host is looked up among the listed hosts as the value's own are.
            for suffix in id.suffixes + id.linkedSuffixes {
                for position in identifiers[id.kind]?[suffix] ?? [] { pairs.append(ScreeningCandidates.pair(position, ScreeningCandidates.noName)) }
            }
            for suffix in id.skeletonSuffixes + id.linkedSkeletonSuffixes {
                for position in identifierSkeletons[id.kind]?[suffix] ?? [] {
                    pairs.append(ScreeningCandidates.pair(position, ScreeningCandidates.noName))
                }
            }
            for name in id.registeredNames + id.linkedRegisteredNames {
                for position in registeredNames[id.kind]?[name.key] ?? [] {
                    pairs.append(ScreeningCandidates.pair(position, ScreeningCandidates.noName))
                }
            }
        }
        return ScreeningCandidates(pairs)
    }
}

/// The entries a screen must score, each with the names that may reach it.
///
/// `Screener` compares an entry with those names only. That gives the
/// scan's answer: a name the index did not pair with an entry provably stays
/// below the threshold against it, so its score can be neither the entry's
/// best in the band nor one of the matches reported. Scoring every name
/// against every candidate instead made a case with many aliases quadratic
/// (2,000 aliases: each found entry compared with all 2,000 names).
struct ScreeningCandidates: Sendable, Equatable {
    /// (entry position << 32 | name), ascending and distinct.
    private let pairs: [UInt64]
    /// The "name" of an entry found by an identifier alone.
    static let noName = UInt32.max

    static func pair(_ position: UInt32, _ name: UInt32) -> UInt64 { UInt64(position) << 32 | UInt64(name) }

    init(_ unsorted: [UInt64]) {
        var sorted = unsorted
        sorted.sort()
        var distinct: [UInt64] = []
        distinct.reserveCapacity(sorted.count)
        for pair in sorted where distinct.last != pair { distinct.append(pair) }
        pairs = distinct
    }

    /// How many entries each of `names` names may reach (the identifiers' aside).
    func entriesPerName(_ names: Int) -> [Int] {
        var counts = [Int](repeating: 0, count: names)
        for pair in pairs {
            let name = Int(UInt32(truncatingIfNeeded: pair))
            if name < names { counts[name] += 1 }
        }
        return counts
    }

    /// Entry positions, ascending and distinct.
    var positions: [Int] {
        var out: [Int] = []
        for pair in pairs where out.last != Int(pair >> 32) { out.append(Int(pair >> 32)) }
        return out
    }

    /// Calls `body` once per entry, in ascending position, with the indices
    /// (ascending) of the names that may reach it; empty when only an
    /// identifier found it.
    func forEach(_ body: (_ position: Int, _ names: [Int]) -> Void) {
        var names: [Int] = []
        var start = 0
        while start < pairs.count {
            let position = pairs[start] >> 32
            names.removeAll(keepingCapacity: true)
            var end = start
            while end < pairs.count, pairs[end] >> 32 == position {
                let name = UInt32(truncatingIfNeeded: pairs[end])
                if name != Self.noName { names.append(Int(name)) }
                end += 1
            }
            body(Int(position), names)
            start = end
        }
    }
}
