import Foundation
import Testing

@testable import GavelCLI
@testable import GavelEngine
@testable import GavelLint
@testable import GavelSyntax

/// `gavel lint` in-process: which paths are bundles, exit statuses, --strict.
@Suite("gavel lint")
struct LintRunTests {
    func run(_ paths: [String], format: LintFormat = .text, strict: Bool = false, policies: String? = nil) -> (Int32, String, String) {
        var output = ""
        var errors = ""
        let status = LintRun(paths: paths, policies: policies, format: format, strict: strict)
            .run(output: { output += $0 }, errors: { errors += $0 })
        return (status, output, errors)
    }

    @Test("the shipped Policies/ and Cases/ lint clean")
    func shippedBundleIsClean() {
        let (status, output, errors) = run([Repository.policies, Repository.cases], strict: true)
        #expect(status == 0, "\(output)")
        #expect(output == "no problems found\n")
        #expect(errors.isEmpty)
    }

    @Test("errors exit 1, warnings only with --strict")
    func exitStatuses() throws {
        let warningOnly = try TemporaryBundle([
            "p.yaml": "kind: Policy\nid: p\nowner: o@example.com\nrules:\n  - { id: r, title: R, decision: monitor, when: { path: a, exists: true } }\n"
        ])
        #expect(run([warningOnly.path]).0 == 0)
        #expect(run([warningOnly.path], strict: true).0 == 1)
        let broken = try TemporaryBundle(["p.yaml": "kind: Policy\nid: p\nrules: [\n"])
        let (status, output, _) = run([broken.path])
        #expect(status == 1)
        #expect(output.contains("error[yaml-syntax]"))
    }

    @Test("a path that cannot be read exits 2, after reporting the rest")
    func unreadablePath() throws {
        let bundle = try TemporaryBundle(["p.yaml": "kind: Policy\nid: p\nrules: [\n"])
        let (status, output, errors) = run([bundle.path, "/nonexistent/gavel"])
        #expect(status == 2)
        #expect(output.contains("error[yaml-syntax]"))
        #expect(errors.contains("/nonexistent/gavel"))
    }

    @Test("case files are checked against the bundle named on the command line")
    func casesAgainstBundle() throws {
        let bundle = try TemporaryBundle([
            "p.yaml": "kind: Policy\nid: p\nowner: o@example.com\nrules:\n  - { id: r, title: R, basis: [ToS], decision: monitor, when: { path: a, exists: true } }\n"
        ])
        let cases = try TemporaryBundle(["c.yaml": "kind: Case\nid: c\nexpect: { decision: monitor, matched: [rr] }\n"])
        let (status, output, _) = run([bundle.path, cases.path])
        #expect(status == 1)
        #expect(output.contains("error[case-expects-unknown-rule]"))
    }

    @Test("lint reports the expect: problems gavel test refuses: a decision off the ladder, an expect: that checks nothing")
    func expectProblems() throws {
        let bundle = try TemporaryBundle([
            "p.yaml": "kind: Policy\nid: p\nowner: o@example.com\nrules:\n  - { id: r, title: R, basis: [ToS], decision: monitor, when: { path: a, exists: true } }\n"
        ])
        let cases = try TemporaryBundle([
            "off-ladder.yaml": "kind: Case\nid: c1\nexpect: { decision: terminated }\n",
            "nothing.yaml": "kind: Case\nid: c2\nexpect: {}\n",
            "fine.yaml": "kind: Case\nid: c3\nexpect: { decision: monitor }\n",
        ])
        let (status, output, _) = run([bundle.path, cases.path])
        #expect(status == 1)
        #expect(output.contains("off-ladder.yaml:3:21: error[unknown-decision] `expect.decision` is `terminated`, which is not on the bundle's ladder"))
        #expect(output.contains("nothing.yaml:3:9: error[missing-field] `expect` names nothing to check"))
        #expect(!output.contains("fine.yaml"))
    }

    @Test("the folder above a bundle's folder, written relative when it is", arguments: [
        (".", ".."), ("lists", "."), ("./lists", "."), ("..", "../.."), ("../x", ".."), ("a/b", "a"), ("/a", "/"), ("x/.", "x/.."),
    ] as [(String, String)])
    func parentFolder(_ directory: String, _ expected: String) {
        #expect(LintRun.parentFolder(of: directory) == expected)
    }

    @Test("a list file's bundle is found above the file's own folder, not taken to be that folder")
    func bundleRootAbove() throws {
        let bundle = try TemporaryBundle(["bundle.yaml": "kind: Bundle\n", "lists/l.yaml": "kind: List\n"])
        #expect(LintRun.bundleRoot(containing: bundle.path + "/lists/l.yaml") == bundle.path)
        #expect(LintRun.bundleRoot(containing: bundle.path + "/bundle.yaml") == bundle.path)
    }

    @Test("a single policy file is checked within its bundle and only its findings are shown")
    func singlePolicyFile() throws {
        let bundle = try TemporaryBundle([
            "bundle.yaml": "kind: Bundle\nid: b\n",
            "lists/l.yaml": "kind: List\nid: l\nsource: https://example.gov\nas_of: 2024-01-01\nentries: []\n",
            "policies/good.yaml": "kind: Policy\nid: good\nowner: o@example.com\nrules:\n  - { id: r, title: R, basis: [ToS], decision: escalate, when: { screen: { lists: [l], names: [customer.name] } } }\n",
            "policies/bad.yaml": "kind: Policy\nid: bad\nrules:\n  - { id: s, title: S, decison: monitor, when: { path: a, exists: true } }\n",
        ])
        let (goodStatus, goodOutput, _) = run([bundle.path + "/policies/good.yaml"])
        #expect(goodStatus == 0, "\(goodOutput)")
        #expect(goodOutput == "no problems found\n")
        let (badStatus, badOutput, _) = run([bundle.path + "/policies/bad.yaml"])
        #expect(badStatus == 1)
        #expect(badOutput.contains("bad.yaml:4:24: error[unknown-field]"))
        #expect(!badOutput.contains("good.yaml"))
    }
}
