import Foundation
import GavelEngine
import GavelLint
import GavelSyntax

/// The lint benchmark of issue #4: a generated bundle of N rules over 20
/// files with a schema, linted with every rule enabled, timed per size.
package enum LintBench {
    package struct Measurement: Sendable {
        package var rules: Int
        package var files: Int
        package var findings: Int
        package var seconds: Double
    }

    /// Writes the bundle for `rules` rules into `directory` (created).
    package static func generate(rules: Int, files: Int = 20, into directory: String) throws {
        let manager = FileManager.default
        try manager.createDirectory(atPath: directory + "/policies", withIntermediateDirectories: true)
        try manager.createDirectory(atPath: directory + "/lists", withIntermediateDirectories: true)
        try write(directory + "/bundle.yaml", "kind: Bundle\nid: lint-bench\nversion: \"1\"\n")
        try write(directory + "/schema.yaml", """
            kind: Schema
            fields:
              customer.name: string
              customer.aliases: [string]
              customer.country: string
              customer.followers: int
              site.domain: string
              site.categories: [{ enum: [hate_speech, terrorism_propaganda, journalism, satire, research, phishing, malware] }]
              services: [{ enum: [cdn, dns, ddos_protection, hosting, registrar, zero_trust] }]
              requests: [object]
              requests.kind: { enum: [abuse_report, court_order, law_enforcement, sanctions_notice, legal_demand] }
              requests.jurisdiction: string
              requests.received: date
              requests.binding: bool
              facts.imminent_threat_to_life: bool

            """)
        var list = "kind: List\nid: designations\nsource: https://example.gov/list\nas_of: 2024-01-01\nentries:\n"
        for i in 0..<200 {
            list += "  - { id: e\(i), name: Designated Group \(i), aliases: [Group \(i)], type: organization, listed: 2001-10-31 }\n"
        }
        try write(directory + "/lists/designations.yaml", list)
        let perFile = (rules + files - 1) / files
        var written = 0
        for f in 0..<files {
            var text = "kind: Policy\nid: policy-\(f)\ntitle: Generated policy \(f)\nowner: t-and-s@example.com\nrules:\n"
            for _ in 0..<perFile where written < rules {
                text += rule(written)
                written += 1
            }
            try write(directory + "/policies/policy-\(f).yaml", text)
        }
    }

    package static func measure(rules: Int, files: Int = 20) throws -> Measurement {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("gavel-lint-bench-\(rules)-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try generate(rules: rules, files: files, into: directory)
        let clock = ContinuousClock()
        var report: LintReport?
        let elapsed = clock.measure { report = Linter.lint(policies: directory, caseFiles: []) }
        let seconds = BenchRun.seconds(elapsed)
        return Measurement(rules: rules, files: files, findings: report?.findings.count ?? 0, seconds: seconds)
    }

    /// A mix of the shapes real bundles use; a few carry deliberate problems
    /// so that reporting is part of the measured work.
    static func rule(_ i: Int) -> String {
        let decisions = ["monitor", "escalate", "restrict", "suspend", "terminate"]
        let decision = decisions[i % decisions.count]
        let when: String
        switch i % 6 {
        case 0: when = "{ path: site.categories, contains_any: [terrorism_propaganda, hate_speech] }"
        case 1: when = "{ all: [{ path: customer.country, in: [DE, FR, IT] }, { path: customer.followers, gte: \(i % 1000) }] }"
        case 2: when = "{ count: { path: requests, where: { all: [{ path: kind, equals: court_order }, { path: binding, equals: true }] }, gte: 2 } }"
        case 3: when = "{ any: [{ path: facts.imminent_threat_to_life, equals: true }, { not: { path: services, contains: dns } }] }"
        case 4: when = "{ some: { path: requests, where: { path: received, within: 30d } } }"
        default: when = "{ screen: { lists: [designations], names: [customer.name, customer.aliases], min_score: 1.0 } }"
        }
        var text = "  - id: rule-\(i)\n    title: Generated rule \(i)\n"
        if i % 50 != 7 { text += "    basis: [Terms of Service §\(i % 12)]\n" }
        text += "    decision: \(decision)\n"
        if decision == "suspend" || decision == "terminate" {
            text += "    reason: \"{customer.name} meets rule \(i)\"\n    obligations: [preserve_evidence]\n"
        } else if decision == "restrict" {
            text += "    reason: \"{customer.name} meets rule \(i)\"\n"
        }
        text += "    when: \(when)\n"
        return text
    }

    private static func write(_ path: String, _ text: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }
}
