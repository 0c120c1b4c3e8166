import Foundation
import Testing

@testable import GavelCLI
@testable import GavelEngine
@testable import GavelLint
@testable import GavelSyntax

/// Each folder under Fixtures/bundles is a policy directory that must be
/// refused; `expected.txt` beside its files holds every diagnostic, in
/// order, as `gavel evaluate` prints them (paths relative to Fixtures/).
@Suite("Bundle problems")
struct BundleProblemTests {
    static let folder = Repository.fixtures.appendingPathComponent("bundles").path
    static let scenarios: [String] = FileAccess.files(under: folder, extensions: ["expected.txt"])
        .map { ($0 as NSString).deletingLastPathComponent }.sorted()

    @Test("every scenario folder is found and has its expected.txt")
    func scenariosFound() throws {
        let folders = try FileManager.default.contentsOfDirectory(atPath: Self.folder).filter { !$0.hasPrefix(".") }
        #expect(folders.count >= 13, "only \(folders.count) scenarios in \(Self.folder)")
        #expect(Self.scenarios == folders.sorted())
    }

    @Test("every problem is reported with its location", arguments: scenarios)
    func scenario(_ name: String) throws {
        let directory = Repository.fixtures.appendingPathComponent("bundles/\(name)").path
        let error = try #require(
            { () -> DiagnosticError? in
                if case .failure(let e) = BundleLoader.load(directory: directory) { return e }
                return nil
            }(), "bundle `\(name)` loaded without problems")
        let actual = error.diagnostics.map {
            $0.oneLine.replacingOccurrences(of: Repository.fixtures.path + "/", with: "")
        }.joined(separator: "\n") + "\n"
        let expectedURL = URL(fileURLWithPath: directory).appendingPathComponent("expected.txt")
        if ProcessInfo.processInfo.environment["GAVEL_RECORD"] == "1" {
            try Data(actual.utf8).write(to: expectedURL)
            Issue.record("recorded \(name)/expected.txt")
            return
        }
        let expected = try String(contentsOf: expectedURL, encoding: .utf8)
        #expect(actual == expected)
    }

    /// A bundle needs a policy (`empty-bundle`); tests about its other files add this one.
    static let policy = "kind: Policy\nid: p\nrules:\n  - { id: r, title: R, decision: monitor, when: { path: a, exists: true } }\n"

    @Test("a symlink leading out of the bundle is refused")
    func symlinkEscape() throws {
        let outside = try TemporaryBundle(["secret.yaml": "kind: Policy\nid: secret\n"])
        let bundle = try TemporaryBundle(["policy.yaml": "kind: Policy\nid: p\n"])
        try FileManager.default.createSymbolicLink(
            atPath: bundle.path + "/linked.yaml", withDestinationPath: outside.path + "/secret.yaml")
        #expect(bundle.problems() == [
            "linked.yaml:1:1: error[path-outside-bundle] `linked.yaml` is a link to a file outside the policy directory\n  help: copy the file into the bundle instead of linking to it"
        ])
    }

    @Test("a link to a folder is refused, wherever it leads: its policies would be read, or left out, without a word")
    func folderLinkRefused() throws {
        let outside = try TemporaryBundle(["extra.yaml": "kind: Policy\nid: extra\n"])
        let bundle = try TemporaryBundle(["policy.yaml": Self.policy, "inner/more.yaml": "kind: Policy\nid: more\n"])
        try FileManager.default.createSymbolicLink(atPath: bundle.path + "/ext", withDestinationPath: outside.path)
        try FileManager.default.createSymbolicLink(atPath: bundle.path + "/again", withDestinationPath: bundle.path + "/inner")
        let links = bundle.problems().filter { $0.contains("is a link to a folder, which is not followed") }
        #expect(links.count == 2)
        #expect(links.first?.hasPrefix("again:1:1: error[path-outside-bundle] `again` is a link to a folder") == true)
        #expect(links.last?.hasPrefix("ext:1:1: error[path-outside-bundle] `ext` is a link to a folder") == true)
    }

    @Test("a named pipe among the bundle's files, or as its entries_from, is refused, not opened (it would block the load)")
    func pipesRefused() throws {
        let bundle = try TemporaryBundle([
            "policy.yaml": Self.policy, "lists/l.yaml": "kind: List\nid: l\nentries_from: l.jsonl\n",
            "lists/d.yaml": "kind: List\nid: d\nentries_from: folder\n", "lists/folder/x.txt": "",
        ])
        #expect(mkfifo(bundle.path + "/pipe.yaml", 0o600) == 0)
        #expect(mkfifo(bundle.path + "/lists/l.jsonl", 0o600) == 0)
        #expect(bundle.problems() == [
            "lists/d.yaml:3:15: error[unreadable-file] `entries_from: folder` is not a regular file\n  help: name the list's JSON Lines file, e.g. `entries_from: us-sdgt.jsonl`",
            "lists/l.yaml:3:15: error[unreadable-file] `entries_from: l.jsonl` is not a regular file\n  help: name the list's JSON Lines file, e.g. `entries_from: us-sdgt.jsonl`",
            "pipe.yaml:1:1: error[unreadable-file] `pipe.yaml` is not a regular file (a named pipe, a device or a socket), so it is not read\n  help: replace it with a regular file",
        ])
    }

    @Test("entries_from through a symlink that leads out is refused; one inside is read")
    func entriesFromLinks() throws {
        let outside = try TemporaryBundle(["x.jsonl": "{\"id\": \"a\", \"name\": \"A\"}\n"])
        let bundle = try TemporaryBundle([
            "lists/l.yaml": "kind: List\nid: l\nentries_from: l.jsonl\n",
            "lists/inside.yaml": "kind: List\nid: inside\nentries_from: data/inside.jsonl\n",
            "lists/data/inside.jsonl": "{\"id\": \"b\", \"name\": \"B\"}\n\n{\"id\": \"c\", \"name\": \"C\", \"aliases\": [\"Cee\"]}\n",
            "policy.yaml": Self.policy,
        ])
        try FileManager.default.createSymbolicLink(atPath: bundle.path + "/lists/l.jsonl", withDestinationPath: outside.path + "/x.jsonl")
        #expect(bundle.problems() == [
            "lists/l.yaml:3:15: error[path-outside-bundle] `entries_from: l.jsonl` links to a file outside the policy directory"
        ])
        try FileManager.default.removeItem(atPath: bundle.path + "/lists/l.yaml")
        let compiled = try bundle.compile().get()
        #expect(compiled.list("inside")?.entries.map(\.entry.id) == ["b", "c"])
        #expect(compiled.files.map(\.path).sorted() == ["lists/data/inside.jsonl", "lists/inside.yaml", "policy.yaml"])
    }

    @Test("a bad line in an entries_from file is located in that file")
    func entriesFromBadLine() throws {
        let bundle = try TemporaryBundle([
            "l.yaml": "kind: List\nid: l\nentries_from: l.jsonl\n",
            "l.jsonl": "{\"id\": \"a\", \"name\": \"A\"}\n{\"id\": \"b\", \"nam\": \"B\"}\n",
            "policy.yaml": Self.policy,
        ])
        #expect(bundle.problems() == [
            "l.jsonl:2:1: error[missing-field] list entry `b` is missing the required field `name`",
            "l.jsonl:2:13: error[unknown-field] unknown field `nam` in list entry `b`\n  help: did you mean `name`?",
        ])
    }
}
