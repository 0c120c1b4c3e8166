import Foundation
import Testing

@testable import GavelCLI
@testable import GavelEngine
@testable import GavelImport
@testable import GavelSyntax

/// Inputs an adversarial probe of the command line found mishandled
/// (2026-12-04): each was a silent wrong answer, a crash or a hang.
@Suite("Probed inputs")
struct ProbedInputTests {
    @Test("NaN is in no order: a NaN value neither reaches nor stays under a bound", arguments: ["gte: 1000000", "lte: 0", "gt: 0", "lt: 0"])
    func nanValue(bound: String) throws {
        let bundle = try policyBundle(rules: "  - { id: r, title: R, decision: terminate, when: { path: m, \(bound) } }")
        let decision = try evaluate(bundle, "kind: Case\nid: nan\nm: .nan\n")
        #expect(decision.status("r") == .notMatched)
        #expect(decision.decision != "terminate")
    }

    @Test("whole numbers compare exactly up to 2^53, where doubles stop being exact", arguments: [
        ("9007199254740993", "gt: 9007199254740992", true), ("9007199254740992", "gt: 9007199254740992", false),
        ("-9007199254740993", "lt: -9007199254740992", true), ("9007199254740993", "gte: 9007199254740993.5", false),
        ("3", "gte: 2.5", true),
    ])
    func wholeNumbers(value: String, bound: String, holds: Bool) throws {
        let bundle = try policyBundle(rules: "  - { id: r, title: R, decision: monitor, when: { path: n, \(bound) } }")
        let decision = try evaluate(bundle, "kind: Case\nid: big\nn: \(value)\n")
        #expect(decision.status("r") == (holds ? .matched : .notMatched))
    }

    @Test("a NaN or infinite bound, or a whole bound no double holds, is refused where it is written",
          arguments: [".nan", ".inf", "-.inf", "9007199254740993", "-9007199254740993"])
    func nonFiniteBound(bound: String) throws {
        let bundle = try TemporaryBundle(["policy.yaml": "kind: Policy\nid: p\nrules:\n  - { id: r, title: R, decision: terminate, when: { path: m, gte: \(bound) } }\n"])
        #expect(bundle.problems().contains { $0.hasPrefix("policy.yaml:4:") && $0.contains("error[operator-type] `gte` expects a finite number or a date") })
    }

    @Test("a case folder's folder links and pipes are reported, not passed over")
    func caseFolderUnfollowed() throws {
        let cases = try TemporaryBundle(["one.yaml": "kind: Case\nid: one\n"])
        let elsewhere = try TemporaryBundle(["two.yaml": "kind: Case\nid: two\n"])
        try FileManager.default.createSymbolicLink(atPath: cases.path + "/more", withDestinationPath: elsewhere.path)
        #expect(mkfifo(cases.path + "/zz.yaml", 0o600) == 0)
        var inputs = CaseInputs([cases.path])
        var problems: [String] = []
        var read = 0
        while let input = inputs.next() {
            if case .problem(let problem) = input { problems.append(problem.oneLine.replacingOccurrences(of: cases.path + "/", with: "")) } else { read += 1 }
        }
        #expect(read == 1)
        #expect(problems.count == 2)
        #expect(problems.first?.hasPrefix("more:1:1: error[unreadable-file] `more` is a link to a folder") == true)
        #expect(problems.last?.hasPrefix("zz.yaml:1:1: error[unreadable-file] `zz.yaml` is not a regular file") == true)
    }

    @Test("an XML record nested tens of thousands deep is refused where it goes too deep, not freed into a stack overflow")
    func deepXML() throws {
        let folder = try TemporaryBundle([:])
        try FileManager.default.createDirectory(atPath: folder.path, withIntermediateDirectories: true)
        let depth = 50_000
        let xml = "<sdnList xmlns=\"https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/XML\">\n<publshInformation><Publish_Date>05/01/2024</Publish_Date></publshInformation>\n<sdnEntry><uid>1</uid>"
            + String(repeating: "<a>", count: depth) + String(repeating: "</a>", count: depth) + "</sdnEntry>\n</sdnList>\n"
        let file = folder.path + "/deep.xml"
        try Data(xml.utf8).write(to: URL(fileURLWithPath: file))
        var errors = ""
        let options = ImportOptions(format: .ofacSDNXML, snapshots: [.init(argument: file)], id: "deep", outputDirectory: folder.path + "/out")
        let status = ListImportRun(options: options).run(output: { _ in }, errors: { errors += $0 })
        #expect(status == 2)
        #expect(errors.contains("deep.xml:3:"))
        #expect(errors.contains("error[import-format] elements nested more than 64 deep inside one `<sdnEntry>` record"))
    }

    @Test("a name's alignment keys are each other word's distinct initial, as pairs of words gave them")
    func lookupKeysMatchPairs() {
        var random = SeededRandom(seed: 12)
        for _ in 0 ..< 300 {
            let name = (0 ..< random.int(in: 1 ... 14)).map { _ in NameGenerator.word(&random).lowercased() }
                + (random.chance(30) ? ["mr", "al"] : [])
            let words = TokenAlignment.Words(name.joined(separator: " "))
            let keys = TokenAlignment.lookupKeys(words)
            // The pairwise definition, word by word.
            var expected: [Set<UInt64>] = []
            if words.wordCount >= 2 {
                for i in words.tokens.indices where !words.ignorable[i] {
                    var set: Set<UInt64> = []
                    for j in words.tokens.indices where j != i && !words.ignorable[j] {
                        set.insert(TokenAlignment.pairKey(words.keys[i], words.tokens[j].first ?? 0))
                    }
                    expected.append(set)
                }
            }
            #expect(keys.map(Set.init) == expected, "\(name)")
            #expect(keys.allSatisfy { Set($0).count == $0.count })
        }
    }

