import GavelLog
import NIOCore
import PostgresNIO

/// The `entry` table's columns (the SQLite log's list itself) and
/// how a row is read back, checking every value: a row edited by hand may
/// hold anything, and verification must say so rather than crash.
enum PostgresRows {
    static let names = StoredColumns.names
    static let list = names.joined(separator: ", ")
    static var count: Int { names.count }

    static func text(_ cell: PostgresCell) -> String? {
        guard var buffer = cell.bytes else { return nil }
        return buffer.readString(length: buffer.readableBytes)
    }

    static func bytes(_ cell: PostgresCell) -> [UInt8]? {
        cell.bytes.map { Array($0.readableBytesView) }
    }

    static func integer(_ cell: PostgresCell) -> Int64? {
        guard cell.bytes != nil else { return nil }
        return try? cell.decode(Int64.self)
    }

    static func bool(_ cell: PostgresCell) -> Bool? {
        guard cell.bytes != nil else { return nil }
        return try? cell.decode(Bool.self)
    }

    /// Columns `names`, from position 0 of `row`.
    static func entry(_ row: PostgresRandomAccessRow) -> Result<ChainedEntry, ProblemText> {
        func cell(_ name: String) -> PostgresCell { row[names.firstIndex(of: name) ?? 0] }
        func text(_ name: String) throws(ProblemText) -> String {
            guard let value = Self.text(cell(name)) else { throw ProblemText("`\(name)` is not text") }
            return value
        }
        func optionalText(_ name: String) -> String? { Self.text(cell(name)) }
        func integer(_ name: String) throws(ProblemText) -> Int64 {
            guard let value = Self.integer(cell(name)) else { throw ProblemText("`\(name)` is not an integer") }
            return value
        }
        func key(_ name: String) throws(ProblemText) -> SHA256Key? {
            guard let bytes = Self.bytes(cell(name)) else { return nil }
            guard let key = SHA256Key(bytes) else { throw ProblemText("`\(name)` is not a 32-byte SHA-256") }
            return key
        }
        do throws(ProblemText) {
            let kindText = try text("kind")
            guard let kind = LogEntry.Kind(rawValue: kindText) else { throw ProblemText("unknown kind `\(kindText)`") }
            let strict = try integer("strict")
            guard strict == 0 || strict == 1 else { throw ProblemText("`strict` is \(strict), expected 0 or 1") }
            guard let record = bytes(cell("record")) else { throw ProblemText("`record` is missing") }
            let caseBytes: CaseReference.Bytes?
            switch (try key("case_blob"), bytes(cell("case_bytes"))) {
            case (let blob?, nil): caseBytes = .blob(blob)
            case (nil, let inline?): caseBytes = .inline(inline)
            case (nil, nil): caseBytes = nil
            default: throw ProblemText("`case_blob` and `case_bytes` are both set")
            }
            var caseSource: CaseReference?
            if let caseBytes {
                guard let format = optionalText("case_format"), let document = Self.integer(cell("case_document")),
                    let file = optionalText("case_file"), let line = Self.integer(cell("case_line"))
                else { throw ProblemText("the case's format, document, file or line is missing") }
                caseSource = CaseReference(bytes: caseBytes, format: format, document: Int(document), file: file, line: Int(line))
            }
            guard let previous = try key("prev_hash"), let hash = try key("hash") else { throw ProblemText("a chain hash is missing") }
            let explained = cell("explain_screening").bytes == nil ? nil : try integer("explain_screening")
            if let explained, explained != 0 && explained != 1 { throw ProblemText("`explain_screening` is \(explained), expected 0, 1 or NULL") }
            let rules = try text("rules")
            let refersTo = cell("refers_to").bytes == nil ? nil : try integer("refers_to")
            let entry = LogEntry(
                kind: kind, refersTo: refersTo, recordID: try text("record_id"), caseID: try text("case_id"),
                decision: try text("decision"), asOf: try text("as_of"), asOfSource: try text("as_of_source"),
                traceLevel: try text("trace_level"), engineVersion: try text("engine_version"), strict: strict == 1,
                matchedRules: rules.isEmpty ? [] : rules.split(separator: " ", omittingEmptySubsequences: false).map(String.init),
                record: record, caseSource: caseSource, bundle: try key("bundle_blob"), explainScreening: explained.map { $0 == 1 })
            return .success(
                ChainedEntry(seq: try integer("seq"), loggedAt: try text("logged_at"), entry: entry, previous: previous, hash: hash))
        } catch {
            return .failure(error)
        }
    }

    /// Binds one entry's columns in `names` order.
    static func bind(
        _ e: LogEntry, seq: Int64, loggedAt: String, previous: SHA256Key, hash: SHA256Key, into binds: inout PostgresBindings
    ) {
        binds.append(seq)
        binds.append(e.kind.rawValue)
        binds.append(e.refersTo)
        binds.append(loggedAt)
        binds.append(e.recordID)
        binds.append(e.caseID)
        binds.append(e.decision)
        binds.append(e.asOf)
        binds.append(e.asOfSource)
        binds.append(e.traceLevel)
        binds.append(e.engineVersion)
        binds.append(Int64(e.strict ? 1 : 0))
        binds.append(LogEntry.storedRules(e.matchedRules))
        binds.append(ByteBuffer(bytes: e.record))
        binds.append(e.caseSource?.blob.map { ByteBuffer(bytes: $0.bytes) })
        binds.append(e.caseSource?.inline.map { ByteBuffer(bytes: $0) })
        binds.append(e.caseSource?.format)
        binds.append(e.caseSource.map { Int64($0.document) })
        binds.append(e.caseSource?.file)
        binds.append(e.caseSource.map { Int64($0.line) })
        binds.append(e.bundle.map { ByteBuffer(bytes: $0.bytes) })
        binds.append(e.explainScreening.map { Int64($0 ? 1 : 0) })
        binds.append(ByteBuffer(bytes: previous.bytes))
        binds.append(ByteBuffer(bytes: hash.bytes))
    }
}
