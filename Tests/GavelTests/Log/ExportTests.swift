import Foundation
import GRDB
import Testing

@testable import GavelCLI
@testable import GavelEngine
@testable import GavelLog
@testable import GavelSyntax

/// `gavel audit export`: the warehouse lines and the DSA statements of reasons, field by field.
@Suite("decision log: export")
struct ExportTests {
    static let allEEA = [
        "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU", "IE", "IS", "IT", "LI", "LT", "LU", "LV", "MT",
        "NL", "NO", "PL", "PT", "RO", "SE", "SI", "SK",
    ]

    /// Shipped cases decided by the shipped bundle into a log of their own: Italy's court order (seq 1), the Taliban
    /// sites (2), Kiwi Farms (3), the Daily Stormer baseline (4) and termination (5), then the Italian case again (6).
    func shippedLog() throws -> LogFolder {
        let folder = try LogFolder()
        let cases = [
            "2022-07-italy-resolver-order.yaml", "2021-08-taliban-sites.yaml", "2022-09-kiwi-farms.yaml", "2017-08-14-daily-stormer-baseline.yaml",
            "2017-08-16-daily-stormer-termination.yaml",
        ].map { Repository.cases + "/" + $0 }
        #expect(try LogFixtures.evaluate(cases, policies: Repository.policies, log: folder.log).status == 0)
        #expect(try LogFixtures.evaluate([cases[0]], policies: Repository.policies, log: folder.log).status == 0)
        return folder
    }

    func export(_ folder: LogFolder, _ format: AuditExport.Format, since: String? = nil, until: String? = nil) -> (status: Int32, output: String, errors: String) {
        var output = "", errors = ""
        let status = AuditExport(log: folder.log, format: format, since: since, until: until).run(output: { output += $0 }, errors: { errors += $0 })
        return (status, output, errors)
    }

    func statements(_ output: String) throws -> [String: [String: Any]] {
        var byPUID: [String: [String: Any]] = [:]
        for line in output.split(separator: "\n") {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            byPUID[try #require(object["puid"] as? String)] = object
        }
        return byPUID
    }

    @Test("dsa-sor maps each restricting decision of the shipped cases field by field")
    func mapping() throws {
        let folder = try shippedLog()
        let store = try folder.store()
        let ids = try (1...6).map { try #require(try store.entry(seq: Int64($0))).entry.recordID }
        #expect(ids[5] == ids[0])
        #expect(AuditHumanDecision(
            log: folder.log, id: ids[3], action: .override(decision: "terminate", basis: "Acme Terms of Service §10 (termination at our sole discretion)"),
            by: "CEO", reason: "Discretionary termination outside the content-neutral rules"
        ).run(output: { _ in }, errors: { _ in }) == 0)
        #expect(AuditHumanDecision(log: folder.log, id: ids[1], action: .appeal(outcome: .upheld, decision: nil), by: "Panel", reason: "Listed")
            .run(output: { _ in }, errors: { _ in }) == 0)
        let today = String(LogClock.timestamp().prefix(10))

        let run = export(folder, .dsaSOR)
        #expect(run.status == 0)
        // The 2017 termination predates the database; the Italian case, logged twice, is one statement.
        #expect(run.errors == "gavel: 1 restricting decision not exported: applied before 2020-01-01, which the Transparency Database does not accept\n")
        let all = try statements(run.output)
        #expect(Set(all.keys) == [ids[0], ids[1], ids[2], ids[3]])

