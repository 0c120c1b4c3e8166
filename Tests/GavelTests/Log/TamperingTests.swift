import Crypto
import Foundation
import GRDB
import Testing

@testable import GavelCLI
@testable import GavelEngine
@testable import GavelLog
@testable import GavelSyntax

/// Every kind of tampering, done to the SQLite file directly, is caught by
/// `audit verify` and named by the first bad entry.
@Suite("decision log: tampering")
struct TamperingTests {
    /// A log of five decisions in its own folder.
    func logOfFive() throws -> LogFolder {
        let folder = try LogFolder()
        let bundle = try TemporaryBundle(LogFixtures.bundleFiles)
        let run = try LogFixtures.evaluate([try folder.write("c.jsonl", LogFixtures.cases(5))], policies: bundle.path, log: folder.log)
        #expect(run.status == 0)
        return folder
    }

    /// `audit verify`'s status and stderr.
    func verify(_ folder: LogFolder, key: String? = nil) -> (status: Int32, errors: String) {
        var errors = "", output = ""
        let status = AuditVerify(log: folder.log, publicKey: key).run(output: { output += $0 }, errors: { errors += $0 })
        return (status, errors)
    }

    func recordID(_ folder: LogFolder, _ seq: Int64) throws -> String {
        try #require(try folder.store().entry(seq: seq)).entry.recordID
    }

    @Test("an untouched log verifies")
    func intact() throws {
        let folder = try logOfFive()
        var output = ""
        #expect(AuditVerify(log: folder.log, publicKey: nil).run(output: { output += $0 }, errors: { _ in }) == 0)
        #expect(output.hasPrefix("intact: 5 entries, 5 blobs, head sha256:"))
    }

    @Test("an edited field of an entry is caught at that entry")
    func editedField() throws {
        let folder = try logOfFive()
        let id = try recordID(folder, 3)
        try folder.tamper("UPDATE entry SET decision = 'restrict' WHERE seq = 3")
        let (status, errors) = verify(folder)
        #expect(status == 1)
        #expect(errors.contains("entry 3 (\(id)): its content does not hash to its stored hash"))
    }

