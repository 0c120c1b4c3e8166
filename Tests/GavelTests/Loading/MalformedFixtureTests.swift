import Foundation
import Testing
@testable import GavelCLI
@testable import GavelEngine
@testable import GavelLint
@testable import GavelSyntax

/// Each `Fixtures/malformed/<rule>/NN.yaml` must fail with exactly the
/// diagnostic in `NN.expected.txt`. Adding a fixture needs no Swift.
/// `GAVEL_RECORD=1` rewrites the expected files (and fails, so a recording run never passes).
@Suite("Malformed YAML fixtures")
struct MalformedFixtureTests {
    static let fixturesRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

    /// Paths relative to `Fixtures/`, such as `malformed/duplicate-key/01.yaml`.
    static let fixtures: [String] = {
        let malformed = fixturesRoot.appendingPathComponent("malformed")
        let files = FileManager.default.enumerator(at: malformed, includingPropertiesForKeys: nil)
        var paths: [String] = []
        while let url = files?.nextObject() as? URL {
            guard url.pathExtension == "yaml" else { continue }
            paths.append(String(url.path.dropFirst(fixturesRoot.path.count + 1)))
        }
        return paths.sorted()
    }()

    @Test("the fixture tree is not empty")
    func fixturesExist() {
        #expect(Self.fixtures.count >= 20)
    }

    @Test("a malformed file fails with the recorded diagnostic", arguments: fixtures)
    func malformed(_ path: String) throws {
        let input = Self.fixturesRoot.appendingPathComponent(path)
        let expectedURL = input.deletingPathExtension().appendingPathExtension("expected.txt")
        let bytes = try [UInt8](Data(contentsOf: input))
        let stream = YAMLComposer.compose(bytes, file: path)
        let error = try #require(stream.error, "\(path) loaded without error")

        let folder = input.deletingLastPathComponent().lastPathComponent
        #expect(error.rule == folder)

        let actual = error.oneLine + "\n"
        if ProcessInfo.processInfo.environment["GAVEL_RECORD"] == "1" {
            try Data(actual.utf8).write(to: expectedURL)
            Issue.record("recorded \(expectedURL.lastPathComponent); rerun without GAVEL_RECORD")
            return
        }
        let expected = try String(contentsOf: expectedURL, encoding: .utf8)
        #expect(actual == expected)
    }
}
