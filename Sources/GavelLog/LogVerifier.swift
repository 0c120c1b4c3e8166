import Crypto
import Foundation

/// `gavel audit verify`: re-hashes every blob and the whole chain, streaming
/// (memory holds the keys of bad blobs and checkpoints, and the few override
/// and appeal entries, never the decisions), holds every entry's searchable
/// columns to its record, and checks checkpoints, their signatures too when
/// given the public key.
public enum LogVerifier {
    public struct Report: Sendable {
        public var entries: Int64 = 0
        public var blobs: Int64 = 0
        public var head: SHA256Key = .zero
        /// Checkpoints whose signature was checked against the given key and holds.
        public var checkpointsVerified = 0
        /// The first thing wrong, in chain order; nil when the log is intact.
        public var problem: Problem?

        public var intact: Bool { problem == nil }
    }

    public struct Problem: Sendable, Hashable, CustomStringConvertible {
        /// The first bad entry, when the problem is one (a blob or a checkpoint may be named instead).
        public var seq: Int64?
        public var recordID: String?
        public var reason: String

        public var description: String {
            guard let seq else { return reason }
            return "entry \(seq)" + (recordID.map { " (\($0))" } ?? "") + ": " + reason
        }
    }

    public static func verify(_ store: any DecisionStore, publicKey: Curve25519.Signing.PublicKey? = nil) throws -> Report {
        var report = Report()
        var badBlobs: [SHA256Key: String] = [:]
        var firstBlobProblem: String?
        try store.scanBlobs { key, bytes in
            report.blobs += 1
            let actual = SHA256Key.of(bytes)
            guard let stored = SHA256Key(key) else {
                firstBlobProblem = firstBlobProblem ?? "a blob is stored under a key of \(key.count) bytes, not a SHA-256"
                return true
            }
            if stored != actual { badBlobs[stored] = "its content no longer has the SHA-256 it is stored under (\(actual))" }
            return true
        }

        let checkpoints = try store.checkpoints()
        let checkpointSeqs = Set(checkpoints.map(\.seq))
        var hashAt: [Int64: (SHA256Key, String)] = [:]
        // A store is not re-entered while it streams: manifests are checked after the scan, at the first entry that used each.
        var manifestFirstUse: [SHA256Key: (seq: Int64, recordID: String)] = [:]
        var expected: Int64 = 1
        var previous = SHA256Key.zero
        // Overrides and appeals are few: their seqs are what an override or appeal may not refer to.
        var humanSeqs = Set<Int64>()
        // Their columns that repeat the decision they refer to are checked after the scan, against that entry.
        var humanEntries: [ChainedEntry] = []
        // One serialisation buffer for the whole scan, as the appender keeps one per append.
        var fields = EntryBytes()
        try store.scanEntries { row in
            func fail(_ reason: String) -> Bool {
                report.problem = Problem(seq: row.seq, recordID: row.recordID, reason: reason)
                return false
            }
            if row.seq != expected {
                return fail(
                    row.seq > expected
                        ? "expected entry \(expected) next, found \(row.seq): entries \(expected)…\(row.seq - 1) were deleted"
                        : "expected entry \(expected) next, found \(row.seq)")
            }
            let entry: ChainedEntry
            switch row.entry {
            case .failure(let problem): return fail("the row is not an entry: \(problem.text)")
            case .success(let e): entry = e
            }
            if entry.previousHash != previous {
                return fail("its previous hash is \(entry.previousHash), but entry \(row.seq - 1)'s hash is \(previous): an entry was inserted, deleted or moved")
            }
            fields.load(seq: entry.seq, loggedAt: entry.loggedAt, entry: entry.entry, previous: previous)
            let hash = fields.hash(of: entry.entry)
            if hash != entry.hash { return fail("its content does not hash to its stored hash: the entry was edited") }
            if !row.caseBlobPresent { return fail("its case blob \(entry.entry.caseSource?.blob?.description ?? "") is missing") }
            if !row.bundleBlobPresent { return fail("its bundle manifest blob \(entry.entry.bundle?.description ?? "") is missing") }
            if let key = entry.entry.caseSource?.blob, let bad = badBlobs[key] { return fail("its case blob \(key): \(bad)") }
            if let problem = referenceProblem(entry.entry, seq: entry.seq, humanSeqs: humanSeqs) { return fail(problem) }
            if let problem = ColumnCheck.problem(entry) { return fail(problem) }
            if entry.entry.kind != .decision {
                humanSeqs.insert(entry.seq)
                humanEntries.append(entry)
            }
            if let key = entry.entry.bundle, manifestFirstUse[key] == nil { manifestFirstUse[key] = (entry.seq, entry.entry.recordID) }
            if checkpointSeqs.contains(entry.seq) { hashAt[entry.seq] = (entry.hash, entry.entry.recordID) }
            previous = hash
            report.entries += 1
            expected += 1
            return true
        }
        report.head = previous
        for (key, use) in manifestFirstUse.sorted(by: { $0.value.seq < $1.value.seq }) {
            if let seq = report.problem?.seq, seq < use.seq { break }
            if let problem = try manifestProblem(key, store: store, badBlobs: badBlobs) {
                report.problem = Problem(seq: use.seq, recordID: use.recordID, reason: problem)
                break
            }
        }
        for human in humanEntries {
            if let seq = report.problem?.seq, seq < human.seq { break }
            guard let targetSeq = human.entry.refersTo, let target = try store.entry(seq: targetSeq),
                let problem = ColumnCheck.targetProblem(human.entry, target: target)
            else { continue }
            report.problem = Problem(seq: human.seq, recordID: human.entry.recordID, reason: problem)
            break
        }
        if report.problem == nil, let firstBlobProblem { report.problem = Problem(reason: firstBlobProblem) }
        if report.problem == nil, let (key, bad) = badBlobs.min(by: { $0.key < $1.key }) {
            // A bad blob no entry refers to directly: a bundle file's, reported at its manifest, or an orphan.
            report.problem = Problem(reason: "blob \(key): \(bad)")
        }
        if report.problem == nil { report.problem = checkpointProblem(checkpoints, hashAt: hashAt, entries: report.entries, key: publicKey, report: &report) }
        return report
    }