    @Test("whether near misses were explained cannot be changed or removed: each edit is caught at that entry", arguments: ["0", "1", "NULL", "2"])
    func editedExplainScreening(value: String) throws {
        let folder = try LogFolder()
        let bundle = try TemporaryBundle(LogFixtures.bundleFiles)
        let cases = try folder.write("c.jsonl", LogFixtures.cases(3))
        #expect(try LogFixtures.evaluate([cases], policies: bundle.path, log: folder.log, explainScreening: true).status == 0)
        #expect(try LogFixtures.evaluate([cases], policies: bundle.path, log: folder.log).status == 0)
        // Entry 2 was logged with 1, entry 5 with 0: set each to a value it did not have.
        let seq = value == "1" ? 5 : 2
        try folder.tamper("UPDATE entry SET explain_screening = \(value) WHERE seq = \(seq)")
        let (status, errors) = verify(folder)
        #expect(status == 1)
        #expect(errors.contains("entry \(seq) ("), "\(errors)")
        if value == "2" { #expect(errors.contains("`explain_screening` is 2, expected 0, 1 or NULL"), "\(errors)") }
    }

    @Test("an edited record is caught at that entry")
    func editedRecord() throws {
        let folder = try logOfFive()
        try folder.tamper("UPDATE entry SET record = CAST(replace(CAST(record AS TEXT), 'terminate', 'no_action') AS BLOB) WHERE seq = 4")
        let (status, errors) = verify(folder)
        #expect(status == 1)
        #expect(errors.contains("entry 4 ("))
    }

    @Test("a deleted entry in the middle is caught where the gap is")
    func deleted() throws {
        let folder = try logOfFive()
        try folder.tamper("DELETE FROM entry WHERE seq = 2")
        let (status, errors) = verify(folder)
        #expect(status == 1)
        #expect(errors.contains("entry 3 ("))
        #expect(errors.contains("entries 2…2 were deleted"))
    }

    @Test("an entry inserted in the middle, with the later ones renumbered, is caught where it was put")
    func insertedInMiddle() throws {
        let folder = try logOfFive()
        try folder.tamper("UPDATE entry SET seq = seq + 100 WHERE seq >= 3")
        try folder.tamper("UPDATE entry SET seq = seq - 99 WHERE seq >= 103")
        try folder.tamper(
            "INSERT INTO entry SELECT 3, kind, refers_to, logged_at, record_id, 'forged', decision, as_of, as_of_source, trace_level, "
                + "engine_version, strict, rules, record, case_blob, case_bytes, case_format, case_document, case_file, case_line, bundle_blob, prev_hash, hash, explain_screening "
                + "FROM entry WHERE seq = 2")
        let (status, errors) = verify(folder)
        #expect(status == 1)
        #expect(errors.contains("entry 3 ("))
    }

    @Test("an entry appended by hand, with a made-up hash, is caught")
    func appendedByHand() throws {
        let folder = try logOfFive()
        try folder.tamper(
            "INSERT INTO entry SELECT 6, kind, refers_to, logged_at, record_id, case_id, decision, as_of, as_of_source, trace_level, "
                + "engine_version, strict, rules, record, case_blob, case_bytes, case_format, case_document, case_file, case_line, bundle_blob, hash, prev_hash, explain_screening "
                + "FROM entry WHERE seq = 5")
        let (status, errors) = verify(folder)
        #expect(status == 1)
        #expect(errors.contains("entry 6 ("))
    }

    @Test("two entries swapped are caught at the first of them")
    func reordered() throws {
        let folder = try logOfFive()
        try folder.tamper("UPDATE entry SET seq = 100 WHERE seq = 2")
        try folder.tamper("UPDATE entry SET seq = 2 WHERE seq = 3")
        try folder.tamper("UPDATE entry SET seq = 3 WHERE seq = 100")
        let (status, errors) = verify(folder)
        #expect(status == 1)
        #expect(errors.contains("entry 2 ("))
        #expect(errors.contains("an entry was inserted, deleted or moved"))
    }

    /// A log of four decisions from two YAML files of two cases each: the files are blobs.
    func logOfYAMLFiles() throws -> LogFolder {
        let folder = try LogFolder()
        let bundle = try TemporaryBundle(LogFixtures.bundleFiles)
        let a = try folder.write("a.yaml", "kind: Case\nid: a1\ncustomer: { name: Hamas }\n---\nkind: Case\nid: a2\n")
        let b = try folder.write("b.yaml", "kind: Case\nid: b1\n---\nkind: Case\nid: b2\ncustomer: { name: Hamas }\n")
        #expect(try LogFixtures.evaluate([a, b], policies: bundle.path, log: folder.log).status == 0)
        return folder
    }

    @Test("an edited case file blob is caught at the first entry that uses it")
    func editedCaseBlob() throws {
        let folder = try logOfYAMLFiles()
        let entry = try #require(try folder.store().entry(seq: 3))
        let key = try #require(entry.entry.caseSource?.blob)
        #expect(try folder.store().entry(seq: 4)?.entry.caseSource?.blob == key)
        try folder.tamper("UPDATE blob SET bytes = CAST('kind: Case\nid: b1\n' AS BLOB) WHERE sha256 = ?", arguments: [Data(key.bytes)])
        let (status, errors) = verify(folder)
        #expect(status == 1)
        #expect(errors.contains("entry 3 (\(entry.entry.recordID)): its case blob \(key): its content no longer has the SHA-256"))
    }

    @Test("an edited JSONL case, kept in its entry, is caught at that entry")
    func editedInlineCase() throws {
        let folder = try logOfFive()
        try folder.tamper("UPDATE entry SET case_bytes = CAST('{\"kind\":\"Case\",\"id\":\"c-1\"}' AS BLOB) WHERE seq = 2")
        let (status, errors) = verify(folder)
        #expect(status == 1)
        #expect(errors.contains("entry 2 ("))
        #expect(errors.contains("does not hash to its stored hash"))
    }

    @Test("an edited bundle file is caught at the first entry decided by that bundle")
    func editedBundleFile() throws {
        let folder = try logOfFive()
        let policy = SHA256Key.of(Array((LogFixtures.bundleFiles["policy.yaml"] ?? "").utf8))
        try folder.tamper("UPDATE blob SET bytes = CAST('kind: Policy' AS BLOB) WHERE sha256 = ?", arguments: [Data(policy.bytes)])
        let (status, errors) = verify(folder)
        #expect(status == 1)
        #expect(errors.contains("entry 1 ("))
        #expect(errors.contains("bundle file `policy.yaml`"))
    }

    @Test("a deleted case blob is caught at the entry that needs it")
    func missingBlob() throws {
        let folder = try logOfYAMLFiles()
        let key = try #require(try folder.store().entry(seq: 3)?.entry.caseSource?.blob)
        try folder.tamper("DELETE FROM blob WHERE sha256 = ?", arguments: [Data(key.bytes)])
        let (status, errors) = verify(folder)
        #expect(status == 1)
        #expect(errors.contains("entry 3 ("))
        #expect(errors.contains("is missing"))
    }

    @Test("a row that is not an entry at all is reported, not crashed on")
    func garbageRow() throws {
        let folder = try logOfFive()
        try folder.tamper("UPDATE entry SET hash = X'00', kind = 'nonsense', record_id = X'FF00', strict = 'yes' WHERE seq = 5")
        let (status, errors) = verify(folder)
        #expect(status == 1)
        #expect(errors.contains("has been tampered with: entry 5: the row is not an entry"))
        #expect(errors.contains("the row is not an entry"))
    }

    /// Five decisions, an override of entry 2 (entry 6) and an appeal of entry 3 (entry 7).
    func logWithHumanEntries() throws -> LogFolder {
        let folder = try logOfFive()
        for (id, action) in [("2", AuditHumanDecision.Action.override(decision: "terminate", basis: "ToS")), ("3", .appeal(outcome: .upheld, decision: nil))] {
            #expect(AuditHumanDecision(log: folder.log, id: id, action: action, by: "Reviewer", reason: "Because").run(output: { _ in }, errors: { _ in }) == 0)
        }
        return folder
    }

    @Test(
        "an appeal whose refers_to names no earlier decision is caught at that entry, even with its hash recomputed",
        arguments: [
            (Int64(7), "refers to an earlier decision"), (Int64(9), "refers to an earlier decision"), (Int64(0), "refers to an earlier decision"),
            (Int64(6), "which is not a decision but an override or appeal"), (nil, "refers to no entry"),
        ] as [(Int64?, String)])
    func badReference(refersTo: Int64?, expected: String) throws {
        let folder = try logWithHumanEntries()
        #expect(verify(folder).status == 0)
        // The forger rewrites the appeal's target and its hash, which the chain check alone then accepts.
        var appeal = try #require(try folder.store().entry(seq: 7))
        #expect(appeal.entry.kind == .appeal && appeal.entry.refersTo == 3)
        appeal.entry.refersTo = refersTo
        let hash = EntryHash.of(seq: 7, loggedAt: appeal.loggedAt, entry: appeal.entry, previous: appeal.previousHash)
        try folder.tamper("UPDATE entry SET refers_to = ?, hash = ? WHERE seq = 7", arguments: [refersTo, Data(hash.bytes)])
        let (status, errors) = verify(folder)
        #expect(status == 1)
        #expect(errors.contains("entry 7 (gva-"))
        #expect(errors.contains(expected), "\(errors)")
    }

    @Test("a decision entry that refers to another entry, its hash recomputed, is caught at that entry")
    func decisionWithReference() throws {
        let folder = try logOfFive()
        var last = try #require(try folder.store().entry(seq: 5))
        last.entry.refersTo = 1
        let hash = EntryHash.of(seq: 5, loggedAt: last.loggedAt, entry: last.entry, previous: last.previousHash)
        try folder.tamper("UPDATE entry SET refers_to = 1, hash = ? WHERE seq = 5", arguments: [Data(hash.bytes)])
        let (status, errors) = verify(folder)
        #expect(status == 1)
        #expect(errors.contains("entry 5 (gvl-"))
        #expect(errors.contains("it is a decision but refers to entry 1"))
    }
}

/// Checkpoints: signed heads that make a rewrite of the whole chain show.
@Suite("decision log: checkpoints")
struct CheckpointTests {
    func signedLog() throws -> (LogFolder, key: String, publicKey: String) {
        let folder = try TamperingTests().logOfFive()
        var output = ""
        #expect(AuditKeygen(prefix: folder.path + "/k").run(output: { output += $0 }, errors: { _ in }) == 0)
        #expect(AuditCheckpoint(log: folder.log, key: folder.path + "/k.key").run(output: { output += $0 }, errors: { _ in }) == 0)
        #expect(output.contains("checkpoint: entry 5, head sha256:"))
        return (folder, folder.path + "/k.key", folder.path + "/k.pub")
    }

