import GavelLog
import GavelSyntax

/// How every `audit` command finds the entry an id names.
enum AuditLookup {
    /// A record id (`gvl-…`, its latest entry; `gvo-…`/`gva-…` for an
    /// override or appeal) or an entry's sequence number, with or without `#`.
    static func entry(_ id: String, store: any DecisionStore) throws -> ChainedEntry? {
        let digits = id.hasPrefix("#") ? String(id.dropFirst()) : id
        if let seq = Int64(digits) { return try store.entry(seq: seq) }
        return try store.latestEntry(recordID: id)
    }

    /// The decision an entry is about: itself, or the original an override or appeal refers to.
    static func decision(_ id: String, store: any DecisionStore) throws -> ChainedEntry? {
        guard let found = try entry(id, store: store) else { return nil }
        guard found.entry.kind != .decision else { return found }
        guard let original = try found.entry.refersTo.flatMap({ try store.entry(seq: $0) }), original.entry.kind == .decision else {
            throw Diagnostic.error(
                .unknownEntry, "entry \(found.seq) (\(found.entry.recordID)) is an \(found.entry.kind.rawValue) of no logged decision", at: nil,
                help: "run `gavel audit verify` to check the whole log")
        }
        return original
    }

    static func unknown(_ id: String, store: any DecisionStore) -> String {
        Diagnostic.error(
            .unknownEntry, "no entry in the decision log `\(store.location)` has the id `\(id)`", at: nil,
            help: "`gavel audit list` shows the logged ids; a sequence number works too"
        ).oneLine + "\n"
    }
}
