import Foundation
import Testing

@testable import GavelCLI
@testable import GavelEngine
@testable import GavelSyntax

/// `gavel screen` and `gavel evaluate --explain-screening` in-process, on
/// the shipped bundle, against golden files.
@Suite("gavel screen")
struct ScreenRunTests {
    static let probe = ["Hamas Media Office", "Наmas", "H.A.M.A.S", "H4mas", "حماس", "Isis Anchalee"]
    static let asOf = Instant.parse("2017-08-30")

    func screen(_ names: [String], lists: [String] = ["us-fto", "us-sdgt", "eu-terrorist-list"], top: Int = 3,
                format: ScreenRun.Format = .text, details: [String] = []) -> (status: Int32, output: String, errors: String) {
        let run = ScreenRun(
            names: names, policies: Repository.policies, lists: lists, asOf: Self.asOf,
            now: Instant(secondsSinceEpoch: 0, isDateOnly: false), top: top, format: format, details: details
        ).inTestCache()
        var output = "", errors = ""
        let status = run.run(output: { output += $0 }, errors: { errors += $0 })
        return (status, output, errors)
    }

    @Test("text: readings, entries at or above min_score, near misses")
    func text() {
        let result = screen(Self.probe)
        #expect(result.status == 0)
        #expect(result.errors.isEmpty)
        assertGolden(result.output, "screen/probe.txt")
    }

    @Test("text: an entry out of force on as_of is shown under its own heading, not among the entries rules act on")
    func outOfForce() {
        // The EU's Ezzedeen alias of the Qassam Brigades left force on 2003-09-12 (eu-terrorist-list-2001).
        let result = screen(["Ezzedeen Al-Qassam Brigades"], lists: ["eu-terrorist-list-2001"])
        #expect(result.status == 0)
        let lines = result.output.split(separator: "\n").map(String.init)
        let inForce = try? #require(lines.firstIndex(of: "  AT OR ABOVE 0.92"))
        let apart = lines.firstIndex { $0.hasPrefix("  AT OR ABOVE 0.92, NOT IN FORCE on 2017-08-30") }
        #expect(inForce.map { lines[$0 + 1] } == "    none", "\(result.output)")
        #expect(apart != nil, "\(result.output)")
        #expect(apart.map { lines[$0 + 1].contains("eu-terrorist-list-2001/") } == true, "\(result.output)")
    }

    @Test("JSON: the same, parseable, with every row's fields")
    func json() throws {
        let result = screen(Self.probe, format: .json)
        #expect(result.status == 0)
        assertGolden(result.output, "screen/probe.json")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        let names = try #require(object["names"] as? [[String: Any]])
        #expect(names.count == Self.probe.count)
        // Containment (0.91) lies below the bundle's min_score (0.92): a near miss.
        #expect((names[0]["matches"] as? [[String: Any]])?.isEmpty == true)
        let first = try #require((names[0]["near_misses"] as? [[String: Any]])?.first)
        #expect(first["method"] as? String == "contained")
        #expect(first["score"] as? Double == 0.91)
        #expect(first.keys.contains("corroboration"))
        #expect(first.keys.contains("capped"))
    }

    @Test("JSON lists the digit readings of the skeleton reading among the digit readings, as the text does")
    func skeletalDigitReadings() throws {
        let result = screen(["1514m1c j1h4d"], lists: ["us-fto"], format: .json)
        #expect(result.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        let name = try #require((object["names"] as? [[String: Any]])?.first)
        let digits = try #require((name["forms"] as? [String: Any])?["digits"] as? [String])
        #expect(digits.contains("isiarnic jihad"))  // m read through skeletons as rn
        #expect(screen(["1514m1c j1h4d"], lists: ["us-fto"]).output.contains("`isiarnic jihad`"))
    }

