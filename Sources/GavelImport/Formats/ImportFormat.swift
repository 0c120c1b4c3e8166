import GavelEngine
import GavelSyntax

/// The official file formats `gavel lists import` reads (SPEC §4).
package enum ImportFormat: String, Sendable, CaseIterable {
    /// OFAC's SDN (or consolidated non-SDN) list, the `sdnList` XML.
    case ofacSDNXML = "ofac-sdn-xml"
    /// OFAC's legacy CSV: `sdn.csv`, with `add.csv` and `alt.csv` beside it when present.
    case ofacCSV = "ofac-csv"
    /// The UN Security Council consolidated list XML.
    case unXML = "un-xml"
    /// The EU Financial Sanctions Files full XML, v1.1.
    case euFSFXML = "eu-fsf-xml"
    /// UK consolidated list rows (`sanction_list` = `UK Cons`) of the FCA's
    /// combined sanctions CSV, the only machine-readable UK data available.
    case ukCSV = "uk-csv"

    /// Whether the file itself says when it was published; without that, the
    /// date is written after the path (`sdn.csv@2021-04-25`).
    var carriesDate: Bool {
        switch self {
        case .ofacSDNXML, .unXML, .euFSFXML: return true
        case .ofacCSV, .ukCSV: return false
        }
    }

    /// Reads one snapshot, calling `entry` for each entry in file order, and
    /// returns the publication date the file gives (nil when it gives none).
    func read(
        _ path: String, progress: ImportProgress?, warn: (String) -> Void,
        entry: (ImportedEntry) throws(DiagnosticError) -> Void
    ) throws(DiagnosticError) -> (date: String?, digest: String) {
        switch self {
        case .ofacSDNXML: return try OFACSDNXML.read(path, progress: progress, warn: warn, entry: entry)
        case .ofacCSV: return try OFACCSV.read(path, progress: progress, warn: warn, entry: entry)
        case .unXML: return try UNXML.read(path, progress: progress, entry: entry)
        case .euFSFXML: return try EUFSFXML.read(path, progress: progress, entry: entry)
        case .ukCSV: return try UKCSV.read(path, progress: progress, entry: entry)
        }
    }

    /// Files read besides `path` (OFAC's add.csv and alt.csv), for the progress total.
    func companions(of path: String) -> [String] {
        self == .ofacCSV ? OFACCSV.companions(of: path).compactMap { $0 } : []
    }
}
