import GRDB
import GavelSyntax

/// Defaults for the reading calls added after the first backends were
/// written, so every `DecisionStore` keeps compiling: correct, built on
/// `scanEntries`, and slow on a large log (a page scans from the start).
extension DecisionStore {
    public func entries(after seq: Int64, limit: Int) throws -> [ChainedEntry] {
        var page: [ChainedEntry] = []
        try scanEntries { row in
            guard row.seq > seq else { return true }
            page.append(try Self.readable(row, location: location))
            return page.count < limit
        }
        return page
    }

    public func humanEntries() throws -> [ChainedEntry] {
        var found: [ChainedEntry] = []
        try scanEntries { row in
            let entry = try Self.readable(row, location: location)
            if entry.entry.kind != .decision { found.append(entry) }
            return true
        }
        return found
    }

    public func bundleKeys() throws -> Set<SHA256Key> {
        var keys = Set<SHA256Key>()
        try scanEntries { row in
            if case .success(let entry) = row.entry, let key = entry.entry.bundle { keys.insert(key) }
            return true
        }
        return keys
    }

    static func readable(_ row: StoredRow, location: String) throws -> ChainedEntry {
        switch row.entry {
        case .success(let entry): return entry
        case .failure(let problem):
            throw Diagnostic.log(
                .notADecisionLog, "entry \(row.seq) cannot be read: \(problem.text)", path: location,
                help: "run `gavel audit verify` to check the whole log")
        }
    }
}

extension SQLiteDecisionStore {
    public func entries(after seq: Int64, limit: Int) throws -> [ChainedEntry] {
        try fetch("SELECT \(StoredColumns.list) FROM entry WHERE seq > ? ORDER BY seq LIMIT ?", [seq, limit])
    }

    public func humanEntries() throws -> [ChainedEntry] {
        try fetch("SELECT \(StoredColumns.list) FROM entry WHERE kind <> 'decision' ORDER BY seq", [])
    }

    public func bundleKeys() throws -> Set<SHA256Key> {
        try guarded("read") {
            try queue.read { db in
                Set(try Row.fetchAll(db, sql: "SELECT DISTINCT bundle_blob FROM entry WHERE bundle_blob IS NOT NULL").compactMap { row in
                    let value: DatabaseValue = row[0]
                    if case .blob(let data) = value.storage { return SHA256Key([UInt8](data)) }
                    return nil
                })
            }
        }
    }
}