    /// `gavel screen` scores with a floor that rises to its weakest near
    /// miss; it must show exactly what scoring every entry at floor 0 shows.
    @Test("near misses found with a rising floor are those of scoring every entry", arguments: [1, 3, 10])
    func risingFloor(top: Int) throws {
        guard case .success(let bundle) = BundleLoader.load(directory: Repository.policies) else {
            Issue.record("the shipped bundle does not load")
            return
        }
        let lists = bundle.lists.filter { ["us-fto", "eu-terrorist-list"].contains($0.id) }
        let run = ScreenRun(
            names: [], policies: Repository.policies, lists: [], asOf: Self.asOf, now: Instant(secondsSinceEpoch: 0, isDateOnly: false),
            top: top, format: .text, details: []
        ).inTestCache()
        let minScore = bundle.manifest.screeningMinScore
        let asOf = try #require(Self.asOf)
        var random = SeededRandom(seed: UInt64(top))
        let generated = (0 ..< 4).map { _ in (0 ..< random.int(in: 1 ... 8)).map { _ in NameGenerator.word(&random) }.joined(separator: " ") }
        var nearMissesSeen = 0
        for name in Self.probe + generated + ["Hassan Ali", "Вагнер", "Osama bin Laden", "Kahane", "x"] {
            let every = run.split(ScreenLookup.rows(name, lists: lists, asOf: asOf), minScore: minScore)
            let floored = run.split(ScreenLookup.rows(name, lists: lists, asOf: asOf, nearMisses: (minScore, top)), minScore: minScore)
            #expect(floored.matches == every.matches, "\(name)")
            #expect(floored.nearMisses == every.nearMisses, "\(name)")
            nearMissesSeen += every.nearMisses.count
        }
        #expect(nearMissesSeen >= top * 10)
    }

    @Test("--top bounds each section; every list by default")
    func top() {
        let result = screen(["Hamas"], lists: [], top: 1)
        #expect(result.status == 0)
        #expect(result.output.components(separatedBy: "in force").count - 1 <= 2)
        #expect(result.output.contains("us-sdt"))
    }

    @Test("a section cut at --top says how many entries at or above min_score it leaves out, as text and JSON")
    func topSaysWhatItLeavesOut() throws {
        // HAMAS is on several lists: every one of them matches at 1.0.
        let all = screen(["Hamas"], lists: [], top: 50, format: .json)
        let allRoot = try #require(try JSONSerialization.jsonObject(with: Data(all.output.utf8)) as? [String: Any])
        let allNames = try #require(allRoot["names"] as? [[String: Any]])
        let matching = try #require(allNames.first?["matches"] as? [Any]).count
        #expect(matching >= 3)
        #expect(allNames.first?["matches_left_out"] as? Int == 0)
        let cut = screen(["Hamas"], lists: [], top: 1)
        #expect(cut.output.contains("    … and \(matching - 1) more at or above 0.92 (--top 1 shows the first 1)"))
        let cutJSON = screen(["Hamas"], lists: [], top: 1, format: .json)
        let root = try #require(try JSONSerialization.jsonObject(with: Data(cutJSON.output.utf8)) as? [String: Any])
        let names = try #require(root["names"] as? [[String: Any]])
        #expect(names.first?["matches_left_out"] as? Int == matching - 1)
    }

    @Test("an unknown list is an error, exit 2, naming the lists there are")
    func unknownList() {
        let result = screen(["Hamas"], lists: ["us-fto", "no-such-list"])
        #expect(result.status == 2)
        #expect(result.output.isEmpty)
        #expect(result.errors.contains("`no-such-list`"))
        #expect(result.errors.contains("us-fto"))
    }

    @Test("--explain-screening adds each screened name's near misses to the trail")
    func explain() throws {
        let file = Repository.cases + "/false-hit-namesakes.yaml"
        func evaluate(explain: Bool) -> String {
            var run = EvaluateRun(
                cases: [file], policies: Repository.policies, asOf: nil, format: .text, strict: false,
                now: Instant(secondsSinceEpoch: 0, isDateOnly: false)).inTestCache()
            run.explainScreening = explain
            var output = ""
            _ = run.run(output: { output += $0 }, errors: { _ in })
            return output
        }
        let explained = evaluate(explain: true)
        assertGolden(explained, "screen/explain-false-hits.txt")
        #expect(explained.contains("NEAR MISSES"))
        #expect(!evaluate(explain: false).contains("NEAR MISSES"))
    }

    // MARK: corroboration

    /// The SDGT entry with the alias "Hassan ALI" lists a birth date of
    /// 1976-06-23 and Egyptian and Kenyan nationality.
    func corroboration(_ output: String, row: Int = 0) throws -> [String: Any] {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
        let names = try #require(object["names"] as? [[String: Any]])
        let matches = try #require(names.first?["matches"] as? [[String: Any]])
        try #require(matches.count > row)
        return try #require(matches[row]["corroboration"] as? [String: Any])
    }

