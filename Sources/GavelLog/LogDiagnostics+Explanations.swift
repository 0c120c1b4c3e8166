import GavelSyntax

extension DiagnosticExplanation {
    /// The decision log's errors (LogDiagnostics.swift), as `gavel lint --explain` prints them.
    package static let decisionLog: [DiagnosticExplanation] = [
        DiagnosticExplanation(
            code: .logUnwritable,
            reportedBy: ["gavel evaluate", "gavel serve", "gavel audit"],
            summary: "The decision log cannot be opened, created or written",
            documentation: """
                `gavel evaluate` logs every decision before it prints it (docs/decision-log.md), so a run that \
                cannot open or write its log decides nothing and exits 2: the path is empty, a folder, a pipe or \
                a device, its folder cannot be created, or SQLite refuses to write (a read-only file or disk, a \
                full disk). The commands that append to a log (`audit override`, `appeal`, `checkpoint`) need a \
                log they can write too. The `audit` commands, which never create a log, report a path with no log \
                at it under this id as well.

                Pass `--log` a path this process can write (its folder is created), or decide without logging \
                with `--no-log`. A log on read-only media can still be read by `audit list`, `show`, `verify`, \
                `replay` and `export`.
                """,
            example: """
                .gavel:1:1: error[log-unwritable] the decision log `.gavel` is a directory: expected an SQLite file
                  help: pass --log the path of a file, e.g. .gavel/decisions.sqlite
                """),
        DiagnosticExplanation(
            code: .logUnreadable,
            reportedBy: ["gavel evaluate", "gavel audit"],
            summary: "The decision log is there but cannot be read: damaged, or not readable by this process",
            documentation: """
                SQLite cannot read the file: it was cut short (a copy that stopped early) or overwritten in \
                places, or this process may not read it. Nothing is written to it, and the command exits 2; \
                another `--log` path or `--no-log` would not mend the log.

                Restore the log from a copy (a backup), and keep the damaged file for inspection; for a \
                permissions problem, read it as a user who may. `gavel audit verify` on the restored copy checks \
                its chain end to end.
                """,
            example: """
                cut.sqlite:1:1: error[log-unreadable] the decision log `cut.sqlite` is damaged: expected a complete SQLite database, found one SQLite cannot read (database disk image is malformed)
                  help: nothing was changed; restore the log from a copy (e.g. a backup), and keep the damaged file for inspection
                """),
        DiagnosticExplanation(
            code: .notADecisionLog,
            reportedBy: ["gavel evaluate", "gavel serve", "gavel audit"],
            summary: "The file, or an entry in it, is not what a Gavel decision log holds",
            documentation: """
                A log is opened only if it is a Gavel log (an SQLite database with Gavel's application id), or, \
                for `evaluate` and `serve`, a missing path, an empty file or an empty database, which they start \
                a log in. A text file, another application's database, or (for the `audit` commands, which \
                never create a log) an empty file is refused before a byte of it is written. The same id is used \
                for an entry that cannot be read back (a record that is not JSON, a chain head without its hash).

                Pass `--log` the path of a Gavel decision log. For an entry that cannot be read, run \
                `gavel audit verify`: it names the first entry that does not hold together.
                """,
            example: """
                notes.txt:1:1: error[not-a-decision-log] `notes.txt` is not a Gavel decision log: expected an SQLite database, found a file that is not one
                  help: pass --log the path of a Gavel decision log, or of a file that does not exist yet
                """),
        DiagnosticExplanation(
            code: .logSchemaTooNew,
            reportedBy: ["gavel evaluate", "gavel serve", "gavel audit"],
            summary: "The decision log was written by a newer Gavel, with a schema this one does not know",
            documentation: """
                Each change to the log's tables is a numbered migration that never changes once released. An \
                older log is brought up to date when it is opened for writing; a log with a migration this Gavel \
                does not know is refused, unchanged, since reading or appending to it could misread what the \
                newer version wrote.

                Use the Gavel version that wrote the log (or a newer one).
                """,
            example: """
                .gavel/decisions.sqlite:1:1: error[log-schema-too-new] the decision log `.gavel/decisions.sqlite` has schema version \(LogSchema.versions + 1); this gavel reads schema versions 1 to \(LogSchema.versions)
                  help: use the newer gavel that wrote it; the log was left unchanged
                """),
        DiagnosticExplanation(
            code: .unknownEntry,
            reportedBy: ["gavel audit show", "gavel audit replay", "gavel audit override", "gavel audit appeal", "gavel audit checkpoint"],
            summary: "No logged decision has the id asked for",
            documentation: """
                An `ID` is a record id (`gvl-…`; `gvo-…` or `gva-…` for an override or appeal, which stands for \
                the decision it is about) or an entry's sequence number. The id was not found in this log, or it \
                names an entry that is about no logged decision; `audit checkpoint` reports it for a log with \
                no entry to sign. The command exits 1 (`checkpoint`: 2).

                `gavel audit list` shows the logged ids; check that `--log` names the log the decision was \
                written to.
                """,
            example: """
                error[unknown-entry] no entry in the decision log `.gavel/decisions.sqlite` has the id `gvl-0000`
                  help: `gavel audit list` shows the logged ids; a sequence number works too
                """),
        DiagnosticExplanation(
            code: .badKeyFile,
            reportedBy: ["gavel audit keygen", "gavel audit checkpoint", "gavel audit verify --public-key"],
            summary: "A checkpoint key file cannot be read or written, or is not a key",
            documentation: """
                Checkpoints are signed with an Ed25519 key pair that `gavel audit keygen --out PREFIX` writes as \
                `PREFIX.key` (mode 0600) and `PREFIX.pub`, one line each. A key file is refused when it is not \
                such a line, holds a key of the wrong size, cannot be read, or would overwrite an existing file; \
                a private key its group or others may read or write (mode 0644) is refused as ssh refuses it, \
                since a checkpoint signed with a key others may have copied vouches for nothing.

                Make a key pair with `gavel audit keygen`, or for a private key that is only too open, \
                `chmod 600 FILE` (and make a new pair if others could have read it).
                """,
            example: """
                ops.key:1:1: error[bad-key-file] the private key file `ops.key` is open to its group or others (mode 0644): expected mode 0600, readable and writable by its owner only
                  help: run `chmod 600 ops.key`; if others could read it, make a new key pair with `gavel audit keygen`
                """),
        DiagnosticExplanation(
            code: .logReplay,
            reportedBy: ["gavel audit show", "gavel audit replay", "gavel audit export", "gavel audit override", "gavel audit appeal"],
            summary: "A logged decision cannot be decided again from what the log stored",
            documentation: """
                `audit show` re-derives the trail from the stored case and bundle, and prints it only if \
                deciding them again gives the logged record byte for byte; `replay`, `export` and the human \
                decisions read the same stored files and records. This is reported when what was stored no \
                longer reads back (a stored bundle that no longer loads, a record that is not JSON), or when \
                `show` finds that it decides differently: most often after an engine upgrade, which the message \
                names. The command exits 2 rather than print what the log does not back.

                `gavel audit replay ID` shows, field by field, how the record differs; use the Gavel version \
                that logged the decision to show it. `gavel audit verify` tells whether the log itself was \
                altered.
                """,
            example: """
                .gavel/decisions.sqlite:1:1: error[log-replay] entry 12 (gvl-3f1c…) cannot be decided again: it was decided by gavel 0.1.0 and this is gavel 0.2.0, which decides it differently
                """),
    ]
}
