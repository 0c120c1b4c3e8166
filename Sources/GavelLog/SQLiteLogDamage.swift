import GRDB
import GavelSyntax

extension SQLiteDecisionStore {
    /// SQLite's word for a file whose pages do not hold together: cut short
    /// (a copy that stopped early), or overwritten in the middle.
    static func isDamage(_ error: any Error) -> Bool {
        guard let error = error as? DatabaseError else { return false }
        return error.resultCode == .SQLITE_CORRUPT || error.resultCode == .SQLITE_NOTADB
    }

    /// A damaged log is a read problem whatever the command: another path
    /// or `--no-log` would not mend it, a copy would. `untouched`: found
    /// before this process wrote anything to it (an append that fails is
    /// rolled back, but earlier ones of the same run stay).
    static func damaged(_ path: String, _ error: any Error, untouched: Bool) -> Diagnostic {
        Diagnostic.log(
            .logUnreadable,
            "the decision log `\(path)` is damaged: expected a complete SQLite database, found one SQLite cannot read (\(reason(error)))",
            path: path,
            help: (untouched ? "nothing was changed; " : "") + "restore the log from a copy (e.g. a backup), and keep the damaged file for inspection")
    }

    /// Why a command that only reads could not open the log: never advice
    /// about writing it.
    static func unreadable(_ path: String, _ error: any Error) -> Diagnostic {
        if isDamage(error) { return damaged(path, error, untouched: true) }
        return Diagnostic.log(
            .logUnreadable, "cannot open the decision log `\(path)` to read it: \(reason(error))", path: path,
            help: "check that the file can be read; nothing was changed")
    }
}
