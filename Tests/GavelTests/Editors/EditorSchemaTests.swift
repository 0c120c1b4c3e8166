import Foundation
import Testing

@testable import GavelCLI
@testable import GavelEngine
@testable import GavelLint
@testable import GavelSyntax

/// schema/gavel.schema.json lets editors (yaml-language-server) complete and
/// check Gavel files. These tests keep it equal to the loader's model, so it
/// cannot drift from what `gavel` accepts, and run a third-party validator
/// (check-jsonschema) over every shipped file and over documents the loader
/// refuses.
@Suite("Editor JSON Schema")
struct EditorSchemaTests {
    static let schemaPath = Repository.root.appendingPathComponent("schema/gavel.schema.json").path

    // MARK: the schema against the loader's field lists

    @Test("draft-07, dispatching on every kind the loader knows")
    func dispatch() throws {
        let schema = try Schema.load()
        #expect(schema["$schema"] as? String == "http://json-schema.org/draft-07/schema#")
        #expect(schema["required"] as? [String] == ["kind"])
        let kinds = try Schema.object(schema, "/properties/kind")["enum"] as? [String]
        #expect(kinds == DocumentKind.allCases.map(\.rawValue))
        let branches = try #require(schema["allOf"] as? [[String: Any]])
        var dispatched: [String] = []
        for branch in branches {
            let kind = try #require(try Schema.object(branch, "/if/properties/kind")["const"] as? String)
            let target = try #require(try Schema.object(branch, "/then")["$ref"] as? String)
            #expect(target == "#/definitions/\(kind.lowercased())")
            #expect(try Schema.object(schema, "/definitions/\(kind.lowercased())/properties/kind")["const"] as? String == kind)
            dispatched.append(kind)
        }
        #expect(dispatched == DocumentKind.allCases.map(\.rawValue))
    }

    @Test(
        "closed mappings list exactly the reader's allowed fields",
        arguments: [
            ("/definitions/bundle", DocumentReader.bundleFields),
            ("/definitions/policy", DocumentReader.policyFields),
            ("/definitions/rule", DocumentReader.ruleFields),
            ("/definitions/exception", DocumentReader.exceptionFields),
            ("/definitions/list", DocumentReader.listFields),
            ("/definitions/entry", DocumentReader.entryFields),
            ("/definitions/expect", CaseExpectation.fields),
            ("/definitions/followUp", FollowUp.fields),
            ("/definitions/citation", DocumentReader.citationFields),
        ])
    func closedMappings(pointer: String, fields: [String]) throws {
        let definition = try Schema.object(try Schema.load(), pointer)
        #expect(Schema.propertyNames(definition) == Set(fields))
        #expect(definition["additionalProperties"] as? Bool == false)
    }

