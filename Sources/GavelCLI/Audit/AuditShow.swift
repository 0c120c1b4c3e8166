import GavelEngine
import GavelLog
import GavelSyntax

/// `gavel audit show ID`: a logged decision as `evaluate` printed it. The
/// JSON form is the stored record itself; the text trail is rendered from
/// the decision taken again from the stored case and bundle files
/// (`StoredDecision`), which must reproduce the stored record exactly.
public struct AuditShow: Sendable {
    public enum Format: String, Sendable, CaseIterable { case text, json }

    public var log: String?
    /// A record id (`gvl-…`, its latest entry) or an entry's sequence number.
    public var id: String
    public var format: Format

    public init(log: String?, id: String, format: Format) {
        self.log = log
        self.id = id
        self.format = format
    }

    /// 0 shown; 1 no such entry; 2 the log or the entry cannot be read.
    public func run(output: (String) -> Void, errors: (String) -> Void) -> Int32 {
        do {
            let store = try DecisionLogAccess.forReading(log).get()
            let digits = id.hasPrefix("#") ? String(id.dropFirst()) : id
            let found = try Int64(digits).map { try store.entry(seq: $0) } ?? store.latestEntry(recordID: id)
            guard let entry = found else {
                errors(
                    Diagnostic.error(
                        .unknownEntry, "no entry in the decision log `\(store.location)` has the id `\(id)`", at: nil,
                        help: "`gavel audit list` shows the logged ids; a sequence number works too"
                    ).oneLine + "\n")
                return 1
            }
            switch format {
            case .json:
                output(String(decoding: entry.entry.record, as: UTF8.self) + "\n")
            case .text:
                let stored = try StoredDecision.redecide(entry, store: store)
                output(AuditTrailRenderer.render(stored.decision, bundle: stored.bundle))
            }
            return 0
        } catch {
            errors(DecisionLogAccess.diagnostic(error).oneLine + "\n")
            return 2
        }
    }
}
