import Foundation
import GRDB

/// The `entry` table's columns, in one place: how an entry becomes a row
/// and, checking every value, a row becomes an entry again.
package enum StoredColumns {
    package static let names = [
        "seq", "kind", "refers_to", "logged_at", "record_id", "case_id", "decision", "as_of", "as_of_source", "trace_level",
        "engine_version", "strict", "rules", "record", "case_blob", "case_bytes", "case_format", "case_document", "case_file", "case_line",
        "bundle_blob", "explain_screening", "prev_hash", "hash",
    ]
    static let list = names.joined(separator: ", ")
    /// Rows are read by position: looking a column up by name, per column per row, is most of a verify's time.
    static let position = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) })
    static var count: Int { names.count }

    /// GRDB's typed subscripts stop the process on a value of another type;
    /// a hand-edited row may hold any type, so these never assume.
    static func integer(_ value: DatabaseValue) -> Int64? {
        if case .int64(let v) = value.storage { return v }
        return nil
    }

    static func text(_ value: DatabaseValue) -> String? {
        if case .string(let v) = value.storage { return v }
        return nil
    }

    static func bytes(_ value: DatabaseValue) -> [UInt8] {
        switch value.storage {
        case .blob(let data): return [UInt8](data)
        case .string(let text): return Array(text.utf8)
        default: return []
        }
    }

    /// The row as an entry, or what makes it not one: a row edited by hand
    /// may hold anything, and verification must say so rather than crash.
    static func entry(_ row: Row) -> Result<ChainedEntry, ProblemText> {
        func value(_ name: String) -> DatabaseValue { position[name].map { row[$0] } ?? .null }
        func text(_ name: String) throws(ProblemText) -> String {
            guard case .string(let value) = value(name).storage else { throw ProblemText("`\(name)` is not text") }
            return value
        }
        func optionalText(_ name: String) throws(ProblemText) -> String? {
            let stored = value(name)
            return stored.isNull ? nil : try text(name)
        }
        func integer(_ name: String) throws(ProblemText) -> Int64 {
            guard case .int64(let value) = value(name).storage else { throw ProblemText("`\(name)` is not an integer") }
            return value
        }
        func optionalInteger(_ name: String) throws(ProblemText) -> Int64? {
            let stored = value(name)
            return stored.isNull ? nil : try integer(name)
        }
        func key(_ name: String) throws(ProblemText) -> SHA256Key? {
            let stored = value(name)
            if stored.isNull { return nil }
            guard case .blob(let data) = stored.storage, let key = SHA256Key([UInt8](data)) else {
                throw ProblemText("`\(name)` is not a 32-byte SHA-256")
            }
            return key
        }
        do throws(ProblemText) {
            let kindText = try text("kind")
            guard let kind = LogEntry.Kind(rawValue: kindText) else { throw ProblemText("unknown kind `\(kindText)`") }
            let strict = try integer("strict")
            guard strict == 0 || strict == 1 else { throw ProblemText("`strict` is \(strict), expected 0 or 1") }
            guard case .blob(let record) = value("record").storage else { throw ProblemText("`record` is not a blob") }
            var caseSource: CaseReference?
            let inline = value("case_bytes")
            let caseBytes: CaseReference.Bytes?
            switch (try key("case_blob"), inline.storage) {
            case (let blob?, .null): caseBytes = .blob(blob)
            case (nil, .blob(let data)): caseBytes = .inline([UInt8](data))
            case (nil, .null): caseBytes = nil
            default: throw ProblemText("`case_blob` and `case_bytes` are both set, or `case_bytes` is not a blob")
            }
            if let caseBytes {
                guard let format = try optionalText("case_format"), let document = try optionalInteger("case_document"),
                    let file = try optionalText("case_file"), let line = try optionalInteger("case_line")
                else { throw ProblemText("the case's format, document, file or line is missing") }
                caseSource = CaseReference(bytes: caseBytes, format: format, document: Int(document), file: file, line: Int(line))
            }
            guard let previous = try key("prev_hash"), let hash = try key("hash") else { throw ProblemText("a chain hash is missing") }
            let explained = try optionalInteger("explain_screening")
            if let explained, explained != 0 && explained != 1 { throw ProblemText("`explain_screening` is \(explained), expected 0, 1 or NULL") }
            let rules = try text("rules")
            let entry = LogEntry(
                kind: kind, refersTo: try optionalInteger("refers_to"), recordID: try text("record_id"), caseID: try text("case_id"),
                decision: try text("decision"), asOf: try text("as_of"), asOfSource: try text("as_of_source"),
                traceLevel: try text("trace_level"), engineVersion: try text("engine_version"), strict: strict == 1,
                matchedRules: rules.isEmpty ? [] : rules.split(separator: " ", omittingEmptySubsequences: false).map(String.init),
                record: [UInt8](record), caseSource: caseSource, bundle: try key("bundle_blob"), explainScreening: explained.map { $0 == 1 })
            return .success(
                ChainedEntry(seq: try integer("seq"), loggedAt: try text("logged_at"), entry: entry, previousHash: previous, hash: hash))
        } catch {
            return .failure(error)
        }
    }
}
