import GavelLog
import GavelSyntax
import NIOCore
import PostgresNIO

/// Reading the PostgreSQL log: streamed a page of rows at a time, in
/// sequence (or key) order, so a log of any size is read in bounded memory.
extension PostgresDecisionStore {
    public func head() throws -> ChainHead? {
        try guarded("read") {
            try connections.with { c in
                guard let row = try connections.query(c, "SELECT seq, hash FROM entry ORDER BY seq DESC LIMIT 1").first?.makeRandomAccess()
                else { return nil }
                let seq = PostgresRows.integer(row[0]) ?? 0
                guard let hash = PostgresRows.bytes(row[1]).flatMap(SHA256Key.init) else {
                    throw Diagnostic.error(
                        .notADecisionLog, "entry \(seq), the head of the chain, has no 32-byte hash: run `gavel audit verify`", at: nil)
                }
                return ChainHead(seq: seq, head: hash)
            }
        }
    }

    public func scanEntries(_ body: (StoredRow) throws -> Bool) throws {
        var after: Int64 = Int64.min
        while true {
            let rows = try guarded("read") {
                try connections.with { c in
                    try connections.query(
                        c,
                        """
                        SELECT \(unescaped: PostgresRows.list),
                            case_blob IS NULL OR EXISTS (SELECT 1 FROM blob WHERE blob.sha256 = entry.case_blob),
                            bundle_blob IS NULL OR EXISTS (SELECT 1 FROM blob WHERE blob.sha256 = entry.bundle_blob)
                        FROM entry WHERE seq > \(after) ORDER BY seq LIMIT \(Int64(page))
                        """)
                }
            }
            for row in rows {
                let cells = row.makeRandomAccess()
                let seq = PostgresRows.integer(cells[0]) ?? 0
                after = seq
                let stored = StoredRow(
                    seq: seq, recordID: PostgresRows.text(cells[4]), parsed: PostgresRows.entry(cells),
                    caseBlobPresent: PostgresRows.bool(cells[PostgresRows.count]) ?? false,
                    bundleBlobPresent: PostgresRows.bool(cells[PostgresRows.count + 1]) ?? false)
                if try !body(stored) { return }
            }
            if rows.count < page { return }
        }
    }

    public func scanBlobs(_ body: ([UInt8], [UInt8]) throws -> Bool) throws {
        var after = ByteBuffer()
        var first = true
        let blobPage: Int64 = 64
        while true {
            let rows = try guarded("read") {
                try connections.with { c in
                    try connections.query(
                        c,
                        first
                            ? "SELECT sha256, bytes FROM blob ORDER BY sha256 LIMIT \(blobPage)"
                            : "SELECT sha256, bytes FROM blob WHERE sha256 > \(after) ORDER BY sha256 LIMIT \(blobPage)")
                }
            }
            first = false
            for row in rows {
                let cells = row.makeRandomAccess()
                let key = PostgresRows.bytes(cells[0]) ?? []
                after = ByteBuffer(bytes: key)
                if try !body(key, PostgresRows.bytes(cells[1]) ?? []) { return }
            }
            if rows.count < blobPage { return }
        }
    }

    public func blob(_ key: SHA256Key) throws -> [UInt8]? {
        try guarded("read") {
            try connections.with { c in
                try connections.query(c, "SELECT bytes FROM blob WHERE sha256 = \(ByteBuffer(bytes: key.bytes))").first
                    .flatMap { PostgresRows.bytes($0.makeRandomAccess()[0]) }
            }
        }
    }

    public func hasBlob(_ key: SHA256Key) throws -> Bool {
        try guarded("read") {
            try connections.with { c in
                try !connections.query(c, "SELECT 1 FROM blob WHERE sha256 = \(ByteBuffer(bytes: key.bytes))").isEmpty
            }
        }
    }

    public func entries(_ filter: EntryFilter) throws -> [ChainedEntry] {
        var out: [ChainedEntry] = []
        var after = Int64.min
        while true {
            var (condition, binds) = Self.condition(filter)
            binds.append(after)
            let sql = "SELECT \(PostgresRows.list) FROM entry WHERE \(condition)seq > $\(binds.count) ORDER BY seq LIMIT \(page)"
            let found = try fetch(PostgresQuery(unsafeSQL: sql, binds: binds))
            out += found
            guard found.count == page, let last = found.last else { return out }
            after = last.seq
        }
    }

