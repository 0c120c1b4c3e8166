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

    init(names: NameIndex?, entries: [ScreeningEntry]) {
        self.names = names
        var identifiers: [String: [String: [UInt32]]] = [:]
        var identifierSkeletons: [String: [String: [UInt32]]] = [:]
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
        }
        self.identifiers = identifiers
        self.identifierSkeletons = identifierSkeletons
    }

    /// Builds the whole index in memory.
    convenience init(_ entries: [ScreeningEntry]) {
        self.init(names: NameIndex.build(entries), entries: entries)
    }

    /// Whether this index can answer a screen at `threshold`; otherwise scan.
    func serves(_ threshold: Double) -> Bool {
        names != nil && threshold >= Self.lowestThreshold
    }

    /// Positions in the list's entries, ascending and distinct, of every
    /// entry that any of `names` may reach at `threshold` (in any reading)
    /// or that carries one of `identifiers`, a parent of one, or (for a
    /// non-ASCII host) a host with its skeleton: the lookups
    /// `IdentifierMatcher.match` makes, by value instead of by entry.
    func candidates(names queries: [PreparedName], identifiers ids: [IdentifierMatcher.Prepared], threshold: Double) -> [Int] {
        var found: [UInt32] = []
        if let names {
            for query in queries { names.collect(query, threshold: threshold, into: &found) }
        }
        for id in ids {
            for suffix in id.suffixes { found += identifiers[id.kind]?[suffix] ?? [] }
            for suffix in id.skeletonSuffixes { found += identifierSkeletons[id.kind]?[suffix] ?? [] }
        }
        found.sort()
        var out: [Int] = []
        out.reserveCapacity(found.count)
        for position in found where out.last != Int(position) { out.append(Int(position)) }
        return out
    }
}