    /// An override or appeal must refer to a decision entry before it (the
    /// entries before it were all seen, numbered without a gap); a decision
    /// refers to none. A rewritten chain can hash correctly and still break this.
    private static func referenceProblem(_ entry: LogEntry, seq: Int64, humanSeqs: Set<Int64>) -> String? {
        switch (entry.kind, entry.refersTo) {
        case (.decision, nil): return nil
        case (.decision, let target?): return "it is a decision but refers to entry \(target): only overrides and appeals refer to an entry"
        case (let kind, nil): return "it is an \(kind.rawValue) that refers to no entry"
        case (let kind, let target?):
            if target < 1 || target >= seq {
                return "it is an \(kind.rawValue) of entry \(target), which does not precede it: an \(kind.rawValue) refers to an earlier decision"
            }
            if humanSeqs.contains(target) {
                return "it is an \(kind.rawValue) of entry \(target), which is not a decision but an override or appeal"
            }
            return nil
        }
    }

    /// Whether a bundle manifest and every file it lists are stored intact; the reason when not.
    private static func manifestProblem(_ key: SHA256Key, store: any DecisionStore, badBlobs: [SHA256Key: String]) throws -> String? {
        if let bad = badBlobs[key] { return "its bundle manifest blob \(key): \(bad)" }
        guard let bytes = try store.blob(key), let manifest = BundleManifestBlob.decode(bytes) else {
            return "its bundle manifest blob \(key) is not a bundle manifest"
        }
        for file in manifest.files {
            guard let fileKey = SHA256Key(hex: file.sha256) else { return "its bundle manifest lists `\(file.path)` without a SHA-256" }
            if let bad = badBlobs[fileKey] { return "bundle file `\(file.path)` (blob \(fileKey)): \(bad)" }
            if try !store.hasBlob(fileKey) { return "bundle file `\(file.path)` (blob \(fileKey)) is missing" }
        }
        return nil
    }

    private static func checkpointProblem(
        _ checkpoints: [Checkpoint], hashAt: [Int64: (SHA256Key, String)], entries: Int64, key: Curve25519.Signing.PublicKey?,
        report: inout Report
    ) -> Problem? {
        let raw = key.map { Array($0.rawRepresentation) }
        for checkpoint in checkpoints {
            let ours = raw != nil && checkpoint.publicKey == raw
            if ours, let key, !checkpoint.isSigned(by: key) {
                return Problem(
                    seq: checkpoint.seq, reason: "the checkpoint signed at \(checkpoint.signedAt) has a signature that does not verify: it was edited")
            }
            guard let (hash, recordID) = hashAt[checkpoint.seq] else {
                return Problem(
                    seq: checkpoint.seq,
                    reason: "a checkpoint signed at \(checkpoint.signedAt) covers entry \(checkpoint.seq), but the chain ends at entry \(entries): entries were deleted")
            }
            if hash != checkpoint.head {
                return Problem(
                    seq: checkpoint.seq, recordID: recordID,
                    reason: "its hash \(hash) is not the head \(checkpoint.head) signed at \(checkpoint.signedAt): the chain up to it was rewritten")
            }
            if ours { report.checkpointsVerified += 1 }
        }
        if key != nil && report.checkpointsVerified == 0 {
            return Problem(reason: "no checkpoint in the log is signed by this public key, so a rewrite of the whole chain cannot be ruled out")
        }
        return nil
    }
}