    public func summaries(_ filter: EntryFilter, _ body: (EntrySummary) throws -> Bool) throws {
        var after = Int64.min
        while true {
            var (condition, binds) = Self.condition(filter)
            binds.append(after)
            // The record only where a rule is in error (EntrySummary.errorStatus): most are not, and are not sent.
            let sql = """
                SELECT seq, kind, record_id, case_id, decision, as_of, logged_at, rules, hash,
                    CASE WHEN position(convert_to('\(String(decoding: EntrySummary.errorStatus, as: UTF8.self))', 'UTF8') IN record) > 0 THEN record END
                FROM entry WHERE \(condition)seq > $\(binds.count) ORDER BY seq LIMIT \(page)
                """
            let rows = try guarded("read") { try connections.with { c in try connections.query(c, PostgresQuery(unsafeSQL: sql, binds: binds)) } }
            for row in rows {
                let cells = row.makeRandomAccess()
                func text(_ i: Int) -> String { PostgresRows.text(cells[i]) ?? "?" }
                let rules = text(7)
                let seq = PostgresRows.integer(cells[0]) ?? 0
                after = seq
                let summary = EntrySummary(
                    seq: seq, kind: text(1), recordID: text(2), caseID: text(3), decision: text(4), asOf: text(5), loggedAt: text(6),
                    rules: rules.isEmpty ? [] : rules.split(separator: " ").map(String.init),
                    hash: PostgresRows.bytes(cells[8]).flatMap(SHA256Key.init), record: PostgresRows.bytes(cells[9]))
                if try !body(summary) { return }
            }
            if rows.count < page { return }
        }
    }

    /// The filter as conditions, each followed by ` AND `, and their parameters.
    static func condition(_ filter: EntryFilter) -> (String, PostgresBindings) {
        var conditions = ""
        var binds = PostgresBindings()
        func next(_ value: String) -> String {
            binds.append(value)
            return "$\(binds.count)"
        }
        if let caseID = filter.caseID { conditions += "case_id = \(next(caseID)) AND " }
        if let decision = filter.decision { conditions += "decision = \(next(decision)) AND " }
        if let rule = filter.rule { conditions += "position(' ' || \(next(rule)) || ' ' in ' ' || rules || ' ') > 0 AND " }
        // Compared on as many characters as the bound has: a bare date covers its whole day.
        if let since = filter.since {
            let p = next(since)
            conditions += "substr(logged_at, 1, length(\(p))) >= \(p) AND "
        }
        if let until = filter.until {
            let p = next(until)
            conditions += "substr(logged_at, 1, length(\(p))) <= \(p) AND "
        }
        return (conditions, binds)
    }

    public func entry(seq: Int64) throws -> ChainedEntry? {
        try fetch("SELECT \(unescaped: PostgresRows.list) FROM entry WHERE seq = \(seq)").first
    }

    public func latestEntry(recordID: String) throws -> ChainedEntry? {
        try fetch("SELECT \(unescaped: PostgresRows.list) FROM entry WHERE record_id = \(recordID) ORDER BY seq DESC LIMIT 1").first
    }

    fileprivate func fetch(_ query: PostgresQuery) throws -> [ChainedEntry] {
        try decodedEntries(try guarded("read") { try connections.with { c in try connections.query(c, query) } })
    }

    /// Rows of `PostgresRows.list` as entries; a row that cannot be read is a located error.
    func decodedEntries(_ rows: [PostgresRow]) throws -> [ChainedEntry] {
        try rows.map { row in
            let cells = row.makeRandomAccess()
            switch PostgresRows.entry(cells) {
            case .success(let entry): return entry
            case .failure(let problem):
                throw Diagnostic.error(
                    .notADecisionLog, "entry \(PostgresRows.integer(cells[0]) ?? 0) cannot be read: \(problem.text)",
                    at: SourceLocation(file: location, line: 1, column: 1), help: "run `gavel audit verify` to check the whole log")
            }
        }
    }

    public func checkpoints() throws -> [Checkpoint] {
        try guarded("read") {
            try connections.with { c in
                try connections.query(c, "SELECT seq, head, signed_at, public_key, signature FROM checkpoint ORDER BY id").map { row in
                    let cells = row.makeRandomAccess()
                    return Checkpoint(
                        seq: PostgresRows.integer(cells[0]) ?? 0, head: PostgresRows.bytes(cells[1]).flatMap(SHA256Key.init) ?? .zero,
                        signedAt: PostgresRows.text(cells[2]) ?? "", publicKey: PostgresRows.bytes(cells[3]) ?? [],
                        signatureBytes: PostgresRows.bytes(cells[4]) ?? [])
                }
            }
        }
    }

}