    @Test("--detail: each entry shows what agreed, disagreed and was unknown, as text")
    func detailsText() {
        let result = screen(["Hassan Ali"], lists: ["us-sdgt"], top: 2, details: ["birth_date=1991-04-12", "nationality=GB"])
        #expect(result.status == 0)
        #expect(result.errors.isEmpty)
        assertGolden(result.output, "screen/details.txt")
        #expect(result.output.contains("details     birth_date=1991-04-12, nationality=GB"))
        #expect(result.output.contains("disagrees nationality (case GB, entry Egypt, Kenya)"))
        #expect(result.output.contains("disagrees birth_date (case 1991-04-12, entry 1976-06-23)"))
        #expect(result.output.contains("unknown country, registration, passport, national_id (no --detail)"))
        #expect(result.output.contains("entry lists: birth_date 1976-06-23; nationality Egypt, Kenya"))
    }

    @Test("--detail: agreeing details agree, in JSON with the values compared")
    func detailsAgreeJSON() throws {
        let result = screen(
            ["Hassan Ali"], lists: ["us-sdgt"], top: 1, format: .json, details: ["birth_date=1976-06-23", "nationality=Egypt"])
        #expect(result.status == 0)
        let c = try corroboration(result.output)
        #expect(c["agree"] as? [String] == ["nationality", "birth_date"])
        #expect(c["disagree"] as? [String] == [])
        #expect(c["unknown"] as? [String] == ["country", "registration", "passport", "national_id"])
        let compared = try #require(c["compared"] as? [[String: Any]])
        let birth = try #require(compared.first { $0["attribute"] as? String == "birth_date" })
        #expect(birth["case"] as? [String] == ["1976-06-23"])
        #expect(birth["entry"] as? [String] == ["1976-06-23"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        #expect((object["details"] as? [String: Any])?["nationality"] as? [String] == ["Egypt"])
    }

    /// An analyst's look-up on a bundle with a large list must not index it
    /// again for every name looked up: `screen` keeps its indexes where
    /// `evaluate` does, and answers the same from them.
    @Test("the look-up keeps each list's index in the screening cache and answers the same from it")
    func usesTheIndexCache() throws {
        let folder = NSTemporaryDirectory() + "gavel-screen-cache-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var run = ScreenRun(
            names: ["Hammas"], policies: Repository.policies, lists: ["us-fto"], asOf: Self.asOf,
            now: Instant(secondsSinceEpoch: 0, isDateOnly: false), top: 3)
        run.screeningCache = ScreeningIndexCache(directory: folder)
        var first = "", second = ""
        #expect(run.run(output: { first += $0 }, errors: { _ in }) == 0)
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".index") }
        #expect(files.count >= 1, "\(files)")
        #expect(run.run(output: { second += $0 }, errors: { _ in }) == 0)
        #expect(first == second && first.contains("HAMAS"))
    }

    @Test("without --detail every comparison is unknown, in text and JSON")
    func noDetails() throws {
        let text = screen(["Hassan Ali"], lists: ["us-sdgt"], top: 1)
        #expect(text.output.contains("details     none given (--detail KEY=VALUE): every comparison is unknown"))
        #expect(
            text.output.contains(
                "corroboration: unknown country, nationality, birth_date, registration, passport, national_id (no --detail)"))
        let json = screen(["Hassan Ali"], lists: ["us-sdgt"], top: 1, format: .json)
        let c = try corroboration(json.output)
        #expect(c["agree"] as? [String] == [])
        #expect(c["disagree"] as? [String] == [])
        #expect(c["unknown"] as? [String] == CorroborationSpec.Kind.words)
    }

    @Test("a --detail Gavel does not compare, or not KEY=VALUE, is an error naming the keys", arguments: [
        ("birthdate=1970", "did you mean `birth_date`?"), ("nationality", "not KEY=VALUE"), ("country=", "gives no value"),
        ("eye_colour=blue", "Gavel compares country, nationality, birth_date"),
    ])
    func badDetail(detail: String, message: String) {
        let result = screen(["Hamas"], details: [detail])
        #expect(result.status == 2)
        #expect(result.output.isEmpty)
        #expect(result.errors.contains(message), "\(result.errors)")
    }
}
