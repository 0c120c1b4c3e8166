import Foundation
import Testing

@testable import GavelCLI
@testable import GavelEngine
@testable import GavelLint
@testable import GavelSyntax

@Suite("list-missing-provenance")
struct ListMissingProvenanceRuleTests {
    static func list(_ fields: String) -> String {
        "kind: List\nid: us-fto\n\(fields)entries: [{ id: fto-hamas, name: HAMAS }]\n"
    }

    @Test("one finding per list, at its id, naming what is missing")
    func missing() throws {
        #expect(try lintLines(["l.yaml": Self.list("")]) == [
            "warning l.yaml:2:5 list `us-fto` has no `source` and no `as_of`; expected where it was copied from and the date of that publication"
        ])
        #expect(try lintLines(["l.yaml": Self.list("as_of: 2018-03-01\n")]) == [
            "warning l.yaml:2:5 list `us-fto` has no `source`; expected the URL or document it was copied from"
        ])
        #expect(try lintLines(["l.yaml": Self.list("source: https://www.state.gov/\n")]) == [
            "warning l.yaml:2:5 list `us-fto` has no `as_of`; expected the date of the publication it was copied from"
        ])
    }

    @Test("a blank source or a null as_of counts as missing")
    func blank() throws {
        #expect(try lintLines(["l.yaml": Self.list("source: \"\"\nas_of: null\n")]).count == 1)
        #expect(try lintLines(["l.yaml": Self.list("source: https://www.state.gov/\nas_of: 2018-03-01\n")]).isEmpty)
    }

    @Test("a list with no id is located at the document")
    func noID() throws {
        let found = try lintLines(["l.yaml": "kind: List\ntitle: Untitled\nentries: []\n"])
        #expect(found == ["warning l.yaml:1:1 a list without `id` has no `source` and no `as_of`; expected where it was copied from and the date of that publication"])
    }

    @Test("levels from bundle.yaml apply")
    func levels() throws {
        let off = try lintLines([
            "bundle.yaml": "kind: Bundle\nid: b\nlint: { rules: { list-missing-provenance: off } }\n", "l.yaml": Self.list(""),
        ])
        #expect(off.isEmpty)
        let info = try lintLines([
            "bundle.yaml": "kind: Bundle\nid: b\nlint: { rules: { list-missing-provenance: info } }\n", "l.yaml": Self.list(""),
        ])
        #expect(info.count == 1 && info[0].hasPrefix("info "))
    }
}

fileprivate func lintLines(_ files: [String: String], rule: String = "list-missing-provenance") throws -> [String] {
    let bundle = try TemporaryBundle(files)
    defer { try? FileManager.default.removeItem(atPath: bundle.path) }
    return Linter.lint(policies: bundle.path, caseFiles: []).findings.filter { $0.rule == rule }.map { finding in
        let place = finding.location.map { "\($0.file.replacingOccurrences(of: bundle.path + "/", with: "")):\($0.line):\($0.column)" } ?? "-"
        return "\(finding.severity.rawValue) \(place) \(finding.message)"
    }
}
