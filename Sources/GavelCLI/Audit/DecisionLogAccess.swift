import Foundation
import GavelLog
import GavelLogPostgres
import GavelSyntax

/// Opening the decision log for a command: the default path, and the one
/// wording of "cannot" that every command prints before exiting 2.
public enum DecisionLogAccess {
    public static let defaultPath = SQLiteDecisionStore.defaultPath

    /// For `evaluate`: created when missing.
    public static func forAppending(_ path: String?) -> Result<any DecisionStore, Diagnostic> {
        open(path, create: true)
    }

    /// For `audit`: a missing log is an error, not an empty one made on the spot.
    static func forReading(_ path: String?) -> Result<any DecisionStore, Diagnostic> {
        open(path, create: false)
    }

    /// Whether an existing log file, or its folder, cannot be written by this
    /// process: it is then read as it is, without the files SQLite would add.
    static func isReadOnly(_ path: String) -> Bool {
        guard FileManager.default.fileExists(atPath: path) else { return false }
        let folder = FileAccess.parent(of: path)
        return access(path, W_OK) != 0 || access(folder.isEmpty ? "." : folder, W_OK) != 0
    }

    private static func open(_ path: String?, create: Bool) -> Result<any DecisionStore, Diagnostic> {
        do {
            // A postgres:// URL is the shared PostgreSQL log (GavelLogPostgres); anything else an SQLite file.
            if let path, PostgresLogAddress.isPostgres(path) { return .success(try PostgresDecisionStore.open(path, create: create)) }
            let file = path ?? defaultPath
            return .success(try SQLiteDecisionStore.open(file, create: create, readOnly: !create && isReadOnly(file)))
        } catch {
            return .failure(diagnostic(error))
        }
    }

    static func diagnostic(_ error: any Error) -> Diagnostic {
        if let diagnostic = error as? Diagnostic { return diagnostic }
        return .error(.unreadableFile, "\(error)", at: nil)
    }
}