    /// Mappings whose allowed fields are written inline in the readers: ask the
    /// loader itself, through the "allowed fields: …" help it gives for an
    /// unknown field.
    @Test(
        "inline field lists match what the loader allows",
        arguments: [
            Probe("/definitions/ladderStep", "bundle.yaml", "kind: Bundle\nid: b\nladder:\n  - { id: a, \(EditorSchemaTests.probe): 1 }\n"),
            Probe("/definitions/bundle/properties/default", "bundle.yaml", "kind: Bundle\nid: b\ndefault: { decision: no_action, \(EditorSchemaTests.probe): 1 }\n"),
            Probe("/definitions/bundle/properties/screening", "bundle.yaml", "kind: Bundle\nid: b\nscreening: { \(EditorSchemaTests.probe): 1 }\n"),
            Probe("/definitions/bundle/properties/lint", "bundle.yaml", "kind: Bundle\nid: b\nlint: { \(EditorSchemaTests.probe): 1 }\n"),
            Probe("/definitions/scope", "p.yaml", EditorSchemaTests.rule(when: "{ path: a, exists: true }", extra: "scope: { \(EditorSchemaTests.probe): 1 }")),
            Probe("/definitions/quantifier", "p.yaml", EditorSchemaTests.rule(when: "{ some: { path: r, where: { path: k, exists: true }, \(EditorSchemaTests.probe): 1 } }")),
            Probe("/definitions/quantifier", "p.yaml", EditorSchemaTests.rule(when: "{ every: { path: r, where: { path: k, exists: true }, \(EditorSchemaTests.probe): 1 } }")),
            Probe("/definitions/count", "p.yaml", EditorSchemaTests.rule(when: "{ count: { path: r, where: { path: k, exists: true }, gte: 1, \(EditorSchemaTests.probe): 1 } }")),
            Probe("/definitions/screen", "p.yaml", EditorSchemaTests.rule(when: "{ screen: { lists: [l], names: [customer.name], \(EditorSchemaTests.probe): 1 } }")),
            Probe("/definitions/schema", "schema.yaml", "kind: Schema\nfields: { a: string }\n\(EditorSchemaTests.probe): 1\n"),
            Probe("/definitions/fieldType/anyOf/2", "schema.yaml", "kind: Schema\nfields: { a: { enum: [x], \(EditorSchemaTests.probe): 1 } }\n"),
        ])
    func inlineMappings(_ probe: Probe) throws {
        let definition = try Schema.object(try Schema.load(), probe.pointer)
        let bundle = try TemporaryBundle([probe.file: probe.yaml])
        // Lint reports what the loader reports, and its own settings' problems (`lint:`).
        let diagnostics = Linter.lint(policies: bundle.path, caseFiles: []).findings
        let unknown = try #require(
            diagnostics.first { $0.rule == "unknown-field" && $0.message.contains(Self.probe) },
            "the loader did not report the unknown field: \(diagnostics.map(\.oneLine))")
        let help = try #require(unknown.help, "no help on \(unknown.oneLine)")
        let prefix = "allowed fields: "
        #expect(help.hasPrefix(prefix), "unexpected help: \(help)")
        let allowed = Set(help.dropFirst(prefix.count).components(separatedBy: ", "))
        #expect(Schema.propertyNames(definition).subtracting(["kind"]) == allowed)
        #expect(definition["additionalProperties"] as? Bool == false)
    }

    @Test("a case is open for data; only its reserved keys are described")
    func caseKeys() throws {
        let definition = try Schema.object(try Schema.load(), "/definitions/case")
        #expect(Schema.propertyNames(definition) == CaseRecord.reservedKeys)
        #expect(definition["additionalProperties"] as? Bool == true)
    }

    @Test("conditions: exactly one form, or `path` with exactly one operator")
    func conditionForms() throws {
        let condition = try Schema.object(try Schema.load(), "/definitions/condition")
        #expect(Schema.propertyNames(condition) == Set(ConditionCompiler.forms + OperatorName.words))
        #expect(condition["additionalProperties"] as? Bool == false)
        #expect(try Schema.object(condition, "/if")["required"] as? [String] == ["path"])
        let predicate = try Schema.object(condition, "/then")
        #expect(Set(try Schema.object(predicate, "/propertyNames")["enum"] as? [String] ?? []) == Set(["path"] + OperatorName.words))
        #expect(predicate["minProperties"] as? Int == 2)
        #expect(predicate["maxProperties"] as? Int == 2)
        let form = try Schema.object(condition, "/else")
        #expect(Set(try Schema.object(form, "/propertyNames")["enum"] as? [String] ?? []) == Set(ConditionCompiler.forms).subtracting(["path"]))
        #expect(form["maxProperties"] as? Int == 1)
    }

    @Test("enumerations match the model")
    func enumerations() throws {
        let schema = try Schema.load()
        let entryTypes = ListEntry.EntryType.allCases.map(\.rawValue)
        #expect(try Schema.object(schema, "/definitions/entry/properties/type")["enum"] as? [String] == entryTypes)
        #expect(try Schema.object(schema, "/definitions/screen/properties/types/items")["enum"] as? [String] == entryTypes)
        #expect(
            try Schema.object(schema, "/definitions/bundle/properties/lint/properties/rules/additionalProperties")["enum"]
                as? [String] == LintSettings.Level.allCases.map(\.rawValue))
        // Schema field types are written inline in SchemaReader: every one the
        // schema offers must load, and the loader's own list must be the same.
        let offered = try #require(try Schema.object(schema, "/definitions/fieldType/anyOf/0")["enum"] as? [String])
        for type in offered {
            let bundle = try TemporaryBundle(["schema.yaml": "kind: Schema\nfields: { a: \(type) }\n", "p.yaml": Self.policy])
            #expect(BundleLoader.analyze(directory: bundle.path).diagnostics.isEmpty, "field type `\(type)`")
        }
        let bundle = try TemporaryBundle(["schema.yaml": "kind: Schema\nfields: { a: \(Self.probe) }\n", "p.yaml": Self.policy])
        // The policy's path `a` is then undeclared too (`unknown-path`): read the field type's own problem.
        let help = BundleLoader.analyze(directory: bundle.path).diagnostics.first { $0.code == .wrongType }?.help ?? ""
        let listed = help.components(separatedBy: ", ").map { $0.replacingOccurrences(of: "use ", with: "") }
            .filter { $0.allSatisfy(\.isLetter) && !$0.isEmpty }
        #expect(listed == offered, "loader help: \(help)")
    }

    // MARK: the schema's patterns against the loader's parsers

    @Test("the date pattern accepts what Instant.parse accepts")
    func datePattern() throws {
        let pattern = try Schema.pattern("/definitions/date")
        let samples = [
            "2017-08-30", "2019-09-09T12:00:00Z", "2019-09-09T12:00:00+02:00", "2019-09-09 12:00:00Z",
            "2019-09-09t12:00:00z", "2019-09-09T12:00:00.250Z", "2016-12-31T23:59:60Z", "2017-8-30", "20170830",
            "2017-13-01", "2017-00-10", "2017-08-32", "2019-09-09T12:00Z", "2019-09-09T12:00:00", "2019-09-09T24:00:00Z",
            "2019-09-09T12:00:00+2:00", "2019-09-09T12:00:00.Z", "2019-09-09Z", "2019-09-09 ", "next week",
        ]
        for text in samples {
            #expect(Schema.matches(pattern, text) == (Instant.parse(text) != nil), "`\(text)`")
        }
    }

    @Test("the `within` pattern accepts what Span.parse accepts")
    func durationPattern() throws {
        let pattern = try Schema.pattern("/definitions/condition/properties/within")
        for text in ["30d", "12h", "2w", "0d", "007d", "30", "d", "30 d", "-1d", "+1d", "30m", "1.5d", "30D", "٣d"] {
            #expect(Schema.matches(pattern, text) == (Span.parse(text) != nil), "`\(text)`")
        }
    }

    @Test("the id and jurisdiction patterns match the reader's checks")
    func idPatterns() throws {
        let kebab = try Schema.pattern("/definitions/kebabId")
        for text in ["designated-organization", "a", "1a", "eo12947-x", "a--b", "-a", "a-", "A", "a_b", "é", "", "a b"] {
            #expect(Schema.matches(kebab, text) == text.isKebabCase, "`\(text)`")
        }
        let jurisdiction = try Schema.pattern("/definitions/scope/properties/jurisdictions/items")
        for text in ["DE", "NO", "US-CA", "GB-ENG", "FR-75", "de", "DEU", "US-", "US-ABCD", "U", "US-ca", "UK", "EU", "XX", "UK-ENG"] {
            #expect(Schema.matches(jurisdiction, text) == text.isJurisdictionCode, "`\(text)`")
        }
    }

    @Test("every property explains itself on hover")
    func descriptions() throws {
        var missing: [String] = []
        func walk(_ node: Any, _ pointer: String) {
            if let object = node as? [String: Any] {
                if let properties = object["properties"] as? [String: Any] {
                    for (name, value) in properties {
                        let property = value as? [String: Any] ?? [:]
                        for key in ["description", "markdownDescription"]
                        where (property[key] as? String)?.isEmpty ?? true {
                            missing.append("\(pointer)/properties/\(name) has no \(key)")
                        }
                    }
                }
                // `if` subschemas only test a value; nobody hovers over them.
                for (key, value) in object where key != "if" { walk(value, "\(pointer)/\(key)") }
            } else if let array = node as? [Any] {
                for (index, value) in array.enumerated() { walk(value, "\(pointer)/\(index)") }
            }
        }
        walk(try Schema.load(), "")
        #expect(missing.isEmpty, "\(missing.sorted().joined(separator: "\n"))")
    }

    // MARK: a third-party validator

    @Test("check-jsonschema accepts every file in Policies/ and Cases/")
    func shippedFiles() throws {
        let scratch = try Scratch()
        var files: [String] = []
        for (folder, root) in [("Policies", Repository.policies), ("Cases", Repository.cases)] {
            // `.jsonl` batches are not YAML documents; each line is checked by the loader.
            for relative in FileAccess.files(under: FileAccess.realPath(root) ?? root, extensions: [".yaml", ".yml", ".json"]) {
                let path = root + "/" + relative
                let text = String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
                let documents = relative.hasSuffix(".json") ? [text] : Self.documents(text)
                if documents.count == 1 {
                    files.append(path)
                } else {
                    // check-jsonschema reads one document per file: give it each one.
                    for (index, document) in documents.enumerated() {
                        let name = "\(folder)/\(relative)#\(index + 1).yaml".replacingOccurrences(of: "/", with: "__")
                        files.append(try scratch.write(name, document))
                    }
                }
            }
        }
        try #require(files.count >= 40, "found only \(files.count) documents")
        let (status, output) = try Validator.check(files)
        #expect(status == 0, "check-jsonschema rejected shipped files:\n\(output)")
    }

    @Test("check-jsonschema accepts documents the loader accepts (YAML 1.2 typing, dates, shorthands)")
    func acceptedSamples() throws {
        let bundle = try TemporaryBundle(Self.accepted)
        let problems = BundleLoader.analyze(directory: bundle.path).diagnostics
        #expect(problems.isEmpty, "the loader refuses a sample: \(problems.map(\.oneLine))")
        let scratch = try Scratch()
        let caseFile = try scratch.write("case.yaml", Self.acceptedCase)
        #expect(throws: Never.self) { try CaseLoader.cases(in: Array(Self.acceptedCase.utf8), file: "case.yaml").map { try $0.get() } }
        let files = Self.accepted.keys.sorted().map { bundle.path + "/" + $0 } + [caseFile]
        let (status, output) = try Validator.check(files)
        #expect(status == 0, "check-jsonschema rejected a valid sample:\n\(output)")
    }

    @Test("check-jsonschema rejects what the loader rejects", arguments: rejected)
    func rejectedSample(_ sample: Rejected) throws {
        // The loader refuses it…
        let diagnostics: [Diagnostic]
        if sample.yaml.hasPrefix("kind: Case") {
            diagnostics = CaseLoader.cases(in: Array(sample.yaml.utf8), file: "case.yaml").flatMap { result -> [Diagnostic] in
                if case .failure(let error) = result { return error.diagnostics }
                return []
            }
        } else {
            let file = sample.yaml.hasPrefix("kind: Bundle") ? "bundle.yaml" : "sample.yaml"
            let bundle = try TemporaryBundle([file: sample.yaml])
            diagnostics = Linter.lint(policies: bundle.path, caseFiles: []).findings
        }
        #expect(
            diagnostics.contains { $0.severity == .error && ($0.message + ($0.help ?? "")).contains(sample.loaderSays) },
            "the loader should refuse \(sample.name) saying `\(sample.loaderSays)`: \(diagnostics.map(\.oneLine))")
        // …and so does the validator, for the same reason.
        let scratch = try Scratch()
        let file = try scratch.write("sample.yaml", sample.yaml)
        let (status, output) = try Validator.check([file])
        #expect(status == 1, "check-jsonschema accepted \(sample.name) (exit \(status)):\n\(output)")
        #expect(output.contains(sample.validatorSays), "check-jsonschema on \(sample.name):\n\(output)")
    }

    // MARK: samples

    static let probe = "zzzzzzzzzzzz"

    /// A bundle needs a policy (`empty-bundle`); schema-only samples add this one, whose path `a` they declare.
    static let policy = rule(when: "{ path: a, exists: true }")

    /// A document with the unknown field `probe` in the mapping the schema
    /// describes at `pointer`.
    struct Probe: Sendable, CustomTestStringConvertible {
        let pointer: String
        let file: String
        let yaml: String
        init(_ pointer: String, _ file: String, _ yaml: String) {
            (self.pointer, self.file, self.yaml) = (pointer, file, yaml)
        }
        var testDescription: String { pointer }
    }

    static func rule(when: String, extra: String = "") -> String {
        "kind: Policy\nid: p\nrules:\n  - id: r\n    title: t\n    decision: monitor\n    when: \(when)\n"
            + (extra.isEmpty ? "" : "    \(extra)\n")
    }

    struct Rejected: Sendable, CustomTestStringConvertible {
        let name: String
        let yaml: String
        let loaderSays: String
        let validatorSays: String
        var testDescription: String { name }
    }

    static let rejected: [Rejected] = [
        Rejected(
            name: "an unknown rule field", yaml: rule(when: "{ path: a, exists: true }", extra: "severity: high"),
            loaderSays: "`severity`", validatorSays: "'severity' was unexpected"),
        Rejected(
            name: "a predicate with two operators", yaml: rule(when: "{ path: site.categories, contains_any: [a], exists: true }"),
            loaderSays: "exactly one operator", validatorSays: "has too many properties"),
        Rejected(
            name: "a predicate without an operator", yaml: rule(when: "{ path: site.categories }"),
            loaderSays: "has no operator", validatorSays: "does not have enough properties"),
        Rejected(
            name: "two condition forms", yaml: rule(when: "{ all: [{ path: a, exists: true }], not: { path: b, exists: true } }"),
            loaderSays: "exactly one form", validatorSays: "has too many properties"),
        Rejected(
            name: "an operator without a path", yaml: rule(when: "{ equals: 3 }"),
            loaderSays: "needs a `path`", validatorSays: "'equals' is not one of"),
        Rejected(
            name: "a YAML 1.1 boolean (`yes` is a string)", yaml: rule(when: "{ path: a, exists: yes }"),
            loaderSays: "`true` or `false`", validatorSays: "'yes' is not of type 'boolean'"),
        Rejected(
            name: "a bad duration", yaml: rule(when: "{ path: received, within: 30 days }"),
            loaderSays: "`30 days`", validatorSays: "'30 days' does not match"),
        Rejected(
            name: "a count without a comparison", yaml: rule(when: "{ count: { path: r, where: { path: k, exists: true } } }"),
            loaderSays: "exactly one of gt", validatorSays: "is not valid under any of the given schemas"),
        Rejected(
            name: "a rule id that is not kebab-case",
            yaml: "kind: Policy\nid: p\nrules:\n  - id: Designated_Org\n    title: t\n    decision: monitor\n    when: { path: a, exists: true }\n",
            loaderSays: "kebab-case", validatorSays: "'Designated_Org' does not match"),
        Rejected(
            name: "a malformed date", yaml: "kind: Policy\nid: p\neffective: 2019-9-9\n",
            loaderSays: "`2019-9-9`", validatorSays: "'2019-9-9' does not match"),
        Rejected(
            name: "an unknown entry type",
            yaml: "kind: List\nid: l\nentries:\n  - { id: e, name: E, type: company }\n",
            loaderSays: "`company`", validatorSays: "'company' is not one of"),
        Rejected(
            name: "`required` on a list's element type", yaml: "kind: Schema\nfields:\n  a: [{ enum: [x], required: true }]\n",
            loaderSays: "belongs to a field", validatorSays: "is not valid under any of the given schemas"),
        Rejected(
            name: "a field type with both `type` and `enum`", yaml: "kind: Schema\nfields:\n  a: { type: string, enum: [x] }\n",
            loaderSays: "not both", validatorSays: "is not valid under any of the given schemas"),
        Rejected(
            name: "`open` that is not a list of paths", yaml: "kind: Schema\nopen: facts\nfields:\n  facts.a: string\n",
            loaderSays: "list of strings", validatorSays: "'facts' is not of type 'array'"),
        Rejected(
            name: "an unknown lint level", yaml: "kind: Bundle\nid: b\nlint: { rules: { always-holds: warn } }\n",
            loaderSays: "`warn`", validatorSays: "'warn' is not one of"),
        Rejected(
            name: "an unknown expect field", yaml: "kind: Case\nid: c\nexpect: { decison: terminate }\n",
            loaderSays: "`decison`", validatorSays: "'decison' was unexpected"),
        Rejected(
            name: "an unknown kind", yaml: "kind: Polcy\nid: p\n",
            loaderSays: "`Polcy`", validatorSays: "'Polcy' is not one of"),
    ]

    /// A small bundle using every form the loader accepts in ways an editor's
    /// YAML typing could get wrong: unquoted dates, `NO`, `off`, `2024.09`.
    static let accepted: [String: String] = [
        "bundle.yaml": """
            kind: Bundle
            id: sample
            version: 2024.09
            ladder:
              - no_action
              - { id: escalate, title: Human review }
              - { id: geo_block }
              - terminate
            default: { decision: no_action, reason: Nothing applies. }
            screening: { min_score: 0.9 }
            lint:
              rules: { duplicate-key: off, always-holds: warning }
              evidence_obligations: [preserve_evidence]
            """,
        "policies/p.yaml": """
            kind: Policy
            id: p
            title: Every operator
            owner: legal@example.com
            effective: 2001-09-23
            expires: null
            rules:
              - id: every-operator
                title: All operators once
                basis: ["EO 13224"]
                mandatory: false
                effective: 2019-09-09T12:00:00+02:00
                tags: [sample]
                scope: { jurisdictions: [NO, US-CA], services: [cdn] }
                decision: geo_block
                obligations: [preserve_evidence]
                reason: "{customer.name} on {match.list}"
                when:
                  all:
                    - { path: customer.country, equals: NO }
                    - { path: customer.country, in: [NO, SE] }
                    - { path: site.categories, contains: news }
                    - { path: site.categories, contains_any: [news, satire] }
                    - { path: site.categories, contains_all: [news] }
                    - { path: facts.followers, exists: true }
                    - { path: facts.followers, gt: 10 }
                    - { path: facts.followers, gte: 10.5 }
                    - { path: requests.received, lt: 2020-01-01 }
                    - { path: requests.received, lte: "2020-01-01T00:00:00Z" }
                    - { path: site.domain, glob: "*.example" }
                    - { path: site.domain, starts_with: www }
                    - { path: site.domain, ends_with: .example }
                    - { path: requests.received, within: 30d }
                    - any:
                        - not: { path: facts.flag, equals: true }
                        - some: { path: requests, where: { path: $.customer.country, equals: NO } }
                        - every: { path: requests, where: { path: kind, in: [court_order] } }
                        - count: { path: requests, where: { path: binding, equals: true }, gte: 2 }
                        - screen: { lists: [l], names: customer.name, identifiers: { domain: site.domain }, min_score: 0.8, below: 1.0, types: [organization] }
            exceptions:
              - id: an-exception
                title: Journalism
                suspends: [every-operator]
                when: { path: site.categories, contains_any: [journalism] }
                basis: ["ToS 4.2"]
            """,
        "lists/l.yaml": """
            kind: List
            id: l
            title: A list
            authority: US-DOS
            source: https://example.com/list
            as_of: 2018-03-01
            entries:
              - id: e-1
                name: HAMAS
                aliases: [Islamic Resistance Movement]
                type: organization
                listed: 1997-10-08
                delisted: null
                identifiers: { domain: [hamas.example], email: null }
                programs: [FTO]
              - { id: 2691, name: Other }
            """,
        "schema.yaml": """
            kind: Schema
            description: Sample
            open: [facts]
            fields:
              customer.name: { type: string, required: true }
              customer.country: string
              customer.aliases: [string]
              site.domain: string
              site.categories: [{ enum: [news, satire, journalism] }]
              requests: { type: [object], required: false }
              requests.kind: { enum: [court_order, legal_demand], required: true }
              requests.received: date
              requests.binding: bool
              facts.followers: number
              facts.count: int
              facts.flag: bool
            """,
    ]

    static let acceptedCase = """
        kind: Case
        id: CASE-1
        as_of: 2017-08-30T09:00:00-04:00
        customer: { name: Hamas, aliases: [Islamic Resistance Movement], country: NO, active: yes }
        requests:
          - { kind: legal_demand, received: 2017-08-30, binding: false }
        expect:
          decision: terminate
          determined_by: [designated-organization]
          obligations: []
          match_methods: [exact]
          not_in_force: []
        notes: free text
        """

    // MARK: helpers

    /// The documents of a YAML stream, split at `---` lines (a document
    /// marker at column 0 cannot occur inside a scalar); comment-only parts
    /// are dropped.
    static func documents(_ text: String) -> [String] {
        var documents: [[Substring]] = [[]]
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let bare = line.hasSuffix("\r") ? line.dropLast() : line
            if bare == "---" || bare.hasPrefix("--- ") || bare.hasPrefix("---\t") {
                documents.append([bare.dropFirst(3)])
            } else if bare == "..." {
                documents.append([])
            } else {
                documents[documents.count - 1].append(line)
            }
        }
        return documents.filter { lines in
            lines.contains { (line: Substring) -> Bool in
                let trimmed = String(line).trimmingSpaces
                return !trimmed.isEmpty && !trimmed.hasPrefix("#")
            }
        }.map { $0.joined(separator: "\n") + "\n" }
    }

    enum Schema {
        static func load() throws -> [String: Any] {
            let data = try Data(contentsOf: URL(fileURLWithPath: EditorSchemaTests.schemaPath))
            return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any], "the schema is not a JSON object")
        }

        /// The object at a JSON pointer (`/definitions/rule`).
        static func object(_ root: [String: Any], _ pointer: String) throws -> [String: Any] {
            var node: Any = root
            for token in pointer.split(separator: "/").map(String.init) {
                if let object = node as? [String: Any], let next = object[token] {
                    node = next
                } else if let array = node as? [Any], let index = Int(token), array.indices.contains(index) {
                    node = array[index]
                } else {
                    throw SchemaError("no `\(pointer)` in the schema")
                }
            }
            guard let object = node as? [String: Any] else { throw SchemaError("`\(pointer)` is not an object") }
            return object
        }

        static func propertyNames(_ definition: [String: Any]) -> Set<String> {
            Set((definition["properties"] as? [String: Any] ?? [:]).keys)
        }

        static func pattern(_ pointer: String) throws -> NSRegularExpression {
            let text = try #require(try object(load(), pointer)["pattern"] as? String, "no pattern at \(pointer)")
            return try NSRegularExpression(pattern: text)
        }

        static func matches(_ pattern: NSRegularExpression, _ text: String) -> Bool {
            pattern.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
        }
    }

    struct SchemaError: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }

    /// check-jsonschema (PyPI), the validator. .ci/run installs it; a missing
    /// one fails the test rather than skipping it.
    enum Validator {
        /// Runs it from the repository root; returns its exit status and output.
        static func check(_ files: [String]) throws -> (Int32, String) {
            guard
                let result = try ExternalTools.checkJSONSchema(
                    ["--schemafile", EditorSchemaTests.schemaPath] + files, in: Repository.root)
            else {
                Issue.record("check-jsonschema is missing; \(ExternalTools.installHint)")
                throw SchemaError("check-jsonschema is missing")
            }
            return result
        }
    }

    /// A temporary folder, removed when the test is done with it.
    final class Scratch {
        let path: String

        init() throws {
            path = FileManager.default.temporaryDirectory.appendingPathComponent("gavel-schema-\(UUID().uuidString)").path
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        }

        func write(_ name: String, _ text: String) throws -> String {
            let file = path + "/" + name
            try Data(text.utf8).write(to: URL(fileURLWithPath: file))
            return file
        }

        deinit { try? FileManager.default.removeItem(atPath: path) }
    }
}