    @Test("keygen writes the private key readable by its owner only, and never overwrites a key")
    func keygen() throws {
        let folder = try LogFolder()
        #expect(AuditKeygen(prefix: folder.path + "/k").run(output: { _ in }, errors: { _ in }) == 0)
        let attributes = try FileManager.default.attributesOfItem(atPath: folder.path + "/k.key")
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        let before = try Data(contentsOf: URL(fileURLWithPath: folder.path + "/k.key"))
        var errors = ""
        #expect(AuditKeygen(prefix: folder.path + "/k").run(output: { _ in }, errors: { errors += $0 }) == 2)
        #expect(errors.contains("already exists"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: folder.path + "/k.key")) == before)
        _ = try KeyFiles.privateKey(at: folder.path + "/k.key")
        _ = try KeyFiles.publicKey(at: folder.path + "/k.pub")
        #expect(throws: Diagnostic.self) { try KeyFiles.publicKey(at: folder.path + "/k.key") }
    }

    @Test("keygen with an empty --out, or one naming a folder, is a usage error and writes no hidden .key or .pub")
    func keygenPrefixNamesNoFile() throws {
        let folder = try LogFolder()
        for prefix in ["", folder.path + "/", folder.path + "/."] {
            var errors = ""
            #expect(AuditKeygen(prefix: prefix).run(output: { _ in }, errors: { errors += $0 }) == 64)
            #expect(errors.contains("expected a path prefix such as `keys/ops`"), "\(prefix): \(errors)")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == [])
        let run = try GavelProcess.run(["audit", "keygen", "--out", ""], in: folder.path)
        #expect(run.status == 64)
        #expect(run.errors.contains("--out is empty: expected a path prefix"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == [])
    }

    @Test("checkpoint refuses a private key its group or others may read, naming the file, its mode and the fix")
    func openPrivateKeyRefused() throws {
        let folder = try TamperingTests().logOfFive()
        let key = folder.path + "/k.key"
        #expect(AuditKeygen(prefix: folder.path + "/k").run(output: { _ in }, errors: { _ in }) == 0)
        for mode in [0o644, 0o640, 0o604, 0o620] as [mode_t] {
            #expect(chmod(key, mode) == 0)
            var errors = ""
            #expect(AuditCheckpoint(log: folder.log, key: key).run(output: { _ in }, errors: { errors += $0 }) == 2)
            #expect(errors.contains("error[bad-key-file] the private key file `\(key)` is open to its group or others (mode 0\(String(mode, radix: 8)))"))
            #expect(errors.contains("expected mode 0600"))
            #expect(errors.contains("help: run `chmod 600 \(key)`"), "\(errors)")
        }
        #expect(try folder.store().checkpoints().isEmpty)
        #expect(chmod(key, 0o400) == 0)
        #expect(AuditCheckpoint(log: folder.log, key: key).run(output: { _ in }, errors: { _ in }) == 0)
    }

    @Test("a signed log verifies with the public key alone")
    func verifies() throws {
        let (folder, _, publicKey) = try signedLog()
        var output = ""
        #expect(AuditVerify(log: folder.log, publicKey: publicKey).run(output: { output += $0 }, errors: { _ in }) == 0)
        #expect(output.contains("1 signed checkpoint verified"))
    }

    @Test("a chain rewritten end to end, every hash recomputed, passes the chain check but not the checkpoint")
    func rewrittenChain() throws {
        let (folder, _, publicKey) = try signedLog()
        // The forger edits entry 2's decision, in its record and in the column that repeats it, and re-chains everything after it.
        let store = try folder.store()
        var entries = try store.entries(EntryFilter())
        let record = String(decoding: entries[1].entry.record, as: UTF8.self)
        let topLevel = try #require(record.range(of: "\"decision\":\"restrict\""))
        entries[1].entry.record = Array(record.replacingCharacters(in: topLevel, with: "\"decision\":\"no_action\"").utf8)
        entries[1].entry.decision = "no_action"
        var previous = SHA256Key.zero
        for index in entries.indices {
            entries[index].previousHash = previous
            entries[index].hash = EntryHash.of(seq: entries[index].seq, loggedAt: entries[index].loggedAt, entry: entries[index].entry, previous: previous)
            previous = entries[index].hash
            try folder.tamper(
                "UPDATE entry SET decision = ?, record = ?, prev_hash = ?, hash = ? WHERE seq = ?",
                arguments: [
                    entries[index].entry.decision, Data(entries[index].entry.record), Data(entries[index].previousHash.bytes),
                    Data(entries[index].hash.bytes), entries[index].seq,
                ])
        }
        var errors = ""
        #expect(AuditVerify(log: folder.log, publicKey: nil).run(output: { _ in }, errors: { errors += $0 }) == 1)
        #expect(errors.contains("entry 5 ("))
        errors = ""
        #expect(AuditVerify(log: folder.log, publicKey: publicKey).run(output: { _ in }, errors: { errors += $0 }) == 1)
        #expect(errors.contains("the chain up to it was rewritten"))
        // …and with the checkpoint re-signed by the forger's own key, the owner's key still catches it.
        try folder.tamper("DELETE FROM checkpoint")
        #expect(AuditKeygen(prefix: folder.path + "/forger").run(output: { _ in }, errors: { _ in }) == 0)
        #expect(AuditCheckpoint(log: folder.log, key: folder.path + "/forger.key").run(output: { _ in }, errors: { _ in }) == 0)
        errors = ""
        #expect(AuditVerify(log: folder.log, publicKey: publicKey).run(output: { _ in }, errors: { errors += $0 }) == 1)
        #expect(errors.contains("no checkpoint in the log is signed by this public key"))
    }

    @Test("entries deleted from the end are caught by the checkpoint that covered them")
    func truncated() throws {
        let (folder, _, publicKey) = try signedLog()
        try folder.tamper("DELETE FROM entry WHERE seq >= 4")
        var errors = ""
        #expect(AuditVerify(log: folder.log, publicKey: publicKey).run(output: { _ in }, errors: { errors += $0 }) == 1)
        #expect(errors.contains("covers entry 5, but the chain ends at entry 3"))
    }

    @Test("an edited checkpoint signature is caught")
    func editedSignature() throws {
        let (folder, _, publicKey) = try signedLog()
        try folder.tamper("UPDATE checkpoint SET signed_at = '2000-01-01T00:00:00.000Z'")
        var errors = ""
        #expect(AuditVerify(log: folder.log, publicKey: publicKey).run(output: { _ in }, errors: { errors += $0 }) == 1)
        #expect(errors.contains("signature that does not verify"))
    }

    @Test("a tampered chain is not signed")
    func refusesToSignTampering() throws {
        let (folder, key, _) = try signedLog()
        try folder.tamper("UPDATE entry SET case_id = 'x' WHERE seq = 1")
        var errors = ""
        #expect(AuditCheckpoint(log: folder.log, key: key).run(output: { _ in }, errors: { errors += $0 }) == 1)
        #expect(errors.contains("not signed"))
        #expect(try folder.store().checkpoints().count == 1)
    }
}
