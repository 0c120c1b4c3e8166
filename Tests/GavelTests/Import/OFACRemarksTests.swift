import Foundation
import Testing

@testable import GavelCLI
@testable import GavelEngine
@testable import GavelImport
@testable import GavelSyntax

/// OFAC's CSV carries web and e-mail identifiers only in free-text remarks,
/// written several ways; they are the strongest evidence a registrar has.
@Suite("gavel lists import: OFAC CSV remarks")
struct OFACRemarksTests {
    struct Expected: CustomTestStringConvertible, Sendable {
        var entry: String
        var domains: [String]
        var emails: [String]
        var remark: String
        var testDescription: String { "\(entry): \(remark)" }
    }

    /// Rows of the real sdn.csv of 2024-05-03 (`remarks/sdn.csv`).
    static let expected: [Expected] = [
        Expected(
            entry: "ofac-10923", domains: ["alturath.org"], emails: [],
            remark: "Website www.alturath.org. Revival of Islamic Heritage Society Offices Worldwide."),
        Expected(entry: "ofac-12870", domains: ["scot-syria.com"], emails: ["scot50@scn-net.org"], remark: "Website www.scot-syria.com; Email scot50@scn-net.org"),
        Expected(
            entry: "ofac-12871", domains: ["sgc.gov.sy"], emails: ["sgcpdit@mail.sy", "info@sgc.gov.sy"],
            remark: "Website www.sgc.gov.sy; Email sgcpdit@mail.sy; Email info@sgc.gov.sy."),
        Expected(entry: "ofac-12312", domains: [], emails: ["kdb@co.chesin.com"], remark: "EMAIL kdb@co.chesin.com."),
        Expected(entry: "ofac-8809", domains: [], emails: ["adelb@shabakah.net.sa"], remark: "Email:adelb@shabakah.net.sa."),
    ]

    @Test("a website's host is its first word; every spelling of Email gives an e-mail identifier", arguments: expected)
    func identifiers(_ expected: Expected) throws {
        let result = ImportFixtures.run { out in
            ImportOptions(format: .ofacCSV, snapshots: [.init(argument: ImportFixtures.path("remarks/sdn.csv@2024-05-03"))], id: "remarks", outputDirectory: out)
        }
        defer { try? FileManager.default.removeItem(atPath: result.directory) }
        #expect(result.status == 0, "\(result.errors)")
        let list = try ImportFixtures.load(result.directory, id: "remarks")
        let entry = try #require(list.entries.first { $0.id == expected.entry })
        #expect((entry.identifiers.first { $0.kind == "domain" }?.values ?? []) == expected.domains)
        #expect((entry.identifiers.first { $0.kind == "email" }?.values ?? []) == expected.emails)
    }

    @Test("a host is cut at the first space", arguments: [
        ("www.alturath.org. Revival of Islamic Heritage", "alturath.org"), ("http://example.org/a b", "example.org"), ("example.org", "example.org"),
    ])
    func host(_ value: String, _ host: String) {
        #expect(OFACIdentifiers.domain(of: value) == host)
    }
}
