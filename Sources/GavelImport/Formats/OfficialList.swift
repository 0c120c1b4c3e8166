/// The official list a file is a copy of. Snapshots of one Gavel list must
/// all be copies of the same official list: the UN's file given as a later
/// snapshot of OFAC's would delist every OFAC entry and file the UN's under
/// "US-OFAC".
struct OfficialList: Equatable, Sendable {
    /// In words, for messages ("the OFAC SDN list").
    var name: String
    /// The header's `authority` when `--authority` is not given.
    var authority: String
    /// The header's `source` when `--source` is not given: where this
    /// format of the list is published (OFAC's CSV and XML differ).
    var source: String

    /// One list whatever its format.
    static func == (a: OfficialList, b: OfficialList) -> Bool { a.name == b.name && a.authority == b.authority }

    static let ofacSDN = OfficialList(
        name: "the OFAC SDN list", authority: "US-OFAC",
        source: "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/SDN.XML")
    /// OFAC's non-SDN consolidated list: the SDN schema, other programmes.
    static let ofacConsolidated = OfficialList(
        name: "the OFAC consolidated (non-SDN) list", authority: "US-OFAC",
        source: "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/CONSOLIDATED.XML")
    static let un = OfficialList(
        name: "the UN Security Council consolidated list", authority: "UN-SC",
        source: "https://scsanctions.un.org/resources/xml/en/consolidated.xml")
    static let eu = OfficialList(
        name: "the EU financial sanctions list", authority: "EU-COUNCIL",
        source: "https://data.europa.eu/data/datasets/consolidated-list-of-persons-groups-and-entities-subject-to-eu-financial-sanctions")
    static let uk = OfficialList(
        name: "the UK consolidated list", authority: "UK-OFSI",
        source: "https://www.gov.uk/government/publications/financial-sanctions-consolidated-list-of-targets")

    /// The list `path` read as `format` is a copy of. The two OFAC lists
    /// share one XML schema and no element says which is which, so the
    /// file's name does: OFAC publishes the non-SDN one as `consolidated.xml`.
    static func of(_ path: String, format: ImportFormat) -> OfficialList {
        switch format {
        case .ofacCSV:
            var list = ofacSDN
            list.source = "https://www.treasury.gov/ofac/downloads/sdn.csv"
            return list
        case .ofacSDNXML:
            let name = path.split(separator: "/").last.map { $0.lowercased() } ?? ""
            return name.hasPrefix("consolidated") || name.hasPrefix("cons_") ? .ofacConsolidated : .ofacSDN
        case .unXML: return .un
        case .euFSFXML: return .eu
        case .ukCSV: return .uk
        }
    }
}
