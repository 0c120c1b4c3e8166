import GavelEngine
import GavelSyntax

/// Dated snapshots of one list folded into entries with `listed`/`delisted`.
///
/// The rules (also written into every generated list's header):
/// 1. Snapshots are taken oldest first. An entry belongs to a snapshot when
///    the snapshot has it and it passes `--programs` there, so leaving the
///    filtered programmes counts as leaving the list.
/// 2. Content (names, attributes, programmes) is the entry's latest snapshot.
/// 3. `listed`: the source's own date when the file gives one
///    (`listed_source: source`); else a curated date (`curated`); else, when
///    the entry is absent from an earlier snapshot, the date of the first
///    snapshot it appears in (`snapshot`): the true date lies after the
///    snapshot before it and on or before this one, and taking the later end
///    never counts the entry before it can be shown to be listed. An entry
///    in the first snapshot with no other date has no `listed`: it is in
///    force from the start, which is evidence from the future for any case
///    decided before the first snapshot (lint `list-evidence-before-snapshot`).
/// 4. `delisted`: when an entry is in a snapshot and absent from a later
///    one, the date of the first snapshot it is absent from after the last
///    snapshot that has it (`delisted_source: snapshot`): it was delisted
///    after that last snapshot and on or before that date.
/// 5. An entry that leaves and comes back keeps one period, from its first
///    snapshot, and is in force in the gap too, with a warning: the format
///    holds one period, and an entry is never shown out of force on a date a
///    snapshot showed it listed (taking the latest run, as before, put the
///    entry out of force for the years it was first listed).
/// 6. A primary name an entry had in an earlier snapshot and no longer has
///    stays as an alias, also under the `earlier_names` attribute: a case
///    decided as of then names it so. Dropped aliases are not kept.
struct ListHistory {
    struct State {
        var entry: ImportedEntry
        var lastSeen: Int
        /// Index of the first snapshot that has the entry.
        var firstSeen: Int
        /// Snapshots after the first and before the last that lack the entry.
        var gaps: [Int] = []
    }

    private(set) var dates: [String] = []
    private var states: [String: State] = [:]
    private var firstSeenOrder: [String] = []
    private var latestOrder: [String] = []

    /// Starts the next (later) snapshot.
    mutating func begin(date: String) {
        dates.append(date)
        latestOrder = []
    }

    /// False when the id is already in this snapshot.
    mutating func add(_ entry: ImportedEntry) -> Bool {
        let k = dates.count - 1
        if var state = states[entry.id] {
            if state.lastSeen == k { return false }
            state.gaps += Array(state.lastSeen + 1 ..< k)
            state.lastSeen = k
            state.entry = Self.keepingEarlierNames(of: state.entry, in: entry)
            states[entry.id] = state
        } else {
            states[entry.id] = State(entry: entry, lastSeen: k, firstSeen: k)
            firstSeenOrder.append(entry.id)
        }
        latestOrder.append(entry.id)
        return true
    }

    static let earlierNames = "earlier_names"

    /// `new` with the primary name `old` had, when `new` lacks it, as an
    /// alias marked under `earlier_names` (with those `old` had carried
    /// already). Aliases the source dropped are not kept: an authority
    /// withdraws an alias as wrong (OFAC's "David MAYER"), and the format
    /// cannot say until when it held.
    static func keepingEarlierNames(of old: ImportedEntry, in new: ImportedEntry) -> ImportedEntry {
        var kept = new
        // Between its files the UN re-indents or re-breaks names that run over a line (`ISIL-\nK`) and
        // changes their case: the same name to screening, not an earlier one.
        func spaced(_ name: String) -> String { name.lowercased().split(whereSeparator: \.isWhitespace).joined() }
        let own = Set(([new.name] + new.aliases + new.weakAliases).map(spaced))
        let carried = old.attributes.first { $0.key == earlierNames }?.values ?? []
        for name in [old.name] + carried where !own.contains(spaced(name)) {
            kept.alias(name)
            kept.attribute(earlierNames, name)
        }
        return kept
    }

    /// Entries of the latest snapshot in its order, then the delisted ones
    /// in the order they were first seen, with their windows.
    func entries(curated: CuratedDates?, programs: Set<String>?, warn: (String) -> Void) throws(DiagnosticError) -> [DatedEntry] {
        let latest = Set(latestOrder)
        let ids = latestOrder + firstSeenOrder.filter { !latest.contains($0) }
        var result: [DatedEntry] = []
        for id in ids {
            guard let state = states[id] else { continue }
            result.append(try ListHistory.dated(state, dates: dates, curated: curated, programs: programs, warn: warn))
        }
        return result
    }

    /// `dates` "" when the snapshot's date is not yet known (a single file
    /// streamed); the caller then checks `curated` against it at the end.
    static func dated(
        _ state: State, dates: [String], curated: CuratedDates?, programs: Set<String>?, warn: (String) -> Void
    ) throws(DiagnosticError) -> DatedEntry {
        var dated = DatedEntry(entry: state.entry)
        let hand = curated?.listed(state.entry.id, programs: programs)
        if let hand, hand.overridesSource {
            dated.listed = (hand.date, .curated)
            if let own = state.entry.listed, own != hand.date {
                warn("\(state.entry.id): the curated override \(hand.date) replaces the source's listing date \(own)")
            }
        } else if let own = state.entry.listed {
            dated.listed = (own, .source)
            if let hand, hand.date != own {
                warn("\(state.entry.id): curated listing date \(hand.date) differs from the source's \(own); the source's is used")
            }
        } else if let hand {
            dated.listed = (hand.date, .curated)
        } else if state.firstSeen > 0 {
            dated.listed = (dates[state.firstSeen], .snapshot)
        }
        if !state.gaps.isEmpty {
            let absent = state.gaps.map { dates[$0] }.joined(separator: ", ")
            warn(
                "\(state.entry.id): absent from the snapshot(s) of \(absent) but in snapshots before and after; kept in force throughout, as one listing period")
        }
        if let hand, dated.listed?.source == .curated {
            dated.curated = hand
            let first = dates[state.firstSeen]
            if !first.isEmpty { try CuratedDates.checkNotAfter(hand, id: state.entry.id, firstListedIn: first) }
        }
        if state.lastSeen < dates.count - 1 {
            dated.delisted = (dates[state.lastSeen + 1], .snapshot)
        }
        return dated
    }
}

/// An entry with its window, ready to write.
struct DatedEntry {
    var entry: ImportedEntry
    var listed: (date: String, source: ListEntry.DateSource)?
    var delisted: (date: String, source: ListEntry.DateSource)?
    /// The `--listed-dates` row `listed` comes from, when it does.
    var curated: CuratedDates.Applied?
}