    @Test("a name that normalises to thousands of words is screened in bounded time")
    func expandingName() throws {
        // U+FDFA is one character that is eighteen letters in four words once normalised.
        let words = TokenAlignment.Words(NameNormalizer.normalize(String(repeating: "\u{FDFA}", count: 2_000)))
        #expect(words.tokens.count >= 6_000)
        let started = ContinuousClock.now
        _ = TokenAlignment.lookupKeys(words)
        // Cubic, this took minutes; a generous bound that a quadratic regression still fails.
        #expect(ContinuousClock.now - started < .seconds(20))
    }

    /// Runs an import of `files` into a scratch folder: status and stderr.
    static func importing(_ files: [String], format: ImportFormat, programs: Set<String>? = nil, id: String = "t") throws -> (Int32, String) {
        let folder = try TemporaryBundle([:])
        var options = ImportOptions(format: format, snapshots: files.map { .init(argument: $0) }, id: id, outputDirectory: folder.path + "/out")
        options.programs = programs
        var errors = ""
        let status = ListImportRun(options: options).run(output: { _ in }, errors: { errors += $0 })
        return (status, errors)
    }

    @Test("an empty snapshot is refused: as the later of two it delisted every entry")
    func emptySnapshot() throws {
        let folder = try TemporaryBundle(["empty/sdn.csv": "", "empty/add.csv": "", "empty/alt.csv": ""])
        let (status, errors) = try Self.importing(
            [ImportFixtures.path("ofac-2021/sdn.csv") + "@2021-04-25", folder.path + "/empty/sdn.csv@2021-05-01"], format: .ofacCSV)
        #expect(status == 2)
        #expect(errors.contains("sdn.csv:1:1: error[import-format] `sdn.csv` holds no entries; expected the list's records"))
    }

    @Test("a programme no entry carries is refused, with the nearest one named", arguments: [("SDTG", "SDGT"), ("sdgt", "SDGT")])
    func unknownProgramme(wanted: String, meant: String) throws {
        let (status, errors) = try Self.importing([ImportFixtures.path("ofac-2024/sdn.xml")], format: .ofacSDNXML, programs: [wanted])
        #expect(status == 2)
        #expect(errors.contains("no entry carries programme `\(wanted)`"))
        #expect(errors.contains("`\(meant)`"))
    }

    @Test("a publication date the calendar does not have is refused, not written as 2024-13-45")
    func impossiblePublishDate() throws {
        let original = ImportFixtures.read(ImportFixtures.path("ofac-2024/sdn.xml"))
        let date = try #require(original.range(of: #"<Publish_Date>[0-9/]+</Publish_Date>"#, options: .regularExpression))
        let folder = try TemporaryBundle(["sdn.xml": original.replacingCharacters(in: date, with: "<Publish_Date>13/45/2024</Publish_Date>")])
        let (status, errors) = try Self.importing([folder.path + "/sdn.xml"], format: .ofacSDNXML)
        #expect(status == 2)
        #expect(errors.contains("`Publish_Date` is `13/45/2024`; expected a calendar date as MM/DD/YYYY"))
        #expect(SourceDates.usDate("02/29/2024") == "2024-02-29")
        #expect(SourceDates.usDate("02/29/2023") == nil)
        #expect(SourceDates.ukDate("45/13/2020") == nil)
        #expect(SourceDates.ukDate("00/13/2020") == nil)
        #expect(SourceDates.ofacBirthDate("31 Feb 1970") == "31 Feb 1970")
    }

    @Test("a list id of dots, or one that reads as an option, is refused", arguments: [".", "..", ".hidden", "-", "-x", "_x", "T"])
    func dottedID(id: String) throws {
        let (status, errors) = try Self.importing([ImportFixtures.path("ofac-2024/sdn.xml")], format: .ofacSDNXML, id: id)
        #expect(status != 0)
        #expect(errors.contains("is not a list id: expected lowercase letters, digits, `-`, `_` and `.`, beginning with a letter or digit"))
    }

    @Test("a --detail Gavel cannot read is refused, not shown as unknown against every entry",
          arguments: ["birth_date=1976-06-31", "birth_date=soon", "country=Atlantis", "passport=--"])
    func unreadableDetail(detail: String) {
        guard case .failure(let problem) = ScreenRun.detail(detail) else {
            Issue.record("accepted \(detail)")
            return
        }
        #expect(problem.description.contains("expected"))
    }

    @Test("a --detail Gavel can read is taken", arguments: ["birth_date=1976-06-30", "birth_date=1976", "country=DE", "nationality=Germany", "passport=AB 123"])
    func readableDetail(detail: String) {
        guard case .success = ScreenRun.detail(detail) else {
            Issue.record("refused \(detail)")
            return
        }
    }
}