        // A court's geo-block: illegal content, the court order's law, Italy only, a partial termination of the service.
        let italy = try #require(all[ids[0]])
        #expect(italy["decision_visibility"] as? [String] == ["DECISION_VISIBILITY_CONTENT_DISABLED"])
        #expect(italy["decision_provision"] as? String == "DECISION_PROVISION_PARTIAL_TERMINATION")
        #expect(italy["decision_monetary"] == nil && italy["decision_account"] == nil)
        #expect(italy["decision_ground"] as? String == "DECISION_GROUND_ILLEGAL_CONTENT")
        #expect(
            italy["illegal_content_legal_ground"] as? String
                == "Order of an Italian court (Tribunale) — see requests[].court/docket; Legge 22 aprile 1941 n. 633 (copyright) artt. 156, 163; D.Lgs. 9 aprile 2003 n. 70 artt. 14-17 (Directive 2000/31/EC)")
        #expect(italy["illegal_content_explanation"] as? String == "Binding Italian court order to block a site (rule court-order-geo-block-it)")
        #expect(italy["incompatible_content_ground"] == nil && italy["incompatible_content_explanation"] == nil)
        #expect(italy["category"] as? String == "STATEMENT_CATEGORY_INTELLECTUAL_PROPERTY_INFRINGEMENTS")
        #expect(italy["category_specification"] as? [String] == ["KEYWORD_COPYRIGHT_INFRINGEMENT"])
        #expect(italy["content_type"] as? [String] == ["CONTENT_TYPE_OTHER"])
        #expect((italy["content_type_other"] as? String)?.isEmpty == false)
        #expect(italy["territorial_scope"] as? [String] == ["IT"])
        #expect(italy["application_date"] as? String == "2022-07-11")
        #expect(italy["content_date"] as? String == "2022-07-11")
        #expect(italy["source_type"] as? String == "SOURCE_TYPE_OTHER_NOTIFICATION")
        #expect(italy["automated_detection"] as? String == "No")
        #expect(italy["automated_decision"] as? String == "AUTOMATED_DECISION_FULLY")
        let facts = try #require(italy["decision_facts"] as? String)
        #expect(facts.contains("geo_block") && facts.contains("court-order-geo-block-it") && facts.contains(ids[0]))
        // No case data in free text: the customer's name stays in the log.
        #expect(!facts.contains("kickasstorrents") && !facts.contains("Unidentified operators"))

        // A sanctions block found by list screening: payments suspended as well, everywhere in the EEA; an upheld appeal.
        let taliban = try #require(all[ids[1]])
        #expect(taliban["decision_visibility"] == nil)
        #expect(taliban["decision_monetary"] as? String == "DECISION_MONETARY_SUSPENSION")
        #expect(taliban["decision_provision"] as? String == "DECISION_PROVISION_TOTAL_TERMINATION")
        #expect(taliban["decision_ground"] as? String == "DECISION_GROUND_ILLEGAL_CONTENT")
        #expect((taliban["illegal_content_legal_ground"] as? String)?.hasPrefix("EO 13224 §2") == true)
        #expect(taliban["category"] as? String == "STATEMENT_CATEGORY_RISK_FOR_PUBLIC_SECURITY")
        #expect(taliban["category_specification"] as? [String] == ["KEYWORD_ILLEGAL_ORGANIZATIONS"])
        #expect(taliban["territorial_scope"] as? [String] == Self.allEEA)
        #expect(taliban["automated_detection"] as? String == "Yes")
        #expect(taliban["automated_decision"] as? String == "AUTOMATED_DECISION_PARTIALLY")
        #expect(!(taliban["decision_facts"] as? String ?? "Islamic Emirate").contains("Islamic Emirate"))

        // A safety suspension under the provider's own terms.
        let kiwi = try #require(all[ids[2]])
        #expect(kiwi["decision_provision"] as? String == "DECISION_PROVISION_TOTAL_SUSPENSION")
        #expect(kiwi["decision_ground"] as? String == "DECISION_GROUND_INCOMPATIBLE_CONTENT")
        #expect(kiwi["incompatible_content_ground"] as? String == "Acme Acceptable Use Policy §3.1 (imminent threat to life); Acme Terms of Service §10 (suspension)")
        #expect(kiwi["incompatible_content_explanation"] as? String == "Imminent and emergency threat to human life (rule imminent-threat-to-life)")
        #expect(kiwi["illegal_content_legal_ground"] == nil)
        #expect(kiwi["category"] as? String == "STATEMENT_CATEGORY_VIOLENCE")
        #expect(kiwi["category_specification"] == nil)
        #expect(kiwi["automated_decision"] as? String == "AUTOMATED_DECISION_FULLY")

        // The Daily Stormer: the engine kept service; a human terminated under the Terms of Service.
        let stormer = try #require(all[ids[3]])
        #expect(stormer["decision_provision"] as? String == "DECISION_PROVISION_TOTAL_TERMINATION")
        #expect(stormer["decision_ground"] as? String == "DECISION_GROUND_INCOMPATIBLE_CONTENT")
        #expect(stormer["incompatible_content_ground"] as? String == "Acme Terms of Service §10 (termination at our sole discretion)")
        #expect(stormer["incompatible_content_explanation"] as? String == "Discretionary termination outside the content-neutral rules")
        #expect(stormer["category"] as? String == "STATEMENT_CATEGORY_OTHER_VIOLATION_TC")
        #expect(stormer["automated_decision"] as? String == "AUTOMATED_DECISION_NOT_AUTOMATED")
        #expect(stormer["automated_detection"] as? String == "No")
        #expect(stormer["application_date"] as? String == today)
        #expect(stormer["territorial_scope"] as? [String] == Self.allEEA)
        #expect((stormer["decision_facts"] as? String)?.contains("the engine decided no_action as of 2017-08-14") == true)
    }

    @Test("dsa-sor leaves out a decision that gave effect to an EEA authority's order, as the bundle's follow-ups judge it, and says so")
    func orders() throws {
        // The binding-orders cases: a TCO removal order of 2023 (restrict, before the DSA's follow-ups were in force), an
        // EEA court's order of 2024 (geo_block; its record owes dsa_order_information, not a statement), the rest escalate.
        let folder = try LogFolder()
        let cases = Repository.cases + "/2023-binding-orders-fall-through.yaml"
        #expect(try LogFixtures.evaluate([cases], policies: Repository.policies, log: folder.log).status == 0)
        let decisions = try folder.store().entries(EntryFilter())
        let order = try #require(decisions.first { $0.entry.caseID == "CASE-2024-06-de-court-order-hosting-dsa" })
        let removal = try #require(decisions.first { $0.entry.caseID == "CASE-2023-05-tco-removal-order-hosting" })
        let owed = try #require(RecordJSON(order.entry.record)).obligationNames
        #expect(owed.contains("dsa_order_information") && !owed.contains("dsa_statement_of_reasons"))

        let run = export(folder, .dsaSOR)
        #expect(run.status == 0)
        #expect(Set(try statements(run.output).keys) == [removal.entry.recordID])
        #expect(
            run.errors
                == "gavel: 1 restricting decision not exported: it gave effect to an EEA court's or authority's order (its record owes "
                + "dsa_order_information, DSA Art. 9), for which Art. 17(5) owes no statement of reasons\n")

        // An override is the provider's own decision, grounded on its own terms: Art. 17 applies to it, and it is exported.
        #expect(AuditHumanDecision(
            log: folder.log, id: order.entry.recordID, action: .override(decision: "terminate", basis: "Acme Terms of Service §10 (termination)"),
            by: "Trust & Safety", reason: "Repeated infringement beyond the court's order"
        ).run(output: { _ in }, errors: { _ in }) == 0)
        let overridden = export(folder, .dsaSOR)
        #expect(overridden.errors == "")
        let statement = try #require(try statements(overridden.output)[order.entry.recordID])
        #expect(statement["decision_ground"] as? String == "DECISION_GROUND_INCOMPATIBLE_CONTENT")
        #expect(statement["automated_decision"] as? String == "AUTOMATED_DECISION_NOT_AUTOMATED")
    }

    @Test("every statement validates against the Transparency Database schema, and the schema rejects what the database would")
    func schema() throws {
        let folder = try shippedLog()
        let run = export(folder, .dsaSOR)
        let schema = Repository.fixtures.appendingPathComponent("dsa-sor/statement-of-reasons.schema.json").path
        let directory = URL(fileURLWithPath: folder.path).appendingPathComponent("statements")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        var files: [String] = []
        for (i, line) in run.output.split(separator: "\n").enumerated() {
            let url = directory.appendingPathComponent("sor-\(i).json")
            try Data(line.utf8).write(to: url)
            files.append(url.path)
        }
        #expect(files.count == 3)
        let (status, output) = try #require(
            try ExternalTools.checkJSONSchema(["--schemafile", schema] + files), "check-jsonschema not found; \(ExternalTools.installHint)")
        #expect(status == 0, "\(output)")
        // A validator that cannot say no proves nothing: each of these breaks one rule the database enforces.
        let firstLine = try #require(run.output.split(separator: "\n").first)
        let valid = try #require(try JSONSerialization.jsonObject(with: Data(firstLine.utf8)) as? [String: Any])
        let broken: [(String, (inout [String: Any]) -> Void)] = [
            ("not-an-enum", { $0["decision_provision"] = "DECISION_PROVISION_TEMPORARY_SUSPENSION" }),
            ("no-puid", { $0["puid"] = nil }),
            ("bad-puid", { $0["puid"] = "gvl/1" }),
            ("no-legal-ground", { $0["decision_ground"] = "DECISION_GROUND_ILLEGAL_CONTENT"; $0["illegal_content_legal_ground"] = nil }),
            ("no-decision", { $0["decision_visibility"] = nil; $0["decision_provision"] = nil; $0["decision_monetary"] = nil }),
            ("outside-eea", { $0["territorial_scope"] = ["US"] }),
            ("before-2020", { $0["application_date"] = "2017-08-16" }),
            ("misspelt", { $0["decision_fact"] = "x" }),
        ]
        for (name, edit) in broken {
            var document = valid
            edit(&document)
            let url = directory.appendingPathComponent("broken-\(name).json")
            try JSONSerialization.data(withJSONObject: document).write(to: url)
            let (brokenStatus, _) = try #require(try ExternalTools.checkJSONSchema(["--schemafile", schema, url.path]))
            #expect(brokenStatus != 0, "\(name) was accepted")
        }
    }

    @Test("jsonl gives every decision with its record as logged, its overrides and appeals, and the effective decision")
    func jsonl() throws {
        let folder = try LogFolder()
        let bundle = try TemporaryBundle(LogFixtures.bundleFiles)
        #expect(try LogFixtures.evaluate([try folder.write("c.jsonl", LogFixtures.cases(3))], policies: bundle.path, log: folder.log).status == 0)
        #expect(AuditHumanDecision(log: folder.log, id: "2", action: .override(decision: "suspend", basis: "AUP §2"), by: "a", reason: "b")
            .run(output: { _ in }, errors: { _ in }) == 0)
        let run = export(folder, .jsonl)
        #expect(run.status == 0 && run.errors == "")
        let lines = run.output.split(separator: "\n").map(String.init)
        #expect(lines.count == 3)
        let entries = try folder.store().entries(EntryFilter())
        for (line, entry) in zip(lines, entries) {
            #expect(line.hasPrefix("{\"seq\":\(entry.seq),\"logged_at\":\"\(entry.loggedAt)\""))
            #expect(line.contains(",\"record\":" + String(decoding: entry.entry.record, as: UTF8.self) + ",\"human\":["))
        }
        let second = try #require(try JSONSerialization.jsonObject(with: Data(lines[1].utf8)) as? [String: Any])
        #expect(second["effective_decision"] as? String == "suspend")
        #expect(second["automated_decision"] as? String == "AUTOMATED_DECISION_NOT_AUTOMATED")
        let human = try #require(second["human"] as? [[String: Any]])
        #expect(human.count == 1)
        #expect(human.first?["seq"] as? Int == 4)
        #expect((human.first?["record"] as? [String: Any])?["decision_after"] as? String == "suspend")
        #expect(lines[1].contains(String(decoding: entries[3].entry.record, as: UTF8.self)))
        #expect(export(folder, .jsonl, until: "2000-01-01").output == "")
        #expect(export(folder, .jsonl, since: String(LogClock.timestamp().prefix(10))).output == run.output)
    }

    @Test("jsonl refuses, exit 2, a stored record that is not JSON, rather than write an invalid line", arguments: [
        Data(), Data([0xFF, 0xFE, 0x00]), Data(#"{"id":"gvl-"#.utf8), Data(#"{"id":1}}"#.utf8),
    ])
    func unreadableRecord(record: Data) throws {
        let folder = try LogFolder()
        let bundle = try TemporaryBundle(LogFixtures.bundleFiles)
        #expect(try LogFixtures.evaluate([try folder.write("c.jsonl", LogFixtures.cases(2))], policies: bundle.path, log: folder.log).status == 0)
        try folder.tamper("UPDATE entry SET record = ? WHERE seq = 2", arguments: [record])
        let run = export(folder, .jsonl)
        #expect(run.status == 2)
        #expect(run.errors.contains("error[log-replay] entry 2 (gvl-"), "\(run.errors)")
        #expect(run.errors.contains("cannot be exported: its record is not JSON gavel can read"))
        // What was written before it is whole lines of valid JSON.
        for line in run.output.split(separator: "\n") {
            #expect((try? JSONSerialization.jsonObject(with: Data(line.utf8))) != nil, "\(line)")
        }
    }

    @Test("a bundle of its own: rules without basis or tags fall back to the provider's terms and the catch-all category")
    func fallbacks() throws {
        let folder = try LogFolder()
        let bundle = try TemporaryBundle(LogFixtures.bundleFiles)
        #expect(try LogFixtures.evaluate([try folder.write("c.jsonl", LogFixtures.cases(3))], policies: bundle.path, log: folder.log).status == 0)
        let run = export(folder, .dsaSOR)
        let all = try statements(run.output)
        // c-0 terminate and c-1 restrict; c-2 no_action is not a restriction.
        #expect(all.count == 2)
        let second = try #require(try folder.store().entry(seq: 2))
        let restrict = try #require(all[second.entry.recordID])
        #expect(restrict["decision_visibility"] as? [String] == ["DECISION_VISIBILITY_CONTENT_DISABLED"])
        #expect(restrict["decision_provision"] as? String == "DECISION_PROVISION_PARTIAL_SUSPENSION")
        #expect(restrict["decision_ground"] as? String == "DECISION_GROUND_INCOMPATIBLE_CONTENT")
        #expect(restrict["incompatible_content_ground"] as? String == "Bundle log-test version 1, rule listed")
        #expect(restrict["category"] as? String == "STATEMENT_CATEGORY_OTHER_VIOLATION_TC")
        #expect(restrict["source_type"] as? String == "SOURCE_VOLUNTARY")
        #expect(restrict["automated_detection"] as? String == "Yes")
        #expect(restrict["application_date"] as? String == "2024-01-01")
    }

    @Test("the vocabulary: a ladder step of a bundle's own is named, never guessed; tags pick the category, most specific first")
    func vocabulary() {
        #expect(DSAVocabulary.restriction("quarantine", title: "Hold for review", partial: false)
            == .init(visibility: ["DECISION_VISIBILITY_OTHER"], visibilityOther: "quarantine: Hold for review"))
        #expect(DSAVocabulary.restriction("terminate", title: nil, partial: true).provision == "DECISION_PROVISION_PARTIAL_TERMINATION")
        #expect(DSAStatement.category(tags: ["sanctions", "terrorism", "us"], bases: [], illegal: false) == ("STATEMENT_CATEGORY_RISK_FOR_PUBLIC_SECURITY", "KEYWORD_ILLEGAL_ORGANIZATIONS"))
        #expect(DSAStatement.category(tags: ["terrorism", "content", "hosting"], bases: [], illegal: false).1 == "KEYWORD_TERRORIST_CONTENT")
        #expect(DSAStatement.category(tags: ["csam"], bases: [], illegal: false).0 == "STATEMENT_CATEGORY_PROTECTION_OF_MINORS")
        #expect(DSAStatement.category(tags: ["legal-process", "court-order"], bases: ["UrhG §97"], illegal: true).0 == "STATEMENT_CATEGORY_INTELLECTUAL_PROPERTY_INFRINGEMENTS")
        #expect(DSAStatement.category(tags: [], bases: [], illegal: false).0 == "STATEMENT_CATEGORY_OTHER_VIOLATION_TC")
        // A violation of the terms is not a category for illegal content.
        #expect(DSAStatement.category(tags: [], bases: ["EO 13224 §2"], illegal: true) == ("STATEMENT_CATEGORY_NOT_SPECIFIED_NOTICE", nil))
        #expect(DSAVocabulary.isContractual("Acme Acceptable Use Policy §2.1 (phishing)"))
        #expect(!DSAVocabulary.isContractual("18 U.S.C. 2339B (material support to designated FTOs)"))
        #expect(DSAVocabulary.clipped(String(repeating: "é", count: 600), 500).unicodeScalars.count == 500)
    }
}
